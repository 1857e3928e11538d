/*
 * A team of threads sharing one right-hand side call of the native kernel
 * (team.c): the caller and threads - 1 POSIX threads take the model's chunks
 * from a shared counter; chunk c's gradient goes to parts + c p (zeroed
 * first), its particles' forces into G, so any number of threads gives the
 * same bits; the caller then finishes du.
 */
#ifndef EGAN_TEAM_H
#define EGAN_TEAM_H
#include "oneLayer.h"

typedef struct EganTeam EganTeam;

/* What finishRhs needs (rhsOneLayer.ts): etaD, weight decay mu, and the two-point kernel (twoPoint = 1: g1, g2 and
 * scale = etaG / N; 0: the caller applies its kernel). The order of binding.c's Float64Array. */
typedef struct { double etaD, mu, twoPoint, g1, g2, scale; } EganFinish;
#define EGAN_FINISH_DOUBLES 6

/* threads in 1 .. chunks (1: no thread is started, a call runs every chunk on the caller's thread). NULL on failure. */
EganTeam *eganTeamCreate(const EganOneLayerInts *ints, double lambda, const double *Y, const double *wY, const double *tables, const EganFinish *fin, int32_t threads);
/* Stops and joins the team's threads and frees everything. */
void eganTeamFree(EganTeam *t);
int32_t eganTeamThreads(const EganTeam *t);
/* The caller's kernel workspace (for the sizes). */
const EganOneLayer *eganTeamKernel(const EganTeam *t);
/* One call: every chunk of the state u into parts (chunks x p) and G (N d), then du's parameter part and, for the
 * two-point kernel, its particle part (finish in team.c). */
void eganTeamRun(EganTeam *t, const double *u, double *parts, double *G, double *du);

#endif
