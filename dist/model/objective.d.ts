/**
 * The critic's objective and its parts at a state (SPEC §2, §5):
 * V = E_P f_r(D) + E_Q f_f(D) (for wgan: E_P D - E_Q D), R, the full
 * objective J = V - lambda R - (mu/2)|theta|^2 that the critic ascends, and
 * statistics of |grad_x D| over the particles.
 */
import type { EganModel } from './model.js';
export interface CriticStats {
    readonly V: number;
    readonly R: number;
    readonly J: number;
    readonly gradNormMean: number;
    readonly gradNormMax: number;
    /** E_Q D, the particles' objective (wgan). */
    readonly meanDFake: number;
}
export declare const criticObjective: (m: Pick<EganModel, "N" | "d" | "shape" | "loss" | "regularizer" | "lambda" | "weightDecay" | "targetPoints" | "targetWeights">, u: Float64Array) => CriticStats;
/** D at a point x (length d), for plots and tests. */
export declare const criticAt: (m: Pick<EganModel, "N" | "d" | "shape">, u: Float64Array, x: Float64Array) => {
    D: number;
    g: Float64Array;
};
//# sourceMappingURL=objective.d.ts.map