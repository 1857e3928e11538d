/**
 * Fused right-hand side for the common one-hidden-layer MLP critic
 * D(x) = w_out . s(W_1 x + b_1) + b_out: the same flow as the generic
 * `makeEganRhs` (rhs.ts), laid out for speed. Per target point one pass over
 * the hidden units does the forward pass and accumulates grad_theta (wgan);
 * per particle a first pass computes D and g = grad_x D, a second applies the
 * double-backprop gradient of the regularizer. The activation's value and
 * derivatives are kept per unit in small buffers; nothing is allocated per call.
 * For d = 2 (the SPEC's experiments) the loops over coordinates are unrolled (~1.5x faster).
 * Tested equal to the generic path to rounding (test/model/fastpath.test.ts).
 */
import type { Rhs } from '../ode/problem.ts';
import { activate } from './activations.ts';
import type { EganParts } from './rhs.ts';

export const makeOneLayerRhs = (m: EganParts): Rhs => {
  const { N, d, shape, kernel, loss, regularizer, lambda, weightDecay: mu, etaG, etaD, targetPoints: Y, targetWeights: wY } = m;
  const H = shape.hidden[0];
  const M = wY.length;
  const p = shape.p;
  const to = N * d;
  const W = shape.wOff[0], B = shape.bOff[0], WO = shape.outOff, BO = shape.boutOff;
  const a = new Float64Array(H), h = new Float64Array(H), s1 = new Float64Array(H), s2 = new Float64Array(H), del = new Float64Array(H);
  const g = new Float64Array(d), v = new Float64Array(d);
  const G = new Float64Array(N * d);
  const act = shape.activation, beta = shape.beta;
  const useReg = lambda > 0;
  const regFake = useReg && regularizer.onFake;
  const regReal = useReg && !regularizer.onFake;
  const invN = 1 / N;
  const wgan = loss.kind === 'wgan';

  /** Forward pass at X[xo..]: a, h, s1, s2, del = w_out * s1; returns D. */
  const forward = (u: Float64Array, X: Float64Array, xo: number): number => {
    if (d === 2) {
      const x0 = X[xo], x1 = X[xo + 1];
      for (let r = 0, row = to + W; r < H; r++, row += 2) a[r] = u[to + B + r] + u[row] * x0 + u[row + 1] * x1;
    } else {
      for (let r = 0; r < H; r++) {
        let acc = u[to + B + r];
        const row = to + W + r * d;
        for (let k = 0; k < d; k++) acc += u[row + k] * X[xo + k];
        a[r] = acc;
      }
    }
    activate(act, beta, a, h, s1, s2, 0, H);
    let D = u[to + BO];
    for (let r = 0; r < H; r++) { const wo = u[to + WO + r]; D += wo * h[r]; del[r] = wo * s1[r]; }
    return D;
  };

  const gradX = (u: Float64Array) => {
    if (d === 2) {
      let g0 = 0, g1 = 0;
      for (let r = 0, row = to + W; r < H; r++, row += 2) { const e = del[r]; g0 += e * u[row]; g1 += e * u[row + 1]; }
      g[0] = g0; g[1] = g1;
      return;
    }
    for (let k = 0; k < d; k++) g[k] = 0;
    for (let r = 0; r < H; r++) {
      const e = del[r];
      if (e === 0) continue;
      const row = to + W + r * d;
      for (let k = 0; k < d; k++) g[k] += e * u[row + k];
    }
  };

  /** du_theta += c grad_theta D + grad_theta (v . grad_x D) (hasV) at the point of the last `forward`. */
  const accumulate = (u: Float64Array, du: Float64Array, X: Float64Array, xo: number, c: number, hasV: boolean) => {
    if (!hasV && d === 2) {
      const x0 = X[xo], x1 = X[xo + 1];
      for (let r = 0, row = to + W; r < H; r++, row += 2) {
        const e = c * del[r];
        du[to + B + r] += e;
        du[to + WO + r] += c * h[r];
        du[row] += e * x0;
        du[row + 1] += e * x1;
      }
    } else if (!hasV) {
      for (let r = 0; r < H; r++) {
        const e = c * del[r];
        du[to + B + r] += e;
        du[to + WO + r] += c * h[r];
        const row = to + W + r * d;
        for (let k = 0; k < d; k++) du[row + k] += e * X[xo + k];
      }
    } else if (d === 2) {
      const x0 = X[xo], x1 = X[xo + 1], v0 = v[0], v1 = v[1];
      for (let r = 0, row = to + W; r < H; r++, row += 2) {
        const ad = u[row] * v0 + u[row + 1] * v1;
        const wo = u[to + WO + r];
        const dl = del[r];
        const e = c * dl + wo * s2[r] * ad;
        du[to + B + r] += e;
        du[to + WO + r] += c * h[r] + s1[r] * ad;
        du[row] += e * x0 + dl * v0;
        du[row + 1] += e * x1 + dl * v1;
      }
    } else {
      for (let r = 0; r < H; r++) {
        const row = to + W + r * d;
        let ad = 0;
        for (let k = 0; k < d; k++) ad += u[row + k] * v[k];
        const wo = u[to + WO + r];
        const dl = del[r];
        const e = c * dl + wo * s2[r] * ad;
        du[to + B + r] += e;
        du[to + WO + r] += c * h[r] + s1[r] * ad;
        for (let k = 0; k < d; k++) du[row + k] += e * X[xo + k] + dl * v[k];
      }
    }
    du[to + BO] += c;
  };

  return (_t, u, du) => {
    for (let k = 0; k < p; k++) du[to + k] = 0;
    for (let i = 0; i < N; i++) {
      const xo = i * d;
      const D = forward(u, u, xo);
      gradX(u);
      const s = wgan ? 1 : loss.particleWeight(D);
      for (let k = 0; k < d; k++) G[xo + k] = s * g[k];
      if (regFake) regularizer.direction(g, 0, d, -lambda * invN, v, 0);
      accumulate(u, du, u, xo, (wgan ? -1 : loss.fakeCoef(D)) * invN, regFake);
    }
    for (let j = 0; j < M; j++) {
      const yo = j * d;
      const D = forward(u, Y, yo);
      if (regReal) { gradX(u); regularizer.direction(g, 0, d, -lambda * wY[j], v, 0); }
      accumulate(u, du, Y, yo, (wgan ? 1 : loss.realCoef(D)) * wY[j], regReal);
    }
    for (let k = 0; k < p; k++) du[to + k] = etaD * (du[to + k] - mu * u[to + k]);
    kernel.apply(G, d, etaG * invN, du);
  };
};
