/**
 * Forward-mode tangents of the critic's derivatives (critic.ts), for the flow's exact Jacobian
 * (exactJacobian.ts). Along a direction (thd, xd) of the critic's parameters and of the point:
 *
 *  - `evalCriticTangent`: the tangents Dd of D(x) and gd of g = grad_x D(x), through the forward pass
 *    (ad_l = Wd_l h_{l-1} + W_l hd_{l-1} + bd_l, hd_l = s' ad_l) and the backward pass (qd, deltad);
 *  - `accumulateTangent`: the tangent of accumulate's output c grad_theta D(x) + grad_theta (v . grad_x D(x))
 *    when c and v move too (cd, vd): the tangent of a double-backprop gradient, which needs s''' of the
 *    activation (activations.ts) where the regularizer's direction v is present.
 *
 * Every line is the derivative of a line of critic.ts (product rule), written out; the tests check the results
 * against central differences of the functions they differentiate. Buffers live in a `TangentWork` made once;
 * nothing is allocated per point.
 */
import { activationThird } from './activations.ts';
import type { CriticShape, CriticWork } from './critic.ts';

export interface TangentWork {
  /** Tangents of h, s' and s'' per hidden unit (offsets as CriticWork.lo). */
  readonly h: Float64Array;
  readonly s1: Float64Array;
  readonly s2: Float64Array;
  readonly q: Float64Array;
  readonly delta: Float64Array;
  /** Tangents of accumulate's ad, hd, dd; m and md: W^T dd and its tangent (scratch). */
  readonly ad: Float64Array;
  readonly hd: Float64Array;
  readonly dd: Float64Array;
  readonly m: Float64Array;
  readonly md: Float64Array;
  /** Tangent of g (length d). */
  readonly g: Float64Array;
  readonly third: (h: number, d1: number, d2: number) => number;
  /** Tangent of D. */
  D: number;
}

export const tangentWork = (s: CriticShape): TangentWork => {
  const tot = Math.max(1, s.hidden.reduce((a, b) => a + b, 0));
  const mk = () => new Float64Array(tot);
  return {
    h: mk(), s1: mk(), s2: mk(), q: mk(), delta: mk(), ad: mk(), hd: mk(), dd: mk(), m: mk(), md: mk(),
    g: new Float64Array(s.d), third: activationThird(s.activation, s.beta), D: 0,
  };
};

/**
 * After `evalCritic(s, th, to, X, xo, w)`: the tangents of D and g along theta's tangent thd[tdo ..] and the
 * point's tangent Xd[xdo .. xdo + d), into t.D and t.g (and t's per-layer buffers, read by accumulateTangent).
 */
export const evalCriticTangent = (
  s: CriticShape, th: Float64Array, to: number, thd: Float64Array, tdo: number,
  X: Float64Array, xo: number, Xd: Float64Array, xdo: number, w: CriticWork, t: TangentWork,
): void => {
  const d = s.d, L = s.hidden.length;
  if (L === 0) {
    let D = thd[tdo + d];
    for (let k = 0; k < d; k++) { D += thd[tdo + k] * X[xo + k] + th[to + k] * Xd[xdo + k]; t.g[k] = thd[tdo + k]; }
    t.D = D;
    return;
  }
  const { h, s1, s2, q, delta, lo } = w;
  let fanIn = d;
  for (let l = 0; l < L; l++) {
    const H = s.hidden[l], W = s.wOff[l], B = s.bOff[l], o = lo[l], pi = l === 0 ? 0 : lo[l - 1];
    for (let r = 0; r < H; r++) {
      let acc = thd[tdo + B + r];
      const row = W + r * fanIn;
      if (l === 0) for (let k = 0; k < d; k++) acc += thd[tdo + row + k] * X[xo + k] + th[to + row + k] * Xd[xdo + k];
      else for (let k = 0; k < fanIn; k++) acc += thd[tdo + row + k] * h[pi + k] + th[to + row + k] * t.h[pi + k];
      const i = o + r;
      t.h[i] = s1[i] * acc;
      t.s1[i] = s2[i] * acc;
      t.s2[i] = t.third(h[i], s1[i], s2[i]) * acc;
    }
    fanIn = H;
  }
  const oL = lo[L - 1], WO = s.outOff;
  let D = thd[tdo + s.boutOff];
  for (let k = 0; k < fanIn; k++) {
    const i = oL + k;
    D += thd[tdo + WO + k] * h[i] + th[to + WO + k] * t.h[i];
    t.q[i] = thd[tdo + WO + k];
    t.delta[i] = thd[tdo + WO + k] * s1[i] + th[to + WO + k] * t.s1[i];
  }
  t.D = D;
  for (let l = L - 2; l >= 0; l--) {
    const H = s.hidden[l], Hn = s.hidden[l + 1], W = s.wOff[l + 1], o = lo[l], on = lo[l + 1];
    for (let k = 0; k < H; k++) t.q[o + k] = 0;
    for (let r = 0; r < Hn; r++) {
      const dr = delta[on + r], tr = t.delta[on + r], row = W + r * H;
      for (let k = 0; k < H; k++) t.q[o + k] += thd[tdo + row + k] * dr + th[to + row + k] * tr;
    }
    for (let k = 0; k < H; k++) t.delta[o + k] = t.q[o + k] * s1[o + k] + q[o + k] * t.s1[o + k];
  }
  const W0 = s.wOff[0];
  for (let k = 0; k < d; k++) t.g[k] = 0;
  for (let r = 0; r < s.hidden[0]; r++) {
    const dr = delta[r], tr = t.delta[r], row = W0 + r * d;
    for (let k = 0; k < d; k++) t.g[k] += thd[tdo + row + k] * dr + th[to + row + k] * tr;
  }
};

/**
 * After `evalCritic` and `evalCriticTangent` at the same point and direction: grad[go ..] += the tangent of
 * c grad_theta D(x) + grad_theta (v . grad_x D(x)), with c's tangent cd, v = V[vo .. vo + d) and its tangent
 * Vd[vdo ..] (no v when vo < 0). Fills w.ad, w.hd, w.dd (accumulate's own tangent pass along v) on the way.
 */
export const accumulateTangent = (
  s: CriticShape, th: Float64Array, to: number, thd: Float64Array, tdo: number,
  X: Float64Array, xo: number, Xd: Float64Array, xdo: number, w: CriticWork, t: TangentWork,
  c: number, cd: number, V: Float64Array, vo: number, Vd: Float64Array, vdo: number, grad: Float64Array, go: number,
): void => {
  const d = s.d, L = s.hidden.length, hasV = vo >= 0;
  if (L === 0) {
    for (let k = 0; k < d; k++) grad[go + k] += cd * X[xo + k] + c * Xd[xdo + k] + (hasV ? Vd[vdo + k] : 0);
    grad[go + d] += cd;
    return;
  }
  const { h, s1, s2, q, delta, ad, hd, dd, lo } = w;
  if (hasV) {
    // ad_l = W_l hd_{l-1} (hd_{-1} = v), hd_l = s' ad_l, and their tangents.
    let fanIn = d;
    for (let l = 0; l < L; l++) {
      const H = s.hidden[l], W = s.wOff[l], o = lo[l], pi = l === 0 ? 0 : lo[l - 1];
      for (let r = 0; r < H; r++) {
        let acc = 0, accD = 0;
        const row = W + r * fanIn;
        if (l === 0) for (let k = 0; k < d; k++) { acc += th[to + row + k] * V[vo + k]; accD += thd[tdo + row + k] * V[vo + k] + th[to + row + k] * Vd[vdo + k]; }
        else for (let k = 0; k < fanIn; k++) { acc += th[to + row + k] * hd[pi + k]; accD += thd[tdo + row + k] * hd[pi + k] + th[to + row + k] * t.hd[pi + k]; }
        const i = o + r;
        ad[i] = acc; t.ad[i] = accD;
        hd[i] = s1[i] * acc; t.hd[i] = t.s1[i] * acc + s1[i] * accD;
      }
      fanIn = H;
    }
    // dd_l = (W_{l+1}^T dd_{l+1}) s'_l + q_l s''_l ad_l (no first term at the top), and its tangent.
    for (let l = L - 1; l >= 0; l--) {
      const H = s.hidden[l], o = lo[l];
      for (let k = 0; k < H; k++) { t.m[o + k] = 0; t.md[o + k] = 0; }
      if (l < L - 1) {
        const Hn = s.hidden[l + 1], W = s.wOff[l + 1], on = lo[l + 1];
        for (let r = 0; r < Hn; r++) {
          const dr = dd[on + r], tr = t.dd[on + r], row = W + r * H;
          for (let k = 0; k < H; k++) { t.m[o + k] += th[to + row + k] * dr; t.md[o + k] += thd[tdo + row + k] * dr + th[to + row + k] * tr; }
        }
      }
      for (let k = 0; k < H; k++) {
        const i = o + k;
        dd[i] = t.m[i] * s1[i] + q[i] * s2[i] * ad[i];
        t.dd[i] = t.md[i] * s1[i] + t.m[i] * t.s1[i] + (t.q[i] * s2[i] + q[i] * t.s2[i]) * ad[i] + q[i] * s2[i] * t.ad[i];
      }
    }
  }
  // W_l += (c delta_l + dd_l) h_{l-1}^T + delta_l hd_{l-1}^T, b_l += c delta_l + dd_l: their tangents.
  let fanIn = d;
  for (let l = 0; l < L; l++) {
    const H = s.hidden[l], W = go + s.wOff[l], B = go + s.bOff[l], o = lo[l], pi = l === 0 ? 0 : lo[l - 1];
    for (let r = 0; r < H; r++) {
      const i = o + r, dl = delta[i], tdl = t.delta[i];
      const e = c * dl + (hasV ? dd[i] : 0), ed = cd * dl + c * tdl + (hasV ? t.dd[i] : 0);
      grad[B + r] += ed;
      const row = W + r * fanIn;
      if (l === 0) {
        for (let k = 0; k < d; k++) grad[row + k] += ed * X[xo + k] + e * Xd[xdo + k] + (hasV ? tdl * V[vo + k] + dl * Vd[vdo + k] : 0);
      } else {
        for (let k = 0; k < fanIn; k++) grad[row + k] += ed * h[pi + k] + e * t.h[pi + k] + (hasV ? tdl * hd[pi + k] + dl * t.hd[pi + k] : 0);
      }
    }
    fanIn = H;
  }
  const oL = lo[L - 1], WO = go + s.outOff;
  for (let k = 0; k < fanIn; k++) grad[WO + k] += cd * h[oL + k] + c * t.h[oL + k] + (hasV ? t.hd[oL + k] : 0);
  grad[go + s.boutOff] += cd;
};
