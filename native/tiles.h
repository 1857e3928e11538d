/*
 * Register-tiled matrix products for the one-layer kernel in d != 2 (oneLayer.c), in which every output is
 * the same in-order sum as in the JavaScript kernel (src/model/oneLayerKernel.ts): the vectors run over
 * outputs, never along a sum, and -ffp-contract=off keeps each product and each addition rounded on its
 * own. So the results are the JavaScript kernel's bits, only computed with the machine's full vector width
 * and with the operands of a tile held in registers.
 */
#ifndef EGAN_TILES_H
#define EGAN_TILES_H
#include <stdint.h>

/*
 * out[i os + j] = init[j] + sum over l = 0 .. nl-1, in order, of L[i lr + l lc] * R[l rs + j]
 * for i < ni, j < nj (init NULL: the sums start from 0).
 */
void eganTileProduct(int32_t ni, int32_t nj, int32_t nl, const double *L, int32_t lr, int32_t lc, const double *R, int32_t rs,
                     const double *init, double *out, int32_t os);

/*
 * out[i os + j] += scale[i] * (sum over l, in order, of L[i lr + l lc] * R[l rs + j])   (scale NULL: no factor)
 * and, with L2/R2 given, the sum's terms are (L R + L2 R2): out[i os + j] += sum over l of
 * (L[i lr + l lc] * R[l rs + j] + L2[i lr + l lc] * R2[l rs + j]).
 */
void eganTileProductAdd(int32_t ni, int32_t nj, int32_t nl, const double *L, const double *L2, int32_t lr, int32_t lc,
                        const double *R, const double *R2, int32_t rs, const double *scale, double *out, int32_t os);

/* Columns per packed panel (two vectors). */
int32_t eganPanelWidth(void);

/*
 * R (nl rows of nj columns, row stride rs) repacked as panels for eganPanelProduct: every full panel of
 * eganPanelWidth() columns as [l][width], then the remaining columns as one narrower panel [l][rem]. P holds
 * nl nj doubles. Each panel is then read contiguously, however long R's rows are.
 */
void eganPackPanels(int32_t nl, int32_t nj, const double *R, int32_t rs, double *P);

/* eganTileProduct with R given as packed panels (the same sums, the same bits). */
void eganPanelProduct(int32_t ni, int32_t nj, int32_t nl, const double *L, int32_t lr, int32_t lc, const double *P,
                      const double *init, double *out, int32_t os);

#endif
