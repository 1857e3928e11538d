/**
 * Finite-difference Jacobians of a right-hand side, row-major into a
 * caller-owned buffer: jac[i * n + j] = d f_i / d u_j.
 *
 * Step per column: h_j = eps^(1/2) max(|u_j|, scale) for forward differences
 * (error O(h)), eps^(1/3) max(|u_j|, scale) for central ones (error O(h^2)),
 * the classical choices balancing truncation against rounding (Dennis &
 * Schnabel, §5.4). `scale` is the typical magnitude of each state component
 * (a number for all, or one per component; default 1), so that small or zero
 * entries still get a step matched to their size: an implicit solver passes
 * atol_j / rtol, the size below which component j is negligible to the user
 * (as SUNDIALS' error weights do). Perturbing a component of size 1e-13 by
 * 1e-8 would make the Jacobian of a quadratic term useless (Robertson).
 */
import type { Rhs } from './problem.js';
export interface JacobianWork {
    readonly u: Float64Array;
    readonly fp: Float64Array;
    readonly fm: Float64Array;
}
export declare const jacobianWork: (n: number) => JacobianWork;
/** Forward differences: n evaluations of f, given f0 = f(t, u). */
export declare const forwardJacobian: (rhs: Rhs, t: number, u: Float64Array, f0: Float64Array, jac: Float64Array, work: JacobianWork, scale?: number | Float64Array) => void;
/** Central differences: 2n evaluations of f. */
export declare const centralJacobian: (rhs: Rhs, t: number, u: Float64Array, jac: Float64Array, work: JacobianWork, scale?: number | Float64Array) => void;
//# sourceMappingURL=jacobian.d.ts.map