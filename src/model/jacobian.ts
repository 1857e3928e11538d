/**
 * Analytic Jacobians where the model has a simple one. Linear critic, wgan,
 * R = grad2-fake or grad2-real (R = |w|^2), weight decay mu: the flow is linear,
 *   dx_i/dt = (eta_G/N) sum_j K_ij w,   dw/dt = eta_D (mean_P y - mean X - (2 lambda + mu) w),
 *   db/dt = -eta_D mu b,
 * so J is exact (no finite-difference error, which matters at critical damping
 * where the double eigenvalue amplifies any error in J by its square root).
 * Other configs return undefined: callers fall back to finite differences.
 */
import type { JacobianFn } from '../ode/problem.ts';
import type { EganParts } from './parts.ts';

export const analyticJacobian = (m: EganParts): JacobianFn | undefined => {
  if (m.shape.kind !== 'linear' || m.loss.kind !== 'wgan' || m.regularizer.kind === 'gp-fake') return undefined;
  const { N, d, etaG, etaD, lambda, weightDecay: mu } = m;
  const n = N * d + d + 1;
  const to = N * d;
  // The kernel's row sums, computed at the first call: building a model (for an explicit solver, which never
  // asks for the Jacobian) must not build the dense N x N kernel.
  let rowSum: Float64Array | undefined;
  const rowSums = (): Float64Array => {
    const K = m.kernel.matrix();
    const r = new Float64Array(N);
    for (let i = 0; i < N; i++) { let s = 0; for (let j = 0; j < N; j++) s += K[i * N + j]; r[i] = s; }
    return r;
  };
  return (_t, _u, jac) => {
    rowSum ??= rowSums();
    jac.fill(0);
    for (let i = 0; i < N; i++) for (let k = 0; k < d; k++) jac[(i * d + k) * n + to + k] = (etaG / N) * rowSum[i];
    for (let k = 0; k < d; k++) {
      for (let i = 0; i < N; i++) jac[(to + k) * n + i * d + k] = -etaD / N;
      jac[(to + k) * n + to + k] = -etaD * (2 * lambda + mu);
    }
    jac[(to + d) * n + to + d] = -etaD * mu;
  };
};
