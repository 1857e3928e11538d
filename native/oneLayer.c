/*
 * The one-hidden-layer critic's chunked right-hand side (docs/model.md §3 for
 * D(x) = w_out . s(W x + b) + b_out), a transcription of
 * src/model/oneLayerKernel.ts for the cases where every formula is egan's
 * own: activations relu, leaky_relu, tanh, sigmoid (their range-reduced
 * exponential from activations.ts, with the tables handed over from
 * JavaScript), loss wgan, any regularizer (sqrt is correctly rounded on both
 * sides), any d. softplus, sin and nsgan call Math.log1p / Math.sin /
 * Math.exp, whose last bits a C library need not share, and stay in
 * JavaScript.
 *
 * Same numbers as the JavaScript kernel, bit for bit: every function below
 * is the JavaScript function of the same name with the same loops, the same
 * operations in the same order and the same parenthesisation; build.mjs
 * compiles with -ffp-contract=off and without -ffast-math, so the compiler
 * may vectorise the loops over points (it does: AVX-512 gathers for the
 * tables with -march=native) but may neither fuse a multiply and an add nor
 * reorder a sum. test/model/native.test.ts compares the two kernels bit for
 * bit on random models.
 *
 * Layout: points in blocks of `block`, coordinates coordinate-major,
 * xs[k block + i], as in JavaScript. The block buffers (activation values,
 * derivatives, Del) are point-major in d = 2, Hh[i H + r], so that the
 * vectors run over the hidden units: each lane then sums one unit's terms
 * over the block's points in order, which is the JavaScript order, without
 * the lane extractions an in-order sum across a vector needs (those took a
 * third of the kernel: 22-24 -> 15-19 us per call of the small config); the sums
 * over units (g = grad_x D) become the sequential ones, and they are fewer.
 * Any other d takes the "wide" path below: every buffer point-major (A[i H + r],
 * g[i d + q]) and the four products of the layer (pre-activations, grad_x D,
 * the tangent a_d = W v, the weight gradient) as register-tiled products
 * (tiles.c) whose every output is the JavaScript kernel's in-order sum. Nothing
 * is allocated after eganOneLayerCreate.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "oneLayer.h"
#include "tiles.h"

/* The reduction's constants (passed by value into the loops) and its two tables (restrict pointers). */
typedef struct { double K32, L32_HI, L32_LO, BIAS, E2, E3, E4, E5, E6, E7; } ExpConst;
#define TABLE_PARAMS const ExpConst T, const double *restrict POW2, const double *restrict TM1
#define TABLE_ARGS T, POW2, TM1

struct EganOneLayer {
  EganOneLayerInts p;
  int32_t piecewiseLinear, n, np;
  double lambda, invN;
  ExpConst T;
  double *Y, *wY, *POW2, *TM1;
  double *Wt, *bb, *wo;
  double *A, *Hh, *S1, *Del, *xs, *vs, *gs, *cs, *sW, *acc;
  double *E, *Ad; /* d != 2: e (or c s') and a_d = W v per point and unit, point-major */
  double *WtP, *WP; /* d != 2: W^T (d x H) and W (H x d) as packed panels (tiles.h), made by load */
  double *EP, *DP, *VP; /* d != 2: e and Del as row tiles, v as panels, for the weight gradient (xs: the points' panels) */
};

/* JavaScript's ToInt32 of a double in (0, 2^31) or NaN (the only inputs here: the reductions clamp first). */
static inline int64_t toInt32(double t) { return (int64_t)(t == t ? t : 0); }

/* activationKernels('tanh').point: tanh x = u / (2 + u), u = expm1(2x), 1 - tanh^2 = 4 e^{2x} / (2 + u)^2. */
static inline void tanhPoint(TABLE_PARAMS, double x, double *restrict h, double *restrict d1) {
  (void)POW2; /* 2^m is built from its bits below */
  double y = 2 * x;
  y = y > 700 ? 700 : y; /* Math.max(-CLAMP, Math.min(CLAMP, 2 * x)), NaN kept */
  y = y < -700 ? -700 : y;
  const int64_t kb = toInt32(y * T.K32 + (T.BIAS + 0.5)) + 16;
  const double k = (double)(kb - ((int64_t)T.BIAS + 16));
  const double r = y - k * T.L32_HI - k * T.L32_LO;
  const double r2 = r * r;
  const double er = r + r2 * ((T.E2 + r * T.E3) + r2 * ((T.E4 + r * T.E5) + r2 * (T.E6 + r * T.E7)));
  /* P = POW2[kb >> 5] = 2^m, m = (kb >> 5) - 1080 in [-1010, 1011] here (|y| <= 700), a normal double: built
   * from its bits instead of a table lookup (one gather less per element, ~10% of the kernel; create() checks
   * that the table holds exactly these values). */
  const uint64_t bits = (uint64_t)((kb >> 5) - 1080 + 1023) << 52;
  double P;
  memcpy(&P, &bits, sizeof P);
  const double PT = P * TM1[kb & 31];
  const double s = P + PT;
  const double u = s * er + (PT + (P - 1));
  const double inv = 1 / (2 + u);
  *h = u * inv;
  *d1 = 4 * ((s + s * er) * inv) * inv;
}

/* expNonPositive: e^{-|x|}. */
static inline double negExp(TABLE_PARAMS, double x) {
  double y = -fabs(x);
  y = y < -746 ? -746 : y; /* Math.max(-746, -Math.abs(x)) */
  const int64_t kb = toInt32(y * T.K32 + (T.BIAS + 0.5)) + 16;
  const double k = (double)(kb - ((int64_t)T.BIAS + 16));
  const double r = y - k * T.L32_HI - k * T.L32_LO;
  const double r2 = r * r;
  const double er = r + r2 * ((T.E2 + r * T.E3) + r2 * ((T.E4 + r * T.E5) + r2 * (T.E6 + r * T.E7)));
  const double P = POW2[kb >> 5], s = P + P * TM1[kb & 31];
  return s + s * er;
}

static inline void sigmoidPoint(TABLE_PARAMS, double x, double *restrict h, double *restrict d1) {
  const double e = negExp(TABLE_ARGS, x), inv = 1 / (1 + e), p = x >= 0 ? 1 : 0;
  *h = (p + (1 - p) * e) * inv;
  *d1 = e * inv * inv;
}

static inline void reluPoint(TABLE_PARAMS, double x, double *restrict h, double *restrict d1) {
  (void)T; (void)POW2; (void)TM1;
  const double p = x > 0 ? 1 : 0;
  *h = p * x + 0;
  *d1 = p;
}

static inline void leakyReluPoint(TABLE_PARAMS, double x, double *restrict h, double *restrict d1) {
  (void)T; (void)POW2; (void)TM1;
  const int p = x > 0;
  *h = p ? x : 0.2 * x;
  *d1 = p ? 1 : 0.2;
}

/* activationKernels(kind).second: s'' from s and s' (0 for the piecewise-linear ones, which skip the term). */
static inline double tanhSecond(double h, double d1) { return -2 * h * d1; }
static inline double sigmoidSecond(double h, double d1) { return d1 * (1 - 2 * h); }
static inline double noSecond(double h, double d1) { (void)h; (void)d1; return 0; }

/*
 * load: Wt[k H + r] = W[r][k], bb, wo (b_out does not enter any derivative); for d != 2 W^T and W as packed
 * panels instead of Wt (the wide path reads only those).
 */
void eganOneLayerLoad(EganOneLayer *k, const double *u) {
  const int32_t H = k->p.H, d = k->p.d, to = k->p.N * d;
  const double *th = u + to;
  if (d != 2) {
    for (int32_t r = 0; r < H; r++) { k->bb[r] = th[k->p.B + r]; k->wo[r] = th[k->p.WO + r]; }
    const double *W = th + k->p.W;
    /* W^T's rows are W's columns: pack from W read down its columns (row stride 1, element stride d). */
    const int32_t PW = eganPanelWidth(), full = H / PW, rem = H - full * PW;
    double *restrict P = k->WtP;
    for (int32_t p = 0; p < full; p++)
      for (int32_t q = 0; q < d; q++)
        for (int32_t c = 0; c < PW; c++) P[((int64_t)p * d + q) * PW + c] = W[(int64_t)(p * PW + c) * d + q];
    double *restrict Q = P + (int64_t)full * d * PW;
    for (int32_t q = 0; q < d; q++)
      for (int32_t c = 0; c < rem; c++) Q[(int64_t)q * rem + c] = W[(int64_t)(full * PW + c) * d + q];
    eganPackPanels(H, d, W, d, k->WP);
    return;
  }
  for (int32_t r = 0; r < H; r++) {
    for (int32_t q = 0; q < d; q++) k->Wt[q * H + r] = th[k->p.W + r * d + q];
    k->bb[r] = th[k->p.B + r];
    k->wo[r] = th[k->p.WO + r];
  }
}

/*
 * The activation passes, one function per activation (the point formula inlined) with every array a
 * restrict parameter: then the compiler knows that the tables and the inputs do not alias the outputs and
 * vectorises the loop outright (through the model struct's pointers it versioned the loop for aliasing and
 * ran the scalar copy: 61 against 24 us per call of the small config).
 * d2Pass (d = 2): h, s1 at br + w0 x0 + w1 x1, point-major (Hh[i H + r]: the vector runs over the hidden
 * units, see "Layout" above); blockPass (any other d): over A, unit-major.
 */
#define DEFINE_PASSES(NAME, POINT)                                                                               \
  static __attribute__((noinline)) void d2Pass_##NAME(int32_t H, int32_t nb, const double *restrict bb, const double *restrict w0s,      \
                            const double *restrict w1s, const double *restrict x0, const double *restrict x1,  \
                            double *restrict Hh, double *restrict S1, TABLE_PARAMS) {                          \
    for (int32_t i = 0; i < nb; i++) {                                                                         \
      const double a0 = x0[i], a1 = x1[i];                                                                     \
      double *restrict h = Hh + i * H, *restrict s1 = S1 + i * H;                                              \
      for (int32_t r = 0; r < H; r++) POINT(TABLE_ARGS, bb[r] + w0s[r] * a0 + w1s[r] * a1, h + r, s1 + r);     \
    }                                                                                                          \
  }                                                                                                            \
  static __attribute__((noinline)) void blockPass_##NAME(int32_t len, const double *restrict A, double *restrict Hh, double *restrict S1, \
                               TABLE_PARAMS) {                                                                 \
    for (int32_t i = 0; i < len; i++) POINT(TABLE_ARGS, A[i], Hh + i, S1 + i);                                 \
  }
DEFINE_PASSES(tanh, tanhPoint)
DEFINE_PASSES(sigmoid, sigmoidPoint)
DEFINE_PASSES(relu, reluPoint)
DEFINE_PASSES(leakyRelu, leakyReluPoint)
#undef DEFINE_PASSES

/* forward: coordinates of points first .. first + nb of X into xs, pre-activations and the activation. */
static void forward(EganOneLayer *k, const double *restrict X, int32_t first, int32_t nb) {
  const int32_t H = k->p.H, d = k->p.d, BLOCK = k->p.block;
  const double *restrict Wt = k->Wt, *restrict bb = k->bb;
  double *restrict A = k->A, *restrict xs = k->xs;
  for (int32_t i = 0; i < nb; i++)
    for (int32_t q = 0; q < d; q++) xs[q * BLOCK + i] = X[(first + i) * d + q];
  if (d == 2) {
    const double *x0 = xs, *x1 = xs + BLOCK, *w1 = Wt + H;
    switch (k->p.activation) {
      case EGAN_TANH: d2Pass_tanh(H, nb, bb, Wt, w1, x0, x1, k->Hh, k->S1, k->T, k->POW2, k->TM1); break;
      case EGAN_SIGMOID: d2Pass_sigmoid(H, nb, bb, Wt, w1, x0, x1, k->Hh, k->S1, k->T, k->POW2, k->TM1); break;
      case EGAN_RELU: d2Pass_relu(H, nb, bb, Wt, w1, x0, x1, k->Hh, k->S1, k->T, k->POW2, k->TM1); break;
      default: d2Pass_leakyRelu(H, nb, bb, Wt, w1, x0, x1, k->Hh, k->S1, k->T, k->POW2, k->TM1); break;
    }
    return;
  }
  for (int32_t r = 0; r < H; r++) {
    double *restrict a = A + r * nb;
    for (int32_t i = 0; i < nb; i++) a[i] = bb[r];
    for (int32_t q = 0; q < d; q++) {
      const double w = Wt[q * H + r];
      const double *restrict x = xs + q * BLOCK;
      for (int32_t i = 0; i < nb; i++) a[i] += w * x[i];
    }
  }
  switch (k->p.activation) {
    case EGAN_TANH: blockPass_tanh(H * nb, A, k->Hh, k->S1, k->T, k->POW2, k->TM1); break;
    case EGAN_SIGMOID: blockPass_sigmoid(H * nb, A, k->Hh, k->S1, k->T, k->POW2, k->TM1); break;
    case EGAN_RELU: blockPass_relu(H * nb, A, k->Hh, k->S1, k->T, k->POW2, k->TM1); break;
    default: blockPass_leakyRelu(H * nb, A, k->Hh, k->S1, k->T, k->POW2, k->TM1); break;
  }
}

/*
 * critic, d = 2 (point-major): Del = w_out s' and g = sum over the units in order of Del W (JavaScript: gs = 0,
 * then += Del w0 unit by unit). D itself is not computed: under wgan, the only loss covered, nothing reads it.
 */
static __attribute__((noinline)) void criticD2(int32_t H, int32_t nb, const double *restrict wo, const double *restrict w0s,
                                               const double *restrict w1s, const double *restrict S1, double *restrict Del,
                                               double *restrict g0, double *restrict g1) {
  for (int32_t i = 0; i < nb; i++) {
    const double *restrict s1 = S1 + i * H;
    double *restrict del = Del + i * H;
    double a = 0, b = 0;
    for (int32_t r = 0; r < H; r++) {
      const double dl = wo[r] * s1[r];
      del[r] = dl;
      a += dl * w0s[r];
      b += dl * w1s[r];
    }
    g0[i] = a;
    g1[i] = b;
  }
}

/* critic, any other d (unit-major), D not computed either. */
static __attribute__((noinline)) void criticAnyD(int32_t H, int32_t d, int32_t nb, int32_t BLOCK, const double *restrict wo,
                                                 const double *restrict Wt, const double *restrict S1, double *restrict Del,
                                                 double *restrict gs) {
  for (int32_t q = 0; q < d * BLOCK; q++) gs[q] = 0;
  for (int32_t r = 0; r < H; r++) {
    const double w = wo[r];
    const int32_t o = r * nb;
    for (int32_t i = 0; i < nb; i++) Del[o + i] = w * S1[o + i];
    for (int32_t q = 0; q < d; q++) {
      const double wk = Wt[q * H + r];
      double *restrict g = gs + q * BLOCK;
      for (int32_t i = 0; i < nb; i++) g[i] += Del[o + i] * wk;
    }
  }
}

/* critic: g = grad_x D (gs) and Del = w_out * s'(a) for the block. */
static void critic(EganOneLayer *k, int32_t nb) {
  const int32_t H = k->p.H, d = k->p.d, BLOCK = k->p.block;
  if (d == 2) criticD2(H, nb, k->wo, k->Wt, k->Wt + H, k->S1, k->Del, k->gs, k->gs + BLOCK);
  else criticAnyD(H, d, nb, BLOCK, k->wo, k->Wt, k->S1, k->Del, k->gs);
}

/*
 * accumulate's passes (the arrays as restrict parameters, as above). Each unit's sums run over the block's
 * points in order, as in JavaScript (the compiler keeps that order: no -ffast-math), and are added into grad
 * once per unit. Without a regularizer direction: grad += sum_i cs_i grad_theta D(x_i).
 */
static __attribute__((noinline)) void plainD2(int32_t H, int32_t nb, int32_t W, int32_t B, int32_t WO, const double *restrict wo,
                                              const double *restrict Hh, const double *restrict S1, const double *restrict x0,
                                              const double *restrict x1, const double *restrict cs, double *restrict sb,
                                              double *restrict sh, double *restrict s0, double *restrict s1, double *restrict grad) {
  for (int32_t r = 0; r < H; r++) { sb[r] = 0; sh[r] = 0; s0[r] = 0; s1[r] = 0; }
  for (int32_t i = 0; i < nb; i++) {
    const double c = cs[i], a0 = x0[i], a1 = x1[i];
    const double *restrict s = S1 + i * H, *restrict h = Hh + i * H;
    for (int32_t r = 0; r < H; r++) {
      const double cS = c * s[r];
      sb[r] += cS; sh[r] += c * h[r]; s0[r] += cS * a0; s1[r] += cS * a1;
    }
  }
  for (int32_t r = 0; r < H; r++) {
    const double w = wo[r];
    grad[B + r] += w * sb[r];
    grad[WO + r] += sh[r];
    grad[W + r * 2] += w * s0[r];
    grad[W + r * 2 + 1] += w * s1[r];
  }
}

static __attribute__((noinline)) void plainAnyD(int32_t H, int32_t d, int32_t nb, int32_t BLOCK, int32_t W, int32_t B, int32_t WO,
                                                const double *restrict wo, const double *restrict Hh, const double *restrict S1,
                                                const double *restrict xs, const double *restrict cs, double *restrict sW,
                                                double *restrict grad) {
  for (int32_t r = 0; r < H; r++) {
    const int32_t o = r * nb;
    double sb = 0, sh = 0;
    for (int32_t i = 0; i < nb; i++) { const double c = cs[i]; sb += c * S1[o + i]; sh += c * Hh[o + i]; }
    for (int32_t q = 0; q < d; q++) {
      const double *restrict x = xs + q * BLOCK;
      double s = 0;
      for (int32_t i = 0; i < nb; i++) s += cs[i] * S1[o + i] * x[i];
      sW[q] = s;
    }
    const double w = wo[r];
    grad[B + r] += w * sb;
    grad[WO + r] += sh;
    for (int32_t q = 0; q < d; q++) grad[W + r * d + q] += w * sW[q];
  }
}

/* With the regularizer's direction v_i: a_d = W v, e = c del + w_out s'' a_d (no s'' term when piecewise linear). */
#define DEFINE_WITH_V(NAME, SECOND, PL)                                                                                  \
  static __attribute__((noinline)) void withVD2_##NAME(                                                                 \
      int32_t H, int32_t nb, int32_t W, int32_t B, int32_t WO, const double *restrict wo, const double *restrict w0s,   \
      const double *restrict w1s, const double *restrict Hh, const double *restrict S1, const double *restrict Del,     \
      const double *restrict x0, const double *restrict x1, const double *restrict v0s, const double *restrict v1s,     \
      const double *restrict cs, double *restrict sb, double *restrict sh, double *restrict s0, double *restrict s1,    \
      double *restrict grad) {                                                                                          \
    for (int32_t r = 0; r < H; r++) { sb[r] = 0; sh[r] = 0; s0[r] = 0; s1[r] = 0; }                                    \
    for (int32_t i = 0; i < nb; i++) {                                                                                  \
      const double v0 = v0s[i], v1 = v1s[i], c = cs[i], a0 = x0[i], a1 = x1[i];                                         \
      const double *restrict h = Hh + i * H, *restrict s = S1 + i * H, *restrict del = Del + i * H;                     \
      for (int32_t r = 0; r < H; r++) {                                                                                 \
        const double ad = w0s[r] * v0 + w1s[r] * v1;                                                                    \
        const double dl = del[r], hv = h[r], s1v = s[r];                                                                \
        const double e = PL ? c * dl : c * dl + wo[r] * SECOND(hv, s1v) * ad;                                           \
        sb[r] += e;                                                                                                     \
        sh[r] += c * hv + s1v * ad;                                                                                     \
        s0[r] += e * a0 + dl * v0;                                                                                      \
        s1[r] += e * a1 + dl * v1;                                                                                      \
      }                                                                                                                 \
    }                                                                                                                   \
    for (int32_t r = 0; r < H; r++) {                                                                                   \
      grad[B + r] += sb[r];                                                                                             \
      grad[WO + r] += sh[r];                                                                                            \
      grad[W + r * 2] += s0[r];                                                                                         \
      grad[W + r * 2 + 1] += s1[r];                                                                                     \
    }                                                                                                                   \
  }                                                                                                                     \
  static __attribute__((noinline)) void withVAnyD_##NAME(                                                               \
      int32_t H, int32_t d, int32_t nb, int32_t BLOCK, int32_t W, int32_t B, int32_t WO, const double *restrict wo,     \
      const double *restrict Wt, const double *restrict Hh, const double *restrict S1, const double *restrict Del,      \
      const double *restrict xs, const double *restrict vs, const double *restrict cs, double *restrict sW,             \
      double *restrict grad) {                                                                                          \
    for (int32_t r = 0; r < H; r++) {                                                                                   \
      const int32_t o = r * nb;                                                                                         \
      const double w = wo[r];                                                                                           \
      double sb = 0, sh = 0;                                                                                            \
      for (int32_t q = 0; q < d; q++) sW[q] = 0;                                                                        \
      for (int32_t i = 0; i < nb; i++) {                                                                                \
        double ad = 0;                                                                                                  \
        for (int32_t q = 0; q < d; q++) ad += Wt[q * H + r] * vs[q * BLOCK + i];                                        \
        const double dl = Del[o + i], c = cs[i], hv = Hh[o + i], s1v = S1[o + i];                                       \
        const double e = PL ? c * dl : c * dl + w * SECOND(hv, s1v) * ad;                                               \
        sb += e;                                                                                                        \
        sh += c * hv + s1v * ad;                                                                                        \
        for (int32_t q = 0; q < d; q++) sW[q] += e * xs[q * BLOCK + i] + dl * vs[q * BLOCK + i];                        \
      }                                                                                                                 \
      grad[B + r] += sb;                                                                                                \
      grad[WO + r] += sh;                                                                                               \
      for (int32_t q = 0; q < d; q++) grad[W + r * d + q] += sW[q];                                                     \
    }                                                                                                                   \
  }
DEFINE_WITH_V(tanh, tanhSecond, 0)
DEFINE_WITH_V(sigmoid, sigmoidSecond, 0)
DEFINE_WITH_V(pl, noSecond, 1)
#undef DEFINE_WITH_V

static void accumulatePlain(EganOneLayer *k, int32_t nb, double *restrict grad) {
  const int32_t H = k->p.H, d = k->p.d, BLOCK = k->p.block;
  if (d == 2) plainD2(H, nb, k->p.W, k->p.B, k->p.WO, k->wo, k->Hh, k->S1, k->xs, k->xs + BLOCK, k->cs, k->acc, k->acc + H, k->acc + 2 * H, k->acc + 3 * H, grad);
  else plainAnyD(H, d, nb, BLOCK, k->p.W, k->p.B, k->p.WO, k->wo, k->Hh, k->S1, k->xs, k->cs, k->sW, grad);
}

static void accumulateWithV(EganOneLayer *k, int32_t nb, double *restrict grad) {
  const int32_t H = k->p.H, d = k->p.d, BLOCK = k->p.block, W = k->p.W, B = k->p.B, WO = k->p.WO;
#define WITH_V_CALL(NAME)                                                                                                  \
  if (d == 2) withVD2_##NAME(H, nb, W, B, WO, k->wo, k->Wt, k->Wt + H, k->Hh, k->S1, k->Del, k->xs, k->xs + BLOCK, k->vs,  \
                             k->vs + BLOCK, k->cs, k->acc, k->acc + H, k->acc + 2 * H, k->acc + 3 * H, grad);              \
  else withVAnyD_##NAME(H, d, nb, BLOCK, W, B, WO, k->wo, k->Wt, k->Hh, k->S1, k->Del, k->xs, k->vs, k->cs, k->sW, grad);
  switch (k->p.activation) {
    case EGAN_TANH: WITH_V_CALL(tanh) break;
    case EGAN_SIGMOID: WITH_V_CALL(sigmoid) break;
    default: WITH_V_CALL(pl) break;
  }
#undef WITH_V_CALL
}

/* accumulate: the sum of the coefficients into b_out's slot, then one of the two passes. */
static void accumulate(EganOneLayer *k, int32_t nb, int32_t hasV, double *restrict grad) {
  const double *restrict cs = k->cs;
  double sc = 0;
  for (int32_t i = 0; i < nb; i++) sc += cs[i];
  grad[k->p.BO] += sc;
  if (hasV) accumulateWithV(k, nb, grad);
  else accumulatePlain(k, nb, grad);
}

/* direction: v_i = scale d rho / d g at point i of the block (regularizers.ts). */
static void direction(EganOneLayer *k, int32_t i, double scale) {
  const int32_t d = k->p.d, BLOCK = k->p.block;
  const double *restrict gs = k->gs;
  double *restrict vs = k->vs;
  if (k->p.regKind == EGAN_GRAD2) {
    for (int32_t q = 0; q < d; q++) vs[q * BLOCK + i] = 2 * scale * gs[q * BLOCK + i];
    return;
  }
  double s = 0;
  for (int32_t q = 0; q < d; q++) s += gs[q * BLOCK + i] * gs[q * BLOCK + i];
  const double n = sqrt(s);
  const double f = n > 0 ? (2 * scale * (n - 1)) / n : 0;
  for (int32_t q = 0; q < d; q++) vs[q * BLOCK + i] = f * gs[q * BLOCK + i];
}

/*
 * The wide path (d != 2). The JavaScript kernel's sums, output by output: a = b + sum over q of x_q W[r][q]
 * (q in order), g = 0 + sum over r of Del_r W[r][q] (r in order), a_d = 0 + sum over q of W[r][q] v_q, and per
 * block each unit's gradient terms summed over the block's points in order, then added to grad. Products of
 * two doubles commute exactly, so x W and W x are the same bits.
 */
static void wideForward(EganOneLayer *k, const double *restrict X, int32_t first, int32_t nb) {
  const int32_t H = k->p.H, d = k->p.d;
  eganPanelProduct(nb, H, d, X + (int64_t)first * d, d, 1, k->WtP, k->bb, k->A, H);
  switch (k->p.activation) {
    case EGAN_TANH: blockPass_tanh(H * nb, k->A, k->Hh, k->S1, k->T, k->POW2, k->TM1); break;
    case EGAN_SIGMOID: blockPass_sigmoid(H * nb, k->A, k->Hh, k->S1, k->T, k->POW2, k->TM1); break;
    case EGAN_RELU: blockPass_relu(H * nb, k->A, k->Hh, k->S1, k->T, k->POW2, k->TM1); break;
    default: blockPass_leakyRelu(H * nb, k->A, k->Hh, k->S1, k->T, k->POW2, k->TM1); break;
  }
}

/* Del = w_out s' and g = grad_x D (point-major, nb x d), with W's packed panels. */
static void wideCritic(EganOneLayer *k, int32_t nb) {
  const int32_t H = k->p.H, d = k->p.d;
  const double *restrict wo = k->wo, *restrict S1 = k->S1;
  double *restrict Del = k->Del;
  for (int32_t i = 0; i < nb; i++)
    for (int32_t r = 0; r < H; r++) Del[i * H + r] = wo[r] * S1[i * H + r];
  eganPanelProduct(nb, d, H, Del, H, 1, k->WP, NULL, k->gs, d);
}

static void wideDirection(EganOneLayer *k, int32_t i, double scale) {
  const int32_t d = k->p.d;
  const double *restrict g = k->gs + (int64_t)i * d;
  double *restrict v = k->vs + (int64_t)i * d;
  if (k->p.regKind == EGAN_GRAD2) { for (int32_t q = 0; q < d; q++) v[q] = 2 * scale * g[q]; return; }
  double s = 0;
  for (int32_t q = 0; q < d; q++) s += g[q] * g[q];
  const double n = sqrt(s);
  const double f = n > 0 ? (2 * scale * (n - 1)) / n : 0;
  for (int32_t q = 0; q < d; q++) v[q] = f * g[q];
}

/* e (E) for the block, with or without the tangent term (the activation's s'' from s and s'). */
#define DEFINE_WIDE_E(NAME, SECOND, PL)                                                                           \
  static __attribute__((noinline)) void wideE_##NAME(int32_t H, int32_t nb, const double *restrict wo,           \
      const double *restrict Hh, const double *restrict S1, const double *restrict Del, const double *restrict Ad, \
      const double *restrict cs, double *restrict E, double *restrict sb, double *restrict sh) {                  \
    for (int32_t r = 0; r < H; r++) { sb[r] = 0; sh[r] = 0; }                                                   \
    for (int32_t i = 0; i < nb; i++) {                                                                           \
      const double c = cs[i];                                                                                    \
      for (int32_t r = 0; r < H; r++) {                                                                          \
        const int32_t o = i * H + r;                                                                             \
        const double dl = Del[o], hv = Hh[o], s1v = S1[o], ad = Ad[o];                                           \
        const double e = PL ? c * dl : c * dl + wo[r] * SECOND(hv, s1v) * ad;                                     \
        E[o] = e;                                                                                                \
        sb[r] += e;                                                                                              \
        sh[r] += c * hv + s1v * ad;                                                                              \
      }                                                                                                          \
    }                                                                                                            \
  }
DEFINE_WIDE_E(tanh, tanhSecond, 0)
DEFINE_WIDE_E(sigmoid, sigmoidSecond, 0)
DEFINE_WIDE_E(pl, noSecond, 1)
#undef DEFINE_WIDE_E

/* accumulate, wide: grad += sum_i cs_i grad_theta D(x_i) [+ grad_theta (v_i . grad_x D(x_i))]. */
static void wideAccumulate(EganOneLayer *k, const double *restrict X, int32_t first, int32_t nb, int32_t hasV, double *restrict grad) {
  const int32_t H = k->p.H, d = k->p.d, W = k->p.W, B = k->p.B, WO = k->p.WO;
  const double *restrict cs = k->cs, *restrict wo = k->wo, *restrict Hh = k->Hh, *restrict S1 = k->S1;
  double *restrict E = k->E, *restrict sb = k->acc, *restrict sh = k->acc + H;
  double sc = 0;
  for (int32_t i = 0; i < nb; i++) sc += cs[i];
  grad[k->p.BO] += sc;
  const double *rows = X + (int64_t)first * d;
  if (!hasV) {
    /* E = c s', sb = sum E, sh = sum c s; grad_W += w_out (sum_i E_i x_i). */
    for (int32_t r = 0; r < H; r++) { sb[r] = 0; sh[r] = 0; }
    for (int32_t i = 0; i < nb; i++) {
      const double c = cs[i];
      for (int32_t r = 0; r < H; r++) {
        const double cS = c * S1[i * H + r];
        E[i * H + r] = cS;
        sb[r] += cS;
        sh[r] += c * Hh[i * H + r];
      }
    }
    for (int32_t r = 0; r < H; r++) { grad[B + r] += wo[r] * sb[r]; grad[WO + r] += sh[r]; }
    eganPackRows(H, nb, E, 1, H, eganRowTile(0), k->EP);
    eganPackPanels(nb, d, rows, d, k->xs);
    eganPackedProductAdd(H, d, nb, k->EP, NULL, k->xs, NULL, wo, grad + W, d);
    return;
  }
  eganPanelProduct(nb, H, d, k->vs, d, 1, k->WtP, NULL, k->Ad, H);
  switch (k->p.activation) {
    case EGAN_TANH: wideE_tanh(H, nb, wo, Hh, S1, k->Del, k->Ad, cs, E, sb, sh); break;
    case EGAN_SIGMOID: wideE_sigmoid(H, nb, wo, Hh, S1, k->Del, k->Ad, cs, E, sb, sh); break;
    default: wideE_pl(H, nb, wo, Hh, S1, k->Del, k->Ad, cs, E, sb, sh); break;
  }
  for (int32_t r = 0; r < H; r++) { grad[B + r] += sb[r]; grad[WO + r] += sh[r]; }
  /* grad_W += sum_i (e_i x_i + Del_i v_i). */
  eganPackRows(H, nb, E, 1, H, eganRowTile(1), k->EP);
  eganPackRows(H, nb, k->Del, 1, H, eganRowTile(1), k->DP);
  eganPackPanels(nb, d, rows, d, k->xs);
  eganPackPanels(nb, d, k->vs, d, k->VP);
  eganPackedProductAdd(H, d, nb, k->EP, k->DP, k->xs, k->VP, NULL, grad + W, d);
}

/*
 * chunk, wide path: as eganOneLayerChunk, point-major. Kept as its own function on purpose: one chunk function
 * branching on d (tried) ran the d = 784, [256] right-hand side 25% slower (14.6-16.5 against 11.4-12.4 ms),
 * the compiler inlining the passes differently.
 */
static void wideChunk(EganOneLayer *k, const double *u, int32_t c, double *grad, double *G) {
  const int32_t N = k->p.N, M = k->p.M, d = k->p.d, BLOCK = k->p.block, chunks = k->p.chunks;
  const int32_t regFake = k->p.regFake, regReal = k->p.regReal;
  const double invN = k->invN, lambda = k->lambda;
  double *restrict gs = k->gs, *restrict cs = k->cs;
  for (int32_t first = (int32_t)(((int64_t)N * c) / chunks), end = (int32_t)(((int64_t)N * (c + 1)) / chunks); first < end; first += BLOCK) {
    const int32_t nb = end - first < BLOCK ? end - first : BLOCK;
    wideForward(k, u, first, nb);
    wideCritic(k, nb);
    for (int32_t i = 0; i < nb; i++) {
      for (int32_t q = 0; q < d; q++) G[(int64_t)(first + i) * d + q] = 1 * gs[(int64_t)i * d + q];
      cs[i] = -1 * invN;
      if (regFake) wideDirection(k, i, -lambda * invN);
    }
    wideAccumulate(k, u, first, nb, regFake, grad);
  }
  for (int32_t first = (int32_t)(((int64_t)M * c) / chunks), end = (int32_t)(((int64_t)M * (c + 1)) / chunks); first < end; first += BLOCK) {
    const int32_t nb = end - first < BLOCK ? end - first : BLOCK;
    wideForward(k, k->Y, first, nb);
    if (regReal) wideCritic(k, nb);
    for (int32_t i = 0; i < nb; i++) {
      const double w = k->wY[first + i];
      cs[i] = 1 * w;
      if (regReal) wideDirection(k, i, -lambda * w);
    }
    wideAccumulate(k, k->Y, first, nb, regReal, grad);
  }
}

/* chunk (wgan): chunk c's particles, then its target samples. */
void eganOneLayerChunk(EganOneLayer *k, const double *u, int32_t c, double *grad, double *G) {
  if (k->p.d != 2) { wideChunk(k, u, c, grad, G); return; }
  const int32_t N = k->p.N, M = k->p.M, d = k->p.d, BLOCK = k->p.block, chunks = k->p.chunks;
  const int32_t regFake = k->p.regFake, regReal = k->p.regReal;
  const double invN = k->invN, lambda = k->lambda;
  double *restrict gs = k->gs, *restrict cs = k->cs;
  for (int32_t first = (int32_t)(((int64_t)N * c) / chunks), end = (int32_t)(((int64_t)N * (c + 1)) / chunks); first < end; first += BLOCK) {
    const int32_t nb = end - first < BLOCK ? end - first : BLOCK;
    forward(k, u, first, nb);
    critic(k, nb);
    for (int32_t i = 0; i < nb; i++) {
      for (int32_t q = 0; q < d; q++) G[(first + i) * d + q] = 1 * gs[q * BLOCK + i];
      cs[i] = -1 * invN;
      if (regFake) direction(k, i, -lambda * invN);
    }
    accumulate(k, nb, regFake, grad);
  }
  for (int32_t first = (int32_t)(((int64_t)M * c) / chunks), end = (int32_t)(((int64_t)M * (c + 1)) / chunks); first < end; first += BLOCK) {
    const int32_t nb = end - first < BLOCK ? end - first : BLOCK;
    forward(k, k->Y, first, nb);
    if (regReal) critic(k, nb);
    for (int32_t i = 0; i < nb; i++) {
      const double w = k->wY[first + i];
      cs[i] = 1 * w;
      if (regReal) direction(k, i, -lambda * w);
    }
    accumulate(k, nb, regReal, grad);
  }
}

int32_t eganOneLayerStateSize(const EganOneLayer *k) { return k->n; }
int32_t eganOneLayerParams(const EganOneLayer *k) { return k->np; }
int32_t eganOneLayerChunks(const EganOneLayer *k) { return k->p.chunks; }

/* Every buffer a kernel owns, once: freed together, checked together after allocation. */
#define BUFFERS(k) (k)->Y, (k)->wY, (k)->POW2, (k)->TM1, (k)->Wt, (k)->bb, (k)->wo, (k)->A, (k)->Hh, (k)->S1, (k)->Del, (k)->xs, (k)->vs, (k)->gs, (k)->cs, (k)->sW, (k)->acc, (k)->E, (k)->Ad, (k)->WtP, (k)->WP, (k)->EP, (k)->DP, (k)->VP

/* 64-byte aligned, zeroed doubles (freed with free()). */
static double *doubles(size_t n) {
  const size_t bytes = ((n * sizeof(double) + 63) / 64) * 64;
  double *a = aligned_alloc(64, bytes > 0 ? bytes : 64);
  if (a) memset(a, 0, bytes > 0 ? bytes : 64);
  return a;
}

void eganOneLayerFree(EganOneLayer *k) {
  if (!k) return;
  double *owned[] = { BUFFERS(k) };
  for (size_t i = 0; i < sizeof owned / sizeof owned[0]; i++) free(owned[i]);
  free(k);
}

EganOneLayer *eganOneLayerCreate(const EganOneLayerInts *ints, double lambda, const double *Y, const double *wY, const double *tables) {
  const EganOneLayerInts p = *ints;
  if (p.N < 1 || p.M < 0 || p.H < 1 || p.d < 1 || p.chunks < 1 || p.block < 1 || p.activation < 0 || p.activation > EGAN_SIGMOID) return NULL;
  EganOneLayer *k = calloc(1, sizeof *k);
  if (!k) return NULL;
  k->p = p;
  k->piecewiseLinear = p.activation == EGAN_RELU || p.activation == EGAN_LEAKY_RELU;
  k->np = p.BO + 1;
  k->n = p.N * p.d + k->np;
  k->lambda = lambda;
  k->invN = 1.0 / p.N;
  const size_t hb = (size_t)p.H * p.block, db = (size_t)p.d * p.block;
  k->Y = doubles((size_t)p.M * p.d); k->wY = doubles((size_t)p.M);
  k->POW2 = doubles(EGAN_POW2); k->TM1 = doubles(EGAN_TM1);
  k->Wt = doubles(p.d == 2 ? (size_t)p.d * p.H : 0); k->bb = doubles((size_t)p.H); k->wo = doubles((size_t)p.H);
  k->A = doubles(p.d == 2 ? 0 : hb); /* pre-activations are stored only for d != 2, as in JavaScript */
  k->E = doubles(p.d == 2 ? 0 : hb); k->Ad = doubles(p.d == 2 ? 0 : hb);
  k->WtP = doubles(p.d == 2 ? 0 : (size_t)p.d * p.H); k->WP = doubles(p.d == 2 ? 0 : (size_t)p.d * p.H);
  k->Hh = doubles(hb); k->S1 = doubles(hb); k->Del = doubles(hb);
  /* Row tiles of e and Del: H rounded up to whole tiles of either size (the larger tile need not round up more). */
  const size_t r0 = (size_t)eganRowTile(0), r1 = (size_t)eganRowTile(1), h0 = ((size_t)p.H + r0 - 1) / r0 * r0, h1 = ((size_t)p.H + r1 - 1) / r1 * r1;
  const size_t tiles = (h0 > h1 ? h0 : h1) * (size_t)p.block;
  k->EP = doubles(p.d == 2 ? 0 : tiles); k->DP = doubles(p.d == 2 ? 0 : tiles); k->VP = doubles(p.d == 2 ? 0 : db);
  k->xs = doubles(db); k->vs = doubles(db); k->gs = doubles(db);
  k->cs = doubles((size_t)p.block);
  k->sW = doubles((size_t)p.d); k->acc = doubles(4 * (size_t)p.H);
  double *all[] = { BUFFERS(k) };
  for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) if (!all[i]) { eganOneLayerFree(k); return NULL; }
  memcpy(k->Y, Y, sizeof(double) * (size_t)p.M * p.d);
  memcpy(k->wY, wY, sizeof(double) * (size_t)p.M);
  memcpy(k->POW2, tables + EGAN_EXP_SCALARS, sizeof(double) * EGAN_POW2);
  memcpy(k->TM1, tables + EGAN_EXP_SCALARS + EGAN_POW2, sizeof(double) * EGAN_TM1);
  /* tanhPoint builds 2^m from its bits for m in [-1010, 1011]; the table must hold exactly those values. */
  for (int32_t m = -1010; m <= 1011; m++) {
    const uint64_t bits = (uint64_t)(m + 1023) << 52;
    double P;
    memcpy(&P, &bits, sizeof P);
    if (k->POW2[m + 1080] != P) { eganOneLayerFree(k); return NULL; }
  }
  k->T = (ExpConst){ tables[0], tables[1], tables[2], tables[3], tables[4], tables[5], tables[6], tables[7], tables[8], tables[9] };
  return k;
}
