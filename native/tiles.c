/*
 * Register-tiled products (tiles.h). A tile is TI rows x 2 vectors of outputs held in registers while the sum
 * runs over l: per l, two vectors of R's row are loaded and each row's L entry is broadcast, so every output
 * lane receives its terms in the order l = 0, 1, ..., exactly as the scalar loop of the JavaScript kernel adds
 * them. Vectors are GCC/Clang vector extensions of the widest the build targets (8 doubles with AVX-512, else
 * 4), so the same source compiles for AVX2 and AVX-512 machines (and to scalar code elsewhere); no multiply is
 * fused with an add (-ffp-contract=off). Rows that do not fill a tile of TI, and columns that do not fill a
 * vector, take narrower tiles and finally a scalar loop, with the same order of terms.
 */
#include <string.h>
#include "tiles.h"

#if defined(__AVX512F__)
#define VW 8
#else
#define VW 4
#endif
typedef double vd __attribute__((vector_size(VW * sizeof(double))));

static inline vd vload(const double *p) { vd v; memcpy(&v, p, sizeof v); return v; }
static inline void vstore(double *p, vd v) { memcpy(p, &v, sizeof v); }
/* x in every lane: an initializer (no arithmetic, so -0 stays -0), which compilers turn into one broadcast. */
#if VW == 8
static inline vd vsplat(double x) { return (vd){ x, x, x, x, x, x, x, x }; }
#else
static inline vd vsplat(double x) { return (vd){ x, x, x, x }; }
#endif

/* Rows per tile. 5 rows x 2 vectors: 10 accumulators, 2 loaded vectors and a broadcast fit AVX2's 16 registers;
 * measured with bench/ceiling.c on an AMD EPYC (Zen 3), data in L1: 33 GFLOP/s with 4 rows, 46 with 5, 42-44 with
 * 6 (without fusing multiply and add, whose ceiling is within 10% of the fused one there). */
#define TI 5
_Static_assert(TI <= 6, "REST covers remainders of up to 5 rows");
/* The rows left after the full tiles (ni - i < TI), as one narrower tile: X(rows) for the count left. */
#define REST(X)                                                                                         \
  switch (ni - i) {                                                                                     \
  case 1: X(1) break;                                                                                   \
  case 2: X(2) break;                                                                                   \
  case 3: X(3) break;                                                                                   \
  case 4: X(4) break;                                                                                   \
  case 5: X(5) break;                                                                                   \
  default: break;                                                                                       \
  }

/* One row block of TIR rows (TIR <= TI) and NV vectors of outputs at (i, j): the sums, into acc. */
#define SUMS(TIR, NV)                                                                                   \
  for (int32_t l = 0; l < nl; l++) {                                                                    \
    const double *restrict r = R + (int64_t)l * rs + j;                                                 \
    vd rv[NV];                                                                                          \
    for (int v = 0; v < NV; v++) rv[v] = vload(r + v * VW);                                             \
    for (int t = 0; t < TIR; t++) {                                                                     \
      const vd a = vsplat(L[(int64_t)(i + t) * lr + (int64_t)l * lc]);                                  \
      for (int v = 0; v < NV; v++) acc[t][v] = acc[t][v] + a * rv[v];                                   \
    }                                                                                                   \
  }

#define TILE(TIR, NV)                                                                                   \
  {                                                                                                     \
    vd acc[TI][2];                                                                                      \
    for (int t = 0; t < TIR; t++)                                                                       \
      for (int v = 0; v < NV; v++) acc[t][v] = init ? vload(init + j + v * VW) : vsplat(0);             \
    SUMS(TIR, NV)                                                                                       \
    for (int t = 0; t < TIR; t++)                                                                       \
      for (int v = 0; v < NV; v++) vstore(out + (int64_t)(i + t) * os + j + v * VW, acc[t][v]);         \
  }

#define TILE2(TIR) TILE(TIR, 2)
#define TILE1(TIR) TILE(TIR, 1)

void eganTileProduct(int32_t ni, int32_t nj, int32_t nl, const double *restrict L, int32_t lr, int32_t lc, const double *restrict R,
                     int32_t rs, const double *restrict init, double *restrict out, int32_t os) {
  int32_t j = 0;
  for (; j + 2 * VW <= nj; j += 2 * VW) {
    int32_t i = 0;
    for (; i + TI <= ni; i += TI) TILE(TI, 2)
    REST(TILE2)
  }
  for (; j + VW <= nj; j += VW) {
    int32_t i = 0;
    for (; i + TI <= ni; i += TI) TILE(TI, 1)
    REST(TILE1)
  }
  for (; j < nj; j++)
    for (int32_t i = 0; i < ni; i++) {
      double s = init ? init[j] : 0;
      for (int32_t l = 0; l < nl; l++) s += L[(int64_t)i * lr + (int64_t)l * lc] * R[(int64_t)l * rs + j];
      out[(int64_t)i * os + j] = s;
    }
}

/* As SUMS, with the second product of each term when L2 is given: acc += (L R + L2 R2). */
#define SUMS2(TIR, NV)                                                                                  \
  for (int32_t l = 0; l < nl; l++) {                                                                    \
    const double *restrict r = R + (int64_t)l * rs + j, *restrict r2 = R2 + (int64_t)l * rs + j;        \
    vd rv[NV], rv2[NV];                                                                                 \
    for (int v = 0; v < NV; v++) { rv[v] = vload(r + v * VW); rv2[v] = vload(r2 + v * VW); }            \
    for (int t = 0; t < TIR; t++) {                                                                     \
      const int64_t o = (int64_t)(i + t) * lr + (int64_t)l * lc;                                        \
      const vd a = vsplat(L[o]), a2 = vsplat(L2[o]);                                                    \
      for (int v = 0; v < NV; v++) acc[t][v] = acc[t][v] + (a * rv[v] + a2 * rv2[v]);                   \
    }                                                                                                   \
  }

#define TILE_ADD(TIR, NV)                                                                               \
  {                                                                                                     \
    vd acc[TI][2];                                                                                      \
    for (int t = 0; t < TIR; t++)                                                                       \
      for (int v = 0; v < NV; v++) acc[t][v] = vsplat(0);                                               \
    if (L2) { SUMS2(TIR, NV) } else { SUMS(TIR, NV) }                                                   \
    for (int t = 0; t < TIR; t++)                                                                       \
      for (int v = 0; v < NV; v++) {                                                                    \
        double *restrict o = out + (int64_t)(i + t) * os + j + v * VW;                                  \
        vstore(o, vload(o) + (scale ? vsplat(scale[i + t]) * acc[t][v] : acc[t][v]));                   \
      }                                                                                                 \
  }

#define TILE_ADD2(TIR) TILE_ADD(TIR, 2)
#define TILE_ADD1(TIR) TILE_ADD(TIR, 1)

void eganTileProductAdd(int32_t ni, int32_t nj, int32_t nl, const double *restrict L, const double *restrict L2, int32_t lr, int32_t lc,
                        const double *restrict R, const double *restrict R2, int32_t rs, const double *restrict scale, double *restrict out,
                        int32_t os) {
  int32_t j = 0;
  for (; j + 2 * VW <= nj; j += 2 * VW) {
    int32_t i = 0;
    for (; i + TI <= ni; i += TI) TILE_ADD(TI, 2)
    REST(TILE_ADD2)
  }
  for (; j + VW <= nj; j += VW) {
    int32_t i = 0;
    for (; i + TI <= ni; i += TI) TILE_ADD(TI, 1)
    REST(TILE_ADD1)
  }
  for (; j < nj; j++)
    for (int32_t i = 0; i < ni; i++) {
      double s = 0;
      for (int32_t l = 0; l < nl; l++) {
        const int64_t o = (int64_t)i * lr + (int64_t)l * lc;
        s += L2 ? L[o] * R[(int64_t)l * rs + j] + L2[o] * R2[(int64_t)l * rs + j] : L[o] * R[(int64_t)l * rs + j];
      }
      out[(int64_t)i * os + j] += scale ? scale[i] * s : s;
    }
}

#define PW (2 * VW)

int32_t eganPanelWidth(void) { return PW; }

void eganPackPanels(int32_t nl, int32_t nj, const double *restrict R, int32_t rs, double *restrict P) {
  const int32_t full = nj / PW, rem = nj - full * PW;
  for (int32_t p = 0; p < full; p++)
    for (int32_t l = 0; l < nl; l++) memcpy(P + ((int64_t)p * nl + l) * PW, R + (int64_t)l * rs + (int64_t)p * PW, PW * sizeof(double));
  double *restrict Q = P + (int64_t)full * nl * PW;
  for (int32_t l = 0; l < nl; l++)
    for (int32_t q = 0; q < rem; q++) Q[(int64_t)l * rem + q] = R[(int64_t)l * rs + (int64_t)full * PW + q];
}

/* A tile of TIR rows at row i of panel pan (columns j .. j + PW). */
#define PANEL_TILE(TIR)                                                                                 \
  {                                                                                                     \
    vd acc[TI][2];                                                                                      \
    for (int t = 0; t < TIR; t++) {                                                                     \
      acc[t][0] = init ? vload(init + j) : vsplat(0);                                                   \
      acc[t][1] = init ? vload(init + j + VW) : vsplat(0);                                              \
    }                                                                                                   \
    for (int32_t l = 0; l < nl; l++) {                                                                  \
      const vd r0 = vload(pan + (int64_t)l * PW), r1 = vload(pan + (int64_t)l * PW + VW);               \
      for (int t = 0; t < TIR; t++) {                                                                   \
        const vd a = vsplat(L[(int64_t)(i + t) * lr + (int64_t)l * lc]);                                \
        acc[t][0] = acc[t][0] + a * r0;                                                                 \
        acc[t][1] = acc[t][1] + a * r1;                                                                 \
      }                                                                                                 \
    }                                                                                                   \
    for (int t = 0; t < TIR; t++) {                                                                     \
      vstore(out + (int64_t)(i + t) * os + j, acc[t][0]);                                               \
      vstore(out + (int64_t)(i + t) * os + j + VW, acc[t][1]);                                          \
    }                                                                                                   \
  }

void eganPanelProduct(int32_t ni, int32_t nj, int32_t nl, const double *restrict L, int32_t lr, int32_t lc, const double *restrict P,
                      const double *restrict init, double *restrict out, int32_t os) {
  const int32_t full = nj / PW, rem = nj - full * PW;
  for (int32_t p = 0; p < full; p++) {
    const int32_t j = p * PW;
    const double *restrict pan = P + (int64_t)p * nl * PW;
    int32_t i = 0;
    for (; i + TI <= ni; i += TI) PANEL_TILE(TI)
    REST(PANEL_TILE)
  }
  /* The remaining columns, from their panel [l][rem], in the same order of terms. */
  const double *restrict Q = P + (int64_t)full * nl * PW;
  for (int32_t q = 0; q < rem; q++)
    for (int32_t i = 0; i < ni; i++) {
      double s = init ? init[(int64_t)full * PW + q] : 0;
      for (int32_t l = 0; l < nl; l++) s += L[(int64_t)i * lr + (int64_t)l * lc] * Q[(int64_t)l * rem + q];
      out[(int64_t)i * os + (int64_t)full * PW + q] = s;
    }
}
