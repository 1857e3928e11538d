/**
 * Equilibria of the effective-GAN flow (docs/model.md, equilibria).
 *
 * mu = 0: output weights w_out = 0 (for nsgan also b_out = 0) stop the
 * particles and every hidden-layer gradient of V; the critic then rests iff
 * the particles' last-hidden-layer feature means equal the target's,
 *   r(X) = (1/N) sum_i h(x_i) - sum_m w_m h(y_m) = 0   (H equations, N d unknowns).
 * It is solved by least-norm Gauss–Newton from the current particles:
 *   X <- X - A^T (A A^T + delta I)^{-1} r,  A = dr/dX,
 * with step halving while |r| does not decrease (A's blocks, the feature
 * Jacobians (1/N) dh/dx at each particle, by central differences). For a
 * linear critic h(x) = x and the step is a uniform shift of the particles.
 * mu > 0: every critic parameter decays to 0 at w_out = 0 (theta = 0), and
 * any X is at rest.
 * The result is checked: |rhs(u*)|_inf must be below `tol` (relative to the
 * scale of the state), else a failure value explains what did not converge.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { EganModel } from '../model/model.js';
import { type EquilibriumError } from './errors.js';
export interface Equilibrium {
    readonly u: Float64Array;
    /** Gauss–Newton iterations used. */
    readonly iterations: number;
    /** Final feature-mean residual |r|_2 and |rhs(u)|_inf. */
    readonly residual: number;
    readonly rhsNorm: number;
}
export declare const findEquilibrium: (m: EganModel, start?: Float64Array, opts?: {
    maxIter?: number;
    tol?: number;
}) => E.Either<EquilibriumError, Equilibrium>;
//# sourceMappingURL=equilibrium.d.ts.map