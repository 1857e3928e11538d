/*
 * Register-tiled products (tiles.h). A tile is a few rows x 2 vectors of outputs held in registers while the
 * sum runs over l: per l, two vectors of R's row are loaded and each row's L entry is broadcast, so every output
 * lane receives its terms in the order l = 0, 1, ..., exactly as the scalar loop of the JavaScript kernel adds
 * them. R is read from packed panels (eganPackPanels) and, for the weight gradient, L from packed row tiles
 * (eganPackRows), so every operand streams contiguously. The vectors (vec.h) are the widest the build targets, so
 * the same source compiles for AVX2 and AVX-512 machines (and to scalar code elsewhere); no multiply is fused
 * with an add (-ffp-contract=off). Rows that do not fill a tile take a narrower one (or zero padding),
 * columns that do not fill a panel a scalar loop, with the same order of terms.
 */
#include <string.h>
#include "tiles.h"
#include "vec.h"

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

/*
 * Rows per packed row tile of the weight gradient (eganPackedProductAdd), measured in a C harness of its
 * d = 784, H = 256, 50-point product on an AMD EPYC (Zen 3): with one product 6 rows (12 accumulators) run at
 * 41 GFLOP/s against 38 with 5 and 24 unpacked; with two, whose terms need two more loaded vectors, a second
 * broadcast and two partial products, 5 rows run at 28 against 23 with 4 or 6 (spilled) and 22 unpacked.
 */
#define RT1 6
#define RT2 5

int32_t eganRowTile(int32_t two) { return two ? RT2 : RT1; }

void eganPackRows(int32_t ni, int32_t nl, const double *restrict L, int32_t lr, int32_t lc, int32_t rt, double *restrict LP) {
  for (int32_t i0 = 0; i0 < ni; i0 += rt) {
    double *restrict tile = LP + (int64_t)i0 * nl;
    for (int32_t l = 0; l < nl; l++)
      for (int32_t t = 0; t < rt; t++) tile[(int64_t)l * rt + t] = i0 + t < ni ? L[(int64_t)(i0 + t) * lr + (int64_t)l * lc] : 0;
  }
}

/* The row tile at row i (RT rows computed, the padding's too; the first `rows` added to out), over every full
 * panel: out[i + t][j ..] += scale (sum over l of L R [+ L2 R2]). */
#define PACKED_ROWS(RT, TWO)                                                                            \
  for (int32_t i = 0; i < ni; i += RT) {                                                                \
    const double *restrict lp = LP + (int64_t)i * nl, *restrict lp2 = TWO ? LP2 + (int64_t)i * nl : lp; \
    const int32_t rows = ni - i < RT ? ni - i : RT;                                                     \
    for (int32_t p = 0; p < full; p++) {                                                                \
      const int32_t j = p * PW;                                                                         \
      const double *restrict pn = P + (int64_t)p * nl * PW, *restrict pn2 = TWO ? P2 + (int64_t)p * nl * PW : pn; \
      vd acc[RT][2];                                                                                    \
      for (int t = 0; t < RT; t++) acc[t][0] = acc[t][1] = vsplat(0);                                   \
      for (int32_t l = 0; l < nl; l++) {                                                                \
        const vd r0 = vload(pn + (int64_t)l * PW), r1 = vload(pn + (int64_t)l * PW + VW);               \
        if (TWO) {                                                                                      \
          const vd s0 = vload(pn2 + (int64_t)l * PW), s1 = vload(pn2 + (int64_t)l * PW + VW);           \
          for (int t = 0; t < RT; t++) {                                                                \
            const vd a = vsplat(lp[(int64_t)l * RT + t]), a2 = vsplat(lp2[(int64_t)l * RT + t]);        \
            acc[t][0] = acc[t][0] + (a * r0 + a2 * s0);                                                 \
            acc[t][1] = acc[t][1] + (a * r1 + a2 * s1);                                                 \
          }                                                                                             \
        } else {                                                                                        \
          for (int t = 0; t < RT; t++) {                                                                \
            const vd a = vsplat(lp[(int64_t)l * RT + t]);                                               \
            acc[t][0] = acc[t][0] + a * r0;                                                             \
            acc[t][1] = acc[t][1] + a * r1;                                                             \
          }                                                                                             \
        }                                                                                               \
      }                                                                                                 \
      for (int t = 0; t < rows; t++)                                                                    \
        for (int v = 0; v < 2; v++) {                                                                   \
          double *restrict o = out + (int64_t)(i + t) * os + j + v * VW;                                \
          vstore(o, vload(o) + (scale ? vsplat(scale[i + t]) * acc[t][v] : acc[t][v]));                 \
        }                                                                                               \
    }                                                                                                   \
  }

void eganPackedProductAdd(int32_t ni, int32_t nj, int32_t nl, const double *restrict LP, const double *restrict LP2, const double *restrict P,
                          const double *restrict P2, const double *restrict scale, double *restrict out, int32_t os) {
  const int32_t full = nj / PW, rem = nj - full * PW;
  if (LP2) { PACKED_ROWS(RT2, 1) } else { PACKED_ROWS(RT1, 0) }
  /* The remaining columns, from their panels [l][rem], in the same order of terms. */
  const int32_t rt = LP2 ? RT2 : RT1;
  const double *restrict Q = P + (int64_t)full * nl * PW, *restrict Q2 = LP2 ? P2 + (int64_t)full * nl * PW : Q;
  for (int32_t q = 0; q < rem; q++)
    for (int32_t i = 0; i < ni; i++) {
      const int64_t at = (int64_t)(i - i % rt) * nl + i % rt;
      const double *restrict lp = LP + at, *restrict lp2 = LP2 ? LP2 + at : lp;
      double s = 0;
      for (int32_t l = 0; l < nl; l++) {
        const int64_t a = (int64_t)l * rt, b = (int64_t)l * rem + q;
        s += LP2 ? lp[a] * Q[b] + lp2[a] * Q2[b] : lp[a] * Q[b];
      }
      out[(int64_t)i * os + (int64_t)full * PW + q] += scale ? scale[i] * s : s;
    }
}
