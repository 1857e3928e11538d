/*
 * The ceiling of egan's native kernel on this core (bench section 7): the register tile of native/tiles.c
 * (acc[t][v] += L[t][l] * R[l][v], TI rows x 2 vectors of the build's width) on data that stays in L1 cache,
 * so that only the arithmetic can limit it. bench/run.ts builds it twice, with -ffp-contract=off (a multiply
 * and an add, as egan's kernel must to keep the JavaScript kernel's bits) and with -ffp-contract=fast (fused
 * multiply-add, as BLAS does). Prints one JSON line: {"gflops": best of 5 timings, "lanes": vector width}.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../native/vec.h"

#define TI 5 /* as native/tiles.c */
#define NL 64

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static double L[TI * NL];
static double R[NL * 2 * VW];

static __attribute__((noinline)) void tile(long reps, double *out) {
  vd acc[TI][2];
  memset(acc, 0, sizeof acc);
  for (long k = 0; k < reps; k++)
    for (int l = 0; l < NL; l++) {
      const vd r0 = vload(R + l * 2 * VW), r1 = vload(R + l * 2 * VW + VW);
      for (int t = 0; t < TI; t++) {
        const vd a = vsplat(L[t * NL + l]);
        acc[t][0] = acc[t][0] + a * r0;
        acc[t][1] = acc[t][1] + a * r1;
      }
    }
  memcpy(out, acc, sizeof acc);
}

int main(void) {
  for (int i = 0; i < TI * NL; i++) L[i] = 1e-3 * (i % 7);
  for (int i = 0; i < NL * 2 * VW; i++) R[i] = 1e-3 * (i % 5);
  double out[TI * 2 * VW];
  tile(2000, out); /* warm up (and let the clock rise) */
  long reps = 1000;
  double best = 0;
  for (int trial = 0; trial < 5; trial++) {
    double t0 = now(), t1;
    for (;;) {
      tile(reps, out);
      t1 = now();
      if (t1 - t0 > 0.05) break;
      reps *= 2;
    }
    const double gflops = (double)reps * NL * TI * 2 * VW * 2 / (t1 - t0) / 1e9;
    if (gflops > best) best = gflops;
  }
  double s = 0;
  for (int i = 0; i < TI * 2 * VW; i++) s += out[i];
  printf("{\"gflops\": %.3f, \"lanes\": %d, \"check\": %g}\n", best, VW, s);
  return 0;
}
