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

/* Columns per packed panel (two vectors). */
int32_t eganPanelWidth(void);

/*
 * R (nl rows of nj columns, row stride rs) repacked as panels for eganPanelProduct and eganPackedProductAdd: every full panel of
 * eganPanelWidth() columns as [l][width], then the remaining columns as one narrower panel [l][rem]. P holds
 * nl nj doubles. Each panel is then read contiguously, however long R's rows are.
 */
void eganPackPanels(int32_t nl, int32_t nj, const double *R, int32_t rs, double *P);

/*
 * out[i os + j] = init[j] + sum over l = 0 .. nl-1, in order, of L[i lr + l lc] * R[l][j], for i < ni, j < nj,
 * with R given as packed panels P (eganPackPanels; init NULL: the sums start from 0).
 */
void eganPanelProduct(int32_t ni, int32_t nj, int32_t nl, const double *L, int32_t lr, int32_t lc, const double *P,
                      const double *init, double *out, int32_t os);

/* Rows per packed row tile for eganPackedProductAdd with one product (two = 0) or two (two = 1). */
int32_t eganRowTile(int32_t two);

/*
 * L (ni rows of nl, L[i lr + l lc]) repacked as row tiles of rt rows for eganPackedProductAdd: the tile of rows
 * i0 .. i0 + rt - 1 as [l][row] at LP + i0 nl, the rows past ni zero. LP holds ceil(ni / rt) rt nl doubles.
 */
void eganPackRows(int32_t ni, int32_t nl, const double *L, int32_t lr, int32_t lc, int32_t rt, double *LP);

/*
 * out[i os + j] += scale[i] * (sum over l = 0 .. nl-1, in order, of L[i][l] R[l][j])   (scale NULL: no factor)
 * and, with LP2/P2 given, the sum's terms are (L[i][l] R[l][j] + L2[i][l] R2[l][j]); L (and L2) packed by
 * eganPackRows with eganRowTile(LP2 != NULL) rows per tile, R (and R2) by eganPackPanels.
 */
void eganPackedProductAdd(int32_t ni, int32_t nj, int32_t nl, const double *LP, const double *LP2, const double *P, const double *P2,
                          const double *scale, double *out, int32_t os);

#endif
