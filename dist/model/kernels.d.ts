/**
 * Generator kernels K (N x N, symmetric PSD; SPEC §1) and their action on
 * particle gradients: out = scale * K G, G an N x d row-major block.
 * The two-point kernel is applied in O(N d) as
 * (K G)_i = (g1 - g2) G_i + g2 sum_j G_j, never as a matrix.
 */
import type { Config } from './config.js';
export interface Kernel {
    readonly kind: Config['kernel']['kind'];
    readonly N: number;
    /** Mean diagonal and mean off-diagonal entry (exact for two-point). */
    readonly g1: number;
    readonly g2: number;
    /** gbar = (g1 + (N - 1) g2) / N: the kernel's eigenvalue on rigid translations (SPEC §4). */
    readonly gbar: number;
    /** out[i*d + k] = scale * sum_j K_ij G[j*d + k]. `out` must not alias G. */
    apply(G: Float64Array, d: number, scale: number, out: Float64Array): void;
    /** The explicit matrix (row-major N x N); built on demand for the two-point kernel. */
    matrix(): Float64Array;
}
/** Fitted g1, g2 of any kernel matrix: mean diagonal, mean off-diagonal. */
export declare const fitTwoPoint: (K: Float64Array, N: number) => {
    g1: number;
    g2: number;
};
export declare const twoPointKernel: (N: number, g1: number, g2: number, sumBuf?: Float64Array<ArrayBuffer>) => Kernel;
export declare const matrixKernel: (N: number, K: Float64Array, kind?: Kernel["kind"]) => Kernel;
/**
 * The NTK of a one-hidden-layer ReLU network f(z) = m^{-1/2} sum_r a_r relu(w_r . z)
 * at infinite width, both layers trained, w ~ N(0, I) (arc-cosine kernels of
 * Cho & Saul 2009, degree 0 and 1):
 *   Theta(z, z') = (1/2) [ |z||z'| k1(u) + (z . z') k0(u) ],  u = cos angle(z, z'),
 *   k0(u) = (pi - arccos u) / pi,  k1(u) = (u (pi - arccos u) + sqrt(1 - u^2)) / pi,
 * divided by latentDim and multiplied by `scale`. For latentDim -> infinity
 * K_ii -> scale and K_ij -> scale / (2 pi): the two-point form.
 */
export declare const ntkMatrix: (N: number, latentDim: number, scale: number, seed: number) => Float64Array;
export declare const buildKernel: (cfg: Config["kernel"], N: number, seed: number) => Kernel;
//# sourceMappingURL=kernels.d.ts.map