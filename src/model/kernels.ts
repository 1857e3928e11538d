/**
 * Generator kernels K (N x N, symmetric PSD; docs/model.md §1) and their action on
 * particle gradients: out = scale * K G, G an N x d row-major block.
 * The two-point kernel is applied in O(N d) as
 * (K G)_i = (g1 - g2) G_i + g2 sum_j G_j, never as a matrix.
 */
import type { Config } from './config.ts';
import { makeRng } from './random.ts';

export interface Kernel {
  readonly kind: Config['kernel']['kind'];
  readonly N: number;
  /** Mean diagonal and mean off-diagonal entry (exact for two-point). */
  readonly g1: number;
  readonly g2: number;
  /** gbar = (g1 + (N - 1) g2) / N: the kernel's eigenvalue on rigid translations (docs/model.md §4). */
  readonly gbar: number;
  /** out[i*d + k] = scale * sum_j K_ij G[j*d + k]. `out` must not alias G. */
  apply(G: Float64Array, d: number, scale: number, out: Float64Array): void;
  /** The explicit matrix (row-major N x N); built on demand for the two-point kernel. */
  matrix(): Float64Array;
}

/** Fitted g1, g2 of any kernel matrix: mean diagonal, mean off-diagonal. */
export const fitTwoPoint = (K: Float64Array, N: number): { g1: number; g2: number } => {
  let diag = 0, off = 0;
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) {
    if (i === j) diag += K[i * N + j];
    else off += K[i * N + j];
  }
  return { g1: diag / N, g2: N > 1 ? off / (N * (N - 1)) : 0 };
};

export const twoPointKernel = (N: number, g1: number, g2: number, sumBuf = new Float64Array(64)): Kernel => {
  let sum = sumBuf;
  return {
    kind: 'two-point', N, g1, g2, gbar: (g1 + (N - 1) * g2) / N,
    apply(G, d, scale, out) {
      if (sum.length < d) sum = new Float64Array(d);
      for (let k = 0; k < d; k++) sum[k] = 0;
      for (let j = 0; j < N; j++) for (let k = 0; k < d; k++) sum[k] += G[j * d + k];
      const a = scale * (g1 - g2), b = scale * g2;
      for (let i = 0; i < N; i++) for (let k = 0; k < d; k++) out[i * d + k] = a * G[i * d + k] + b * sum[k];
    },
    matrix() {
      const K = new Float64Array(N * N).fill(g2);
      for (let i = 0; i < N; i++) K[i * N + i] = g1;
      return K;
    },
  };
};

export const matrixKernel = (N: number, K: Float64Array, kind: Kernel['kind'] = 'matrix'): Kernel => {
  const { g1, g2 } = fitTwoPoint(K, N);
  let gbar = 0;
  for (let k = 0; k < N * N; k++) gbar += K[k];
  gbar /= N * N;
  return {
    kind, N, g1, g2, gbar,
    apply(G, d, scale, out) {
      for (let i = 0; i < N; i++) {
        const r = i * N;
        for (let k = 0; k < d; k++) {
          let s = 0;
          for (let j = 0; j < N; j++) s += K[r + j] * G[j * d + k];
          out[i * d + k] = scale * s;
        }
      }
    },
    matrix: () => K.slice(),
  };
};

/**
 * The NTK of a one-hidden-layer ReLU network f(z) = m^{-1/2} sum_r a_r relu(w_r . z)
 * at infinite width, both layers trained, w ~ N(0, I) (arc-cosine kernels of
 * Cho & Saul 2009, degree 0 and 1):
 *   Theta(z, z') = (1/2) [ |z||z'| k1(u) + (z . z') k0(u) ],  u = cos angle(z, z'),
 *   k0(u) = (pi - arccos u) / pi,  k1(u) = (u (pi - arccos u) + sqrt(1 - u^2)) / pi,
 * divided by latentDim and multiplied by `scale`. For latentDim -> infinity
 * K_ii -> scale and K_ij -> scale / (2 pi): the two-point form.
 */
export const ntkMatrix = (N: number, latentDim: number, scale: number, seed: number): Float64Array => {
  const rng = makeRng(seed, 'ntk');
  const Z = new Float64Array(N * latentDim);
  for (let i = 0; i < Z.length; i++) Z[i] = rng.normal();
  const norms = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    let s = 0;
    for (let k = 0; k < latentDim; k++) s += Z[i * latentDim + k] ** 2;
    norms[i] = Math.sqrt(s);
  }
  const K = new Float64Array(N * N);
  for (let i = 0; i < N; i++) for (let j = 0; j <= i; j++) {
    let dot = 0;
    for (let k = 0; k < latentDim; k++) dot += Z[i * latentDim + k] * Z[j * latentDim + k];
    const u = Math.max(-1, Math.min(1, dot / (norms[i] * norms[j])));
    const th = Math.acos(u);
    const k0 = (Math.PI - th) / Math.PI;
    const k1 = (u * (Math.PI - th) + Math.sqrt(1 - u * u)) / Math.PI;
    const v = (scale * 0.5 * (norms[i] * norms[j] * k1 + dot * k0)) / latentDim;
    K[i * N + j] = v;
    K[j * N + i] = v;
  }
  return K;
};

export const buildKernel = (cfg: Config['kernel'], N: number, seed: number): Kernel => {
  if (cfg.kind === 'two-point') return twoPointKernel(N, cfg.g1, cfg.g2);
  if (cfg.kind === 'matrix') return matrixKernel(N, Float64Array.from(cfg.matrix.flat()));
  return matrixKernel(N, ntkMatrix(N, cfg.latentDim, cfg.scale, seed), 'ntk');
};
