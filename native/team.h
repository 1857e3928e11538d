/*
 * A team of threads sharing one right-hand side call of the native kernel
 * (team.c): the caller and threads - 1 POSIX threads take the model's chunks
 * from a shared counter; chunk c's gradient goes to parts + c p (zeroed
 * first), its particles' forces into G, so any number of threads gives the
 * same bits.
 */
#ifndef EGAN_TEAM_H
#define EGAN_TEAM_H
#include "oneLayer.h"

typedef struct EganTeam EganTeam;

/* threads in 1 .. chunks (1: no thread is started, a call runs every chunk on the caller's thread). NULL on failure. */
EganTeam *eganTeamCreate(const EganOneLayerInts *ints, double lambda, const double *Y, const double *wY, const double *tables, int32_t threads);
/* Stops and joins the team's threads and frees everything. */
void eganTeamFree(EganTeam *t);
int32_t eganTeamThreads(const EganTeam *t);
/* The caller's kernel workspace (for the sizes). */
const EganOneLayer *eganTeamKernel(const EganTeam *t);
/* One call: every chunk of the state u into parts (chunks x p) and G (N d). */
void eganTeamRun(EganTeam *t, const double *u, double *parts, double *G);

#endif
