/**
 * Automatic initial step (Hairer, Nørsett, Wanner, "Solving ODEs I", §II.4,
 * algorithm of the `hinit` routine of dopri5.f): an explicit Euler step of
 * size h0 = 0.01 |u0|/|f0| probes the second derivative, and the step is
 * chosen so that the local error of an order-`order` method is ~ tolerance.
 */
import type { Rhs } from './problem.js';
export declare const initialStep: (rhs: Rhs, t0: number, u0: Float64Array, f0: Float64Array, direction: number, order: number, rtol: number, atol: Float64Array, hmax: number, work: Float64Array, work2: Float64Array) => number;
//# sourceMappingURL=initialStep.d.ts.map