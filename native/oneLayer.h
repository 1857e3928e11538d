/*
 * egan's native one-hidden-layer kernel: the chunked right-hand side of
 * src/model/oneLayerKernel.ts written in C, operation for operation, so that
 * it computes the same bits (see oneLayer.c). Plain C99, no Node headers: the
 * Node-API glue is binding.c.
 */
#ifndef EGAN_ONE_LAYER_H
#define EGAN_ONE_LAYER_H
#include <stdint.h>

/* Activations with a formula of egan's own (no libm call), hence reproducible bit for bit. */
enum { EGAN_RELU = 0, EGAN_LEAKY_RELU = 1, EGAN_TANH = 2, EGAN_SIGMOID = 3 };
/* Regularizer directions v = scale d rho / d g: grad2-* (2 scale g), gp-fake (2 scale (|g| - 1) g / |g|). */
enum { EGAN_GRAD2 = 0, EGAN_GP = 1 };

/* The integer parameters, in this order (binding.c reads them from an Int32Array). */
typedef struct {
  int32_t N, M, H, d, chunks, block, activation, regKind, regFake, regReal;
  /* Offsets in theta of W (H x d, row-major), b (H), w_out (H), b_out. */
  int32_t W, B, WO, BO;
} EganOneLayerInts;
#define EGAN_ONE_LAYER_INTS 14

/*
 * The range-reduced exponential's constants and tables (activations.ts,
 * expTables), passed in from JavaScript so that both sides use the same
 * doubles: K32, L32_HI, L32_LO, BIAS, E2 .. E7, then POW2 (2104), TM1 (32).
 */
#define EGAN_EXP_SCALARS 10
#define EGAN_POW2 2104
#define EGAN_TM1 32
#define EGAN_EXP_TABLES (EGAN_EXP_SCALARS + EGAN_POW2 + EGAN_TM1)

typedef struct EganOneLayer EganOneLayer;

/* A kernel for one model; copies Y (M x d), wY (M) and the tables. NULL when out of memory, the ints are invalid
 * or POW2 does not hold exactly 2^m where the tanh builds it from its bits. */
EganOneLayer *eganOneLayerCreate(const EganOneLayerInts *ints, double lambda, const double *Y, const double *wY, const double *tables);
void eganOneLayerFree(EganOneLayer *k);
/* State size N d + p, p and the number of chunks. */
int32_t eganOneLayerStateSize(const EganOneLayer *k);
int32_t eganOneLayerParams(const EganOneLayer *k);
int32_t eganOneLayerChunks(const EganOneLayer *k);
/* Copy the critic's parameters out of the state u (once per call, before the chunks). */
void eganOneLayerLoad(EganOneLayer *k, const double *u);
/* Add chunk c's contributions to grad[0 .. p) and write s_i grad_x D(x_i) of its particles into G (N d). */
void eganOneLayerChunk(EganOneLayer *k, const double *u, int32_t c, double *grad, double *G);

#endif
