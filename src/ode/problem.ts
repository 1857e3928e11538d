/**
 * An ODE problem as plain data (SciML's split problem / algorithm / solution):
 * the right-hand side, the initial state and the time span.
 *
 * The right-hand side writes du/dt into a caller-owned buffer and must not
 * keep references to `u` or `du` beyond the call: solvers reuse them.
 *
 * @example
 * const decay: OdeProblem = {
 *   rhs: (_t, u, du) => { du[0] = -u[0]; },
 *   u0: Float64Array.of(1),
 *   tspan: [0, 1],
 * };
 */
export type Rhs = (t: number, u: Float64Array, du: Float64Array) => void;

/**
 * Jacobian J = df/du at (t, u), written row-major into `jac` (n x n):
 * jac[i * n + j] = d f_i / d u_j.
 */
export type JacobianFn = (t: number, u: Float64Array, jac: Float64Array) => void;

export interface OdeProblem {
  readonly rhs: Rhs;
  readonly u0: Float64Array;
  readonly tspan: readonly [number, number];
  /** Analytic (or structured) Jacobian; when absent, implicit solvers use forward differences (n rhs calls each). */
  readonly jacobian?: JacobianFn;
  /**
   * What one call of `jacobian` costs in right-hand-side equivalents, for the stats (`jacobianCost`) and for
   * method "auto"'s cost comparison; default 0 (an exact Jacobian cheap beside the solve).
   */
  readonly jacobianCost?: number;
  /** True when f does not depend on t (saves the df/dt evaluation of Rosenbrock methods). */
  readonly autonomous?: boolean;
}
