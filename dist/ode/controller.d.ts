/**
 * PI step-size controller (Hairer, Nørsett, Wanner, "Solving ODEs I", §IV.2,
 * as in dopri5.f / dop853.f): on acceptance
 *   h_new = h * clamp( safety * err^(-alpha) * errOld^(beta), facMin, facMax ),
 * with alpha = 1/q - 0.75 beta (q = order of the error estimate + 1),
 * beta = 0.04 (dopri5) or 0 (dop853). After a rejection the step may not grow.
 */
export interface PIController {
    readonly alpha: number;
    readonly beta: number;
    readonly safety: number;
    readonly facMin: number;
    readonly facMax: number;
    /** Previous accepted error norm (dopri5's FACOLD), state of the I-part. */
    errOld: number;
}
export declare const makeController: (errorOrder: number, beta?: number, safety?: number, facMin?: number, facMax?: number) => PIController;
/** Factor by which to multiply h after an accepted step with error norm `err` (<= 1). */
export declare const acceptFactor: (c: PIController, err: number) => number;
/** Factor (< 1) by which to shrink h after a rejected step with error norm `err` (> 1). */
export declare const rejectFactor: (c: PIController, err: number) => number;
//# sourceMappingURL=controller.d.ts.map