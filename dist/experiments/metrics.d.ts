/**
 * Observables of SPEC §5 on a particle configuration X (N x d) against a
 * target: mode coverage (collapse score, modes covered, quality), distances
 * between Q and P (MMD^2 with a Gaussian kernel, sliced Wasserstein-2 with
 * seeded projections, the mean gap), and the critic statistics.
 */
import type { Target } from '../model/targets.js';
import type { EganModel } from '../model/model.js';
export interface Coverage {
    /** (log K + sum_k p_k log p_k) / log K in [0, 1]: 0 uniform over modes, 1 all in one mode (0 when K = 1). */
    readonly collapseScore: number;
    /** Number of modes with a particle within 3 sigma of their centre. */
    readonly modesCovered: number;
    /** Fraction of particles within 3 sigma of some centre. */
    readonly quality: number;
    /** Fraction of particles assigned to each mode (nearest centre). */
    readonly occupancy: number[];
}
export declare const coverage: (X: Float64Array, N: number, t: Target) => Coverage;
/** E_P y = sum_m w_m y_m (length d). */
export declare const targetMean: (t: Target) => Float64Array;
/** mean(X) - E_P y (length d): the gap y of SPEC §4. */
export declare const meanGapVector: (X: Float64Array, N: number, t: Target) => Float64Array;
/** |mean(X) - E_P y|. */
export declare const meanGap: (X: Float64Array, N: number, t: Target) => number;
/** Median of pairwise distances of the pooled sample (at most 600 points, taken with a fixed stride). */
export declare const medianBandwidth: (X: Float64Array, N: number, t: Target) => number;
/**
 * MMD^2 between Q (uniform over particles) and P (weighted target) with the
 * Gaussian kernel exp(-|x - y|^2 / (2 bw^2)): the biased (V-statistic) estimate
 * E_QQ k + E_PP k - 2 E_QP k, which is >= 0 and exactly 0 when Q = P.
 */
export declare const mmd2: (X: Float64Array, N: number, t: Target, bandwidth?: number) => number;
/** Sliced Wasserstein-2: sqrt of the mean over `projections` seeded random directions of W2^2 of the projections. */
export declare const slicedW2: (X: Float64Array, N: number, t: Target, projections?: number, seed?: number) => number;
export interface Metrics extends Coverage {
    readonly meanGap: number;
    readonly mmd2: number;
    readonly slicedW2: number;
    readonly criticValue: number;
    readonly regularizer: number;
    readonly gradNormMean: number;
    readonly gradNormMax: number;
    readonly thetaNorm: number;
}
/** |theta|: the Euclidean norm of the critic's parameters in a state u of a model. */
export declare const thetaNorm: (m: EganModel, u: Float64Array) => number;
/** Every observable of SPEC §5 at a state u of a model. */
export declare const metricsAt: (m: EganModel, u: Float64Array) => Metrics;
//# sourceMappingURL=metrics.d.ts.map