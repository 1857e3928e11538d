/**
 * Analytic Jacobians where the model has a simple one. Linear critic, wgan,
 * R = grad2-fake or grad2-real (R = |w|^2), weight decay mu: the flow is linear,
 *   dx_i/dt = (eta_G/N) sum_j K_ij w,   dw/dt = eta_D (mean_P y - mean X - (2 lambda + mu) w),
 *   db/dt = -eta_D mu b,
 * so J is exact (no finite-difference error, which matters at critical damping
 * where the double eigenvalue amplifies any error in J by its square root).
 * Other configs return undefined: callers fall back to finite differences.
 */
import type { JacobianFn } from '../ode/problem.js';
import type { EganParts } from './parts.js';
export declare const analyticJacobian: (m: EganParts) => JacobianFn | undefined;
//# sourceMappingURL=jacobian.d.ts.map