/*
 * The vectors of the register-tiled products (tiles.c, and bench/ceiling.c, which times their tile): GCC/Clang
 * vector extensions of the widest the build targets, 8 doubles with AVX-512, else 4.
 */
#ifndef EGAN_VEC_H
#define EGAN_VEC_H
#include <string.h>

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

#endif
