/**
 * The flow's exact Jacobian (docs/model.md §3; §4 "The Jacobian") for every particle model: every critic (linear, MLP of any depth,
 * every activation), both losses, every regularizer, weight decay and every kernel, from forward-mode tangents of
 * the critic's derivatives (tangent.ts). No step size, no truncation error: exact up to rounding, where finite
 * differences lose half the digits (forward) or a third (central). At a relu kink the derivative of the side the
 * point's pre-activation lies on is used (relu'(0) = 0, relu'' = 0), as the flow itself does.
 *
 * - `flowJvp(parts)`: J(u) v, one tangent pass over the N + M points (for any state size: no n x n memory).
 * - `exactJacobian(parts)`: the dense n x n matrix. Its columns come point by point: at each point the critic's
 *   forward and backward pass are done once, then one tangent per direction that moves that point's terms: the
 *   p parameter directions at every point and the d coordinates of a particle at its own point (a particle enters
 *   the flow only through its own critic evaluation, see structuredJacobian.ts). Cost: N (p + d) + M p point
 *   tangents, done in vector mode (criticJacobian.ts): about 6 (p + N d / (N + M)) right-hand sides (measured,
 *   bench section 9), against 1 + p + N (d + 1) / (N + M) for the structured forward differences and 2 n for
 *   central differences. The linearization uses it (model.jacobian); runs give implicit solvers the structured
 *   differences, which took the same steps on the wide ring at a fifth of the cost.
 *
 * Both differentiate the layer-by-layer right-hand side (rhs.ts); the fused one-layer and native right-hand sides
 * equal it to rounding.
 */
import type { JacobianFn } from '../ode/problem.ts';
import { criticWork, evalCritic, type CriticWork } from './critic.ts';
import { accumulateJacobian, criticJacobian, criticJacobianWork, type CriticJacobianWork } from './criticJacobian.ts';
import type { EganParts } from './parts.ts';
import { writeParticleColumns, type ModelJacobian } from './structuredJacobian.ts';
import { accumulateTangent, evalCriticTangent, tangentWork } from './tangent.ts';

/** J(u) v written into out (length n); like an Rhs, it keeps no reference to its arguments. */
export type Jvp = (t: number, u: Float64Array, v: Float64Array, out: Float64Array) => void;

/**
 * J(u) v of the particle model's flow, exact, for any state size (tangent.ts). Allocates nothing per call; its
 * buffers are made at the first call (every model carries one, and most never ask).
 */
export const flowJvp = (m: EganParts): Jvp => {
  let jvp: Jvp | undefined;
  return (t, u, dir, out) => (jvp ??= makeFlowJvp(m))(t, u, dir, out);
};

const makeFlowJvp = (m: EganParts): Jvp => {
  const { N, d, shape, kernel, loss, regularizer, lambda, etaG, etaD, weightDecay: mu, targetPoints: Y, targetWeights: wY } = m;
  const p = shape.p, nx = N * d, M = wY.length, invN = 1 / N;
  const w = criticWork(shape), t = tangentWork(shape);
  const Gd = new Float64Array(nx), v = new Float64Array(d), vd = new Float64Array(d), still = new Float64Array(d);
  const regFake = lambda > 0 && regularizer.onFake ? -lambda * invN : 0;
  /**
   * After evalCritic and evalCriticTangent at X[xo ..] along (dir's theta part, Xd[xdo ..]): adds the tangent of
   * the point's term of dtheta/dt (coefficient c with tangent cd; the regularizer's direction at regScale, none
   * at 0) into out.
   */
  const term = (u: Float64Array, dir: Float64Array, X: Float64Array, xo: number, Xd: Float64Array, xdo: number, c: number, cd: number, regScale: number, out: Float64Array) => {
    if (regScale === 0) { accumulateTangent(shape, u, nx, dir, nx, X, xo, Xd, xdo, w, t, c, cd, v, -1, vd, -1, out, nx); return; }
    regularizer.direction(w.g, 0, d, regScale, v, 0);
    regularizer.directionTangent(w.g, 0, t.g, 0, d, regScale, vd, 0);
    accumulateTangent(shape, u, nx, dir, nx, X, xo, Xd, xdo, w, t, c, cd, v, 0, vd, 0, out, nx);
  };
  return (_t, u, dir, out) => {
    for (let q = 0; q < p; q++) out[nx + q] = 0;
    for (let i = 0; i < N; i++) {
      const xo = i * d;
      evalCritic(shape, u, nx, u, xo, w);
      evalCriticTangent(shape, u, nx, dir, nx, u, xo, dir, xo, w, t);
      const D = w.D, sw = loss.particleWeight(D), sd = loss.particleWeightDeriv(D) * t.D;
      for (let k = 0; k < d; k++) Gd[xo + k] = sd * w.g[k] + sw * t.g[k];
      term(u, dir, u, xo, dir, xo, loss.fakeCoef(D) * invN, loss.fakeCoefDeriv(D) * t.D * invN, regFake, out);
    }
    for (let j = 0; j < M; j++) {
      const yo = j * d;
      evalCritic(shape, u, nx, Y, yo, w);
      evalCriticTangent(shape, u, nx, dir, nx, Y, yo, still, 0, w, t);
      const D = w.D;
      term(u, dir, Y, yo, still, 0, loss.realCoef(D) * wY[j], loss.realCoefDeriv(D) * t.D * wY[j], lambda > 0 && !regularizer.onFake ? -lambda * wY[j] : 0, out);
    }
    for (let q = 0; q < p; q++) out[nx + q] = etaD * (out[nx + q] - mu * dir[nx + q]);
    kernel.apply(Gd, d, etaG * invN, out);
  };
};

/**
 * The dense exact Jacobian of the particle model's flow (see the module comment), with its cost in
 * right-hand-side equivalents (`cost`, measured: bench section 9). Buffers are allocated at the first call (a
 * model integrated by an explicit method never asks).
 */
export const exactJacobian = (m: EganParts): ModelJacobian => {
  const { N, d, shape, kernel, loss, regularizer, lambda, etaG, etaD, weightDecay: mu, targetPoints: Y, targetWeights: wY } = m;
  const p = shape.p, nx = N * d, n = nx + p, M = wY.length, S = p + d, invN = 1 / N;
  interface Buffers { w: CriticWork; t: CriticJacobianWork; v: Float64Array; gd: Float64Array; vd: Float64Array; dG: Float64Array; dC: Float64Array; GQ: Float64Array; J: Float64Array; gq: Float64Array; col: Float64Array; K?: Float64Array }
  let buf: Buffers | undefined;
  /** After evalCritic and criticJacobian: c's tangent into t.c, v and its tangent (t.v) when the point carries the regularizer. */
  const coefficients = (b: Buffers, cd: number, regScale: number, nd: number): Float64Array | null => {
    const { w, t, v, gd, vd } = b;
    for (let j = 0; j < nd; j++) t.c[j] = cd * t.D[j];
    if (regScale === 0) return null;
    regularizer.direction(w.g, 0, d, regScale, v, 0);
    for (let j = 0; j < nd; j++) {
      for (let k = 0; k < d; k++) gd[k] = t.g[k * S + j];
      regularizer.directionTangent(w.g, 0, gd, 0, d, regScale, vd, 0);
      for (let k = 0; k < d; k++) t.v[k * S + j] = vd[k];
    }
    return v;
  };
  const jacobian: JacobianFn = (_t, u, jac) => {
    buf ??= {
      w: criticWork(shape), t: criticJacobianWork(shape), v: new Float64Array(d), gd: new Float64Array(d), vd: new Float64Array(d),
      dG: new Float64Array(nx * d), dC: new Float64Array(nx * p), GQ: new Float64Array(p * nx), J: new Float64Array(p * S),
      gq: new Float64Array(nx), col: new Float64Array(nx), ...(kernel.kind === 'two-point' ? {} : { K: kernel.matrix() }),
    };
    const b = buf, { w, t, dG, dC, GQ, J, gq, col, K } = b;
    // J[r S + j]: d (dtheta_r/dt before eta_D and weight decay) / d direction j, summed over the points; the
    // particle's own columns (j >= p) are taken out after each particle.
    J.fill(0);
    const regFake = lambda > 0 && regularizer.onFake ? -lambda * invN : 0;
    for (let i = 0; i < N; i++) {
      const xo = i * d;
      evalCritic(shape, u, nx, u, xo, w);
      criticJacobian(shape, u, nx, u, xo, true, w, t);
      const D = w.D, sw = loss.particleWeight(D), sd = loss.particleWeightDeriv(D);
      for (let a = 0; a < d; a++) {
        const ga = w.g[a], ro = a * S;
        for (let q = 0; q < p; q++) GQ[q * nx + xo + a] = sd * t.D[q] * ga + sw * t.g[ro + q];
        for (let k = 0; k < d; k++) dG[(xo + k) * d + a] = sd * t.D[p + k] * ga + sw * t.g[ro + p + k];
      }
      for (let r = 0; r < p; r++) for (let k = 0; k < d; k++) J[r * S + p + k] = 0;
      const V = coefficients(b, loss.fakeCoefDeriv(D) * invN, regFake, S);
      accumulateJacobian(shape, u, nx, u, xo, true, w, t, loss.fakeCoef(D) * invN, V, J);
      for (let k = 0; k < d; k++) for (let r = 0; r < p; r++) dC[(xo + k) * p + r] = J[r * S + p + k];
    }
    for (let j = 0; j < M; j++) {
      const yo = j * d;
      evalCritic(shape, u, nx, Y, yo, w);
      criticJacobian(shape, u, nx, Y, yo, false, w, t);
      const D = w.D;
      const V = coefficients(b, loss.realCoefDeriv(D) * wY[j], lambda > 0 && !regularizer.onFake ? -lambda * wY[j] : 0, p);
      accumulateJacobian(shape, u, nx, Y, yo, false, w, t, loss.realCoef(D) * wY[j], V, J);
    }
    writeParticleColumns(m, K, dG, dC, jac);
    for (let q = 0; q < p; q++) {
      for (let r = 0; r < nx; r++) gq[r] = GQ[q * nx + r];
      kernel.apply(gq, d, etaG * invN, col);
      for (let r = 0; r < nx; r++) jac[r * n + nx + q] = col[r];
      for (let r = 0; r < p; r++) jac[(nx + r) * n + nx + q] = etaD * (J[r * S + q] - (r === q ? mu : 0));
    }
  };
  // Measured (bench section 9, AMD EPYC): 5.6 and 6.7 right-hand sides of the fused JavaScript path per
  // (p + N d / (N + M)) at n = 385 and 2,001.
  return { jacobian, cost: 6 * (p + (N * d) / (N + M)) };
};
