/**
 * The flow's Jacobian by forward differences that use its structure, for every critic, loss, regularizer and
 * kernel of the particle model (docs/model.md §3). Particle i enters the right-hand side only through its own
 * critic evaluation: its kernel source G_i = s grad_x D(x_i), spread to every particle by the (state-independent)
 * kernel, and its term of dtheta/dt. So the column of x_i's coordinate k is
 *
 *   d(dx_j/dt)/dx_ik     = (eta_G / N) K_ji dG_i/dx_ik,
 *   d(dtheta/dt)/dx_ik   = eta_D d(term_i)/dx_ik,
 *
 * and a forward difference of that one particle's evaluation (1/(N + M) of a right-hand side) gives it, where
 * plain forward differences perturb the whole state and call the whole right-hand side once per column. The
 * critic's parameters touch every point, so their p columns are plain forward differences of the model's
 * right-hand side. One Jacobian costs
 *
 *   1 + p + N (d + 1) / (N + M)  right-hand-side equivalents,  against n + 1 = N d + p + 1,
 *
 * e.g. 131.5 against 258 on the 64-particle ring (64 samples) with an MLP [32] critic in d = 2, and the particle columns cost
 * about d + 1 right-hand sides whatever N is. The result equals plain forward differences up to their own
 * truncation and rounding error (the same steps: sqrt(eps) max(|u_j|, scale)); the tests check both against
 * central differences.
 *
 * Implicit solvers use it through the solve's problem (`jacobian` with `jacobianCost`); the linearization
 * (analysis/linearize.ts) keeps central differences, which are more accurate, or the exact linear-critic Jacobian.
 */
import type { JacobianFn, Rhs } from '../ode/problem.ts';
import type { EganParts } from './parts.ts';
import { makeParticleTerm } from './rhs.ts';

export interface ModelJacobian {
  readonly jacobian: JacobianFn;
  /** Cost of one call in right-hand-side equivalents (a point's critic evaluation counts 1/(N + M)). */
  readonly cost: number;
}

/**
 * The structured finite-difference Jacobian of a particle model with right-hand side `rhs`. `scale`: the size
 * below which a component's step stops shrinking (as the implicit solvers' atol / rtol; default 1e-3).
 */
export const structuredJacobian = (m: EganParts, rhs: Rhs, scale = 1e-3): ModelJacobian => {
  const { N, d, shape, kernel } = m;
  const p = shape.p, nx = N * d, n = nx + p, M = m.targetWeights.length;
  const term = makeParticleTerm(m);
  const sqrtEps = Math.sqrt(Number.EPSILON);
  // Buffers, allocated once (on first use: a model integrated by an explicit method never asks).
  // The particle columns' differences are gathered first (dG: d per column, dC: p per column, already divided by
  // the step) and then written row by row (writeParticleColumns).
  let buf: { f0: Float64Array; fp: Float64Array; w: Float64Array; gA: Float64Array; gB: Float64Array; cA: Float64Array; cB: Float64Array; x: Float64Array; dG: Float64Array; dC: Float64Array; K?: Float64Array } | undefined;
  const jacobian: JacobianFn = (t, u, jac) => {
    buf ??= {
      f0: new Float64Array(n), fp: new Float64Array(n), w: new Float64Array(n), gA: new Float64Array(d), gB: new Float64Array(d),
      cA: new Float64Array(p), cB: new Float64Array(p), x: new Float64Array(d), dG: new Float64Array(nx * d), dC: new Float64Array(nx * p),
      ...(kernel.kind === 'two-point' ? {} : { K: kernel.matrix() }),
    };
    const { f0, fp, w, gA, gB, cA, cB, x, dG, dC, K } = buf;
    rhs(t, u, f0);
    // The critic's parameters: plain forward differences of the whole right-hand side.
    w.set(u);
    for (let k = 0; k < p; k++) {
      const j = nx + k, uj = u[j];
      w[j] = uj + sqrtEps * Math.max(Math.abs(uj), scale);
      const inv = 1 / (w[j] - uj);
      rhs(t, w, fp);
      w[j] = uj;
      for (let i = 0; i < n; i++) jac[i * n + j] = (fp[i] - f0[i]) * inv;
    }
    // The particles: one particle's evaluation at a time.
    for (let i = 0; i < N; i++) {
      const xo = i * d;
      for (let a = 0; a < d; a++) x[a] = u[xo + a];
      cA.fill(0);
      term(u, nx, x, 0, gA, 0, cA, 0);
      for (let k = 0; k < d; k++) {
        const xk = x[k];
        x[k] = xk + sqrtEps * Math.max(Math.abs(xk), scale);
        const inv = 1 / (x[k] - xk);
        cB.fill(0);
        term(u, nx, x, 0, gB, 0, cB, 0);
        x[k] = xk;
        const col = xo + k;
        for (let a = 0; a < d; a++) dG[col * d + a] = (gB[a] - gA[a]) * inv;
        for (let q = 0; q < p; q++) dC[col * p + q] = (cB[q] - cA[q]) * inv;
      }
    }
    writeParticleColumns(m, K, dG, dC, jac);
  };
  return { jacobian, cost: 1 + p + (N * (d + 1)) / (N + M) };
};

/**
 * The particle columns of the flow's Jacobian from one particle's derivatives: dG[col * d + a] = dG_i,a / dx_col
 * (col = i d + k, G_i = s grad_x D(x_i) the particle's kernel source) and dC[col * p + q] = d term_i,q / dx_col
 * (its term of dtheta/dt before eta_D). Written row by row: column-wise writes into the row-major n x n matrix
 * miss the cache at every entry (at n = 2,001 they took longer than the derivatives themselves). K: the kernel's
 * matrix, or undefined for the two-point kernel.
 */
export const writeParticleColumns = (m: EganParts, K: Float64Array | undefined, dG: Float64Array, dC: Float64Array, jac: Float64Array): void => {
  const { N, d, kernel, etaG, etaD } = m;
  const p = m.shape.p, nx = N * d, n = nx + p, g1 = kernel.g1, g2 = kernel.g2, kScale = etaG / N;
  for (let jj = 0; jj < N; jj++) for (let a = 0; a < d; a++) {
    const ro = (jj * d + a) * n;
    for (let i = 0; i < N; i++) {
      const s = kScale * (K ? K[jj * N + i] : jj === i ? g1 : g2);
      for (let k = 0; k < d; k++) { const col = i * d + k; jac[ro + col] = s * dG[col * d + a]; }
    }
  }
  for (let q = 0; q < p; q++) {
    const ro = (nx + q) * n;
    for (let col = 0; col < nx; col++) jac[ro + col] = etaD * dC[col * p + q];
  }
};
