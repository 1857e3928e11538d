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
import type { Rhs } from './problem.ts';

export interface JacobianWork {
  readonly u: Float64Array;
  readonly fp: Float64Array;
  readonly fm: Float64Array;
}

export const jacobianWork = (n: number): JacobianWork => ({
  u: new Float64Array(n),
  fp: new Float64Array(n),
  fm: new Float64Array(n),
});

/** Forward differences: n evaluations of f, given f0 = f(t, u). */
export const forwardJacobian = (
  rhs: Rhs, t: number, u: Float64Array, f0: Float64Array, jac: Float64Array, work: JacobianWork, scale: number | Float64Array = 1,
): void => {
  const n = u.length;
  const w = work.u;
  w.set(u);
  const s = Math.sqrt(Number.EPSILON);
  for (let j = 0; j < n; j++) {
    const uj = u[j];
    const h = s * Math.max(Math.abs(uj), typeof scale === 'number' ? scale : scale[j]);
    w[j] = uj + h;
    const hh = w[j] - uj; // exactly representable step
    rhs(t, w, work.fp);
    w[j] = uj;
    const inv = 1 / hh;
    for (let i = 0; i < n; i++) jac[i * n + j] = (work.fp[i] - f0[i]) * inv;
  }
};

/** Central differences: 2n evaluations of f. */
export const centralJacobian = (
  rhs: Rhs, t: number, u: Float64Array, jac: Float64Array, work: JacobianWork, scale: number | Float64Array = 1,
): void => {
  const n = u.length;
  const w = work.u;
  w.set(u);
  const s = Math.cbrt(Number.EPSILON);
  for (let j = 0; j < n; j++) {
    const uj = u[j];
    const h = s * Math.max(Math.abs(uj), typeof scale === 'number' ? scale : scale[j]);
    w[j] = uj + h;
    const hp = w[j] - uj;
    rhs(t, w, work.fp);
    w[j] = uj - h;
    const hm = uj - w[j];
    rhs(t, w, work.fm);
    w[j] = uj;
    const inv = 1 / (hp + hm);
    for (let i = 0; i < n; i++) jac[i * n + j] = (work.fp[i] - work.fm[i]) * inv;
  }
};

/**
 * The spectral radius of a dense row-major n x n matrix by 12 power-iteration sweeps from a fixed start
 * (pv, pw: work vectors of length n); what the stiff steppers' stiffness ratio h rho uses.
 */
export const spectralRadius = (jac: Float64Array, n: number, pv: Float64Array, pw: Float64Array): number => {
  for (let i = 0; i < n; i++) pv[i] = 1 + (i % 7) * 0.1;
  let lam = 0;
  for (let it = 0; it < 12; it++) {
    let nv = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      const r = i * n;
      for (let j = 0; j < n; j++) s += jac[r + j] * pv[j];
      pw[i] = s;
      nv += s * s;
    }
    nv = Math.sqrt(nv);
    if (nv === 0 || !Number.isFinite(nv)) return 0;
    let nu = 0;
    for (let i = 0; i < n; i++) nu += pv[i] * pv[i];
    lam = nv / Math.sqrt(nu);
    for (let i = 0; i < n; i++) pv[i] = pw[i] / nv;
  }
  return lam;
};

/**
 * Most GMRES iterations per Newton correction of the Jacobian-free steppers (ndf-krylov; no restart: an inexact
 * correction goes to Newton's rate test). Their memory is KRYLOV_MAX + 1 vectors of n numbers.
 */
export const KRYLOV_MAX = 30;
