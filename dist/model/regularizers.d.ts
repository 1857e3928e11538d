/**
 * Gradient regularizers R (SPEC §2) as functions rho(g) of g = grad_x D at a
 * point, averaged over the fake (particles) or real (target) points:
 *   grad2-fake: R = E_Q |g|^2,  grad2-real: R = E_P |g|^2,  gp-fake: R = E_Q (|g| - 1)^2.
 * `direction` writes v = scale * d rho / d g, the direction whose double
 * backprop gives grad_theta R (critic.ts). At g = 0, gp-fake's rho is not
 * differentiable; its subgradient 0 is used.
 */
import type { Config } from './config.js';
export interface Regularizer {
    readonly kind: Config['regularizer']['kind'];
    /** True when R averages over particles, false over target points. */
    readonly onFake: boolean;
    value(g: Float64Array, go: number, d: number): number;
    direction(g: Float64Array, go: number, d: number, scale: number, v: Float64Array, vo: number): void;
}
export declare const regularizerOf: (kind: Config["regularizer"]["kind"]) => Regularizer;
//# sourceMappingURL=regularizers.d.ts.map