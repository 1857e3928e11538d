/**
 * Targets P (SPEC §1): M points y_m in R^d with weights w_m (summing to 1),
 * sampled once from the config's seed, and the mode centres and width used
 * by the metrics of SPEC §5.
 *
 * For a `points` target every point is a mode; its "3 sigma" radius for
 * modes covered / quality is half the smallest distance between two points
 * (sigma = minDist / 6), so that the balls around the modes do not overlap.
 */
import type { Config } from './config.js';
export interface Target {
    readonly kind: Config['target']['kind'];
    readonly d: number;
    readonly M: number;
    /** M x d, row-major. */
    readonly points: Float64Array;
    /** M weights summing to 1. */
    readonly weights: Float64Array;
    /** K mode centres, K x d. */
    readonly centres: Float64Array;
    readonly K: number;
    /** Width sigma of a mode (the 3-sigma radius of SPEC §5 is 3 * modeStd). */
    readonly modeStd: number;
}
export declare const buildTarget: (cfg: Config["target"], seed: number) => Target;
//# sourceMappingURL=targets.d.ts.map