/**
 * The critic's derivatives along every direction at once (vector-mode forward differentiation), for the dense
 * exact Jacobian (exactJacobian.ts). At one point x the directions are the unit vectors of the p parameters and,
 * when the point moves (a particle), of its d coordinates: S = p + d columns. Every tangent of tangent.ts becomes
 * a row of S numbers per hidden unit, and the product rule's terms with a unit seed (dW_l, db_l, dx) are single
 * entries instead of products: the tangent of a_l = W_l h_{l-1} + b_l along the seed of W_l[r, k] is h_{l-1}[k]
 * in row r, column index(W_l[r, k]), and nothing else. What remains are long loops over the S directions: one
 * Jacobian at n = 385 (MLP [32], d = 2) took 78 ms this way against 135 ms with one scalar tangent pass per
 * direction (tangent.ts, whose loops over d = 2 coordinates are mostly overhead), measured side by side.
 *
 * Layout: a tangent matrix holds row u (a hidden unit, offsets as CriticWork.lo) at [u S, u S + S); direction j
 * < p is theta_j, j = p + k is x_k. Only the first `nd` columns are used (nd = p for a fixed point, p + d for a
 * particle); the rest may hold stale values and are never read.
 */
import { activationThird } from './activations.ts';
import type { CriticShape, CriticWork } from './critic.ts';

export interface CriticJacobianWork {
  /** Directions per row (p + d). */
  readonly S: number;
  /** Tangents (units x S) of a, h, s', s'', q, delta and of accumulate's ad, hd, dd, W^T dd. */
  readonly a: Float64Array; readonly h: Float64Array; readonly s1: Float64Array; readonly s2: Float64Array;
  readonly q: Float64Array; readonly delta: Float64Array;
  readonly ad: Float64Array; readonly hd: Float64Array; readonly dd: Float64Array; readonly m: Float64Array;
  /** Tangent of D (S), of g (d x S), of the coefficient c (S, set by the caller) and of v (d x S, set by the caller). */
  readonly D: Float64Array; readonly g: Float64Array; readonly c: Float64Array; readonly v: Float64Array;
  /** Scratch: W^T dd (units) and one row of e's tangent (S). */
  readonly mv: Float64Array; readonly e: Float64Array;
  readonly third: (h: number, d1: number, d2: number) => number;
}

export const criticJacobianWork = (s: CriticShape): CriticJacobianWork => {
  const S = s.p + s.d, U = Math.max(1, s.hidden.reduce((a, b) => a + b, 0));
  const mat = () => new Float64Array(U * S);
  return {
    S, a: mat(), h: mat(), s1: mat(), s2: mat(), q: mat(), delta: mat(), ad: mat(), hd: mat(), dd: mat(), m: mat(),
    D: new Float64Array(S), g: new Float64Array(s.d * S), c: new Float64Array(S), v: new Float64Array(s.d * S),
    mv: new Float64Array(U), e: new Float64Array(S), third: activationThird(s.activation, s.beta),
  };
};

/** row[0 .. nd) = 0. */
const zero = (A: Float64Array, o: number, nd: number) => { for (let j = 0; j < nd; j++) A[o + j] = 0; };
/** A[ao + j] += f * B[bo + j] for j < nd. */
const axpy = (A: Float64Array, ao: number, f: number, B: Float64Array, bo: number, nd: number) => {
  if (f === 0) return;
  for (let j = 0; j < nd; j++) A[ao + j] += f * B[bo + j];
};

/**
 * After `evalCritic(s, th, to, X, xo, w)`: the tangents of D (t.D) and g (t.g, d x S) and of the per-layer values
 * along all nd = p (+ d when `moving`) unit directions.
 */
export const criticJacobian = (s: CriticShape, th: Float64Array, to: number, X: Float64Array, xo: number, moving: boolean, w: CriticWork, t: CriticJacobianWork): void => {
  const d = s.d, p = s.p, L = s.hidden.length, S = t.S, nd = moving ? p + d : p;
  if (L === 0) {
    zero(t.D, 0, nd);
    for (let k = 0; k < d; k++) {
      t.D[k] = X[xo + k];
      if (moving) t.D[p + k] = th[to + k];
      zero(t.g, k * S, nd);
      t.g[k * S + k] = 1;
    }
    t.D[d] = 1;
    return;
  }
  const { h, s1, s2, q, delta, lo } = w;
  let fanIn = d;
  for (let l = 0; l < L; l++) {
    const H = s.hidden[l], W = s.wOff[l], B = s.bOff[l], o = lo[l], pi = l === 0 ? 0 : lo[l - 1];
    for (let r = 0; r < H; r++) {
      const ra = (o + r) * S, row = W + r * fanIn;
      zero(t.a, ra, nd);
      if (l === 0) {
        if (moving) for (let k = 0; k < d; k++) t.a[ra + p + k] = th[to + row + k];
        for (let k = 0; k < d; k++) t.a[ra + row + k] += X[xo + k];
      } else {
        for (let k = 0; k < fanIn; k++) { axpy(t.a, ra, th[to + row + k], t.h, (pi + k) * S, nd); t.a[ra + row + k] += h[pi + k]; }
      }
      t.a[ra + B + r] += 1;
      const i = o + r, d1 = s1[i], d2 = s2[i], d3 = t.third(h[i], d1, d2);
      for (let j = 0; j < nd; j++) { const x = t.a[ra + j]; t.h[ra + j] = d1 * x; t.s1[ra + j] = d2 * x; t.s2[ra + j] = d3 * x; }
    }
    fanIn = H;
  }
  // D = w_out . h_{L-1} + b_out; at the top q = w_out, delta = w_out s'.
  const oL = lo[L - 1], WO = s.outOff;
  zero(t.D, 0, nd);
  for (let k = 0; k < fanIn; k++) {
    const i = oL + k, kb = i * S, wk = th[to + WO + k];
    axpy(t.D, 0, wk, t.h, kb, nd);
    t.D[WO + k] += h[i];
    zero(t.q, kb, nd);
    t.q[kb + WO + k] = 1;
    for (let j = 0; j < nd; j++) t.delta[kb + j] = wk * t.s1[kb + j];
    t.delta[kb + WO + k] += s1[i];
  }
  t.D[s.boutOff] += 1;
  // q_l = W_{l+1}^T delta_{l+1}, delta_l = q_l s'_l.
  for (let l = L - 2; l >= 0; l--) {
    const H = s.hidden[l], Hn = s.hidden[l + 1], W = s.wOff[l + 1], o = lo[l], on = lo[l + 1];
    for (let k = 0; k < H; k++) zero(t.q, (o + k) * S, nd);
    for (let r = 0; r < Hn; r++) {
      const rb = (on + r) * S, dr = delta[on + r], row = W + r * H;
      for (let k = 0; k < H; k++) { const kb = (o + k) * S; axpy(t.q, kb, th[to + row + k], t.delta, rb, nd); t.q[kb + row + k] += dr; }
    }
    for (let k = 0; k < H; k++) {
      const i = o + k, kb = i * S, d1 = s1[i], qk = q[i];
      for (let j = 0; j < nd; j++) t.delta[kb + j] = d1 * t.q[kb + j] + qk * t.s1[kb + j];
    }
  }
  // g = W_0^T delta_0.
  const W0 = s.wOff[0];
  for (let k = 0; k < d; k++) zero(t.g, k * S, nd);
  for (let r = 0; r < s.hidden[0]; r++) {
    const rb = r * S, dr = delta[r], row = W0 + r * d;
    for (let k = 0; k < d; k++) { axpy(t.g, k * S, th[to + row + k], t.delta, rb, nd); t.g[k * S + row + k] += dr; }
  }
};

/**
 * After `criticJacobian` at the same point: J[r S + j] += the tangent along direction j of parameter r's entry of
 * c grad_theta D(x) + grad_theta (v . grad_x D(x)), for r < p, j < nd; c's tangent in t.c, v = V[0 .. d) and its
 * tangent in t.v (no v when V is null).
 */
export const accumulateJacobian = (
  s: CriticShape, th: Float64Array, to: number, X: Float64Array, xo: number, moving: boolean, w: CriticWork, t: CriticJacobianWork,
  c: number, V: Float64Array | null, J: Float64Array,
): void => {
  const d = s.d, p = s.p, L = s.hidden.length, S = t.S, nd = moving ? p + d : p;
  const Tc = t.c, TV = t.v;
  if (L === 0) {
    for (let k = 0; k < d; k++) {
      const ro = k * S;
      axpy(J, ro, X[xo + k], Tc, 0, nd);
      if (moving) J[ro + p + k] += c;
      if (V) axpy(J, ro, 1, TV, k * S, nd);
    }
    axpy(J, d * S, 1, Tc, 0, nd);
    return;
  }
  const { h, s1, s2, q, delta, ad, hd, dd, lo } = w;
  if (V) {
    // ad_l = W_l hd_{l-1} (hd_{-1} = v), hd_l = s' ad_l.
    let fanIn = d;
    for (let l = 0; l < L; l++) {
      const H = s.hidden[l], W = s.wOff[l], o = lo[l], pi = l === 0 ? 0 : lo[l - 1];
      for (let r = 0; r < H; r++) {
        const i = o + r, ra = i * S, row = W + r * fanIn;
        zero(t.ad, ra, nd);
        let acc = 0;
        for (let k = 0; k < fanIn; k++) {
          const wk = th[to + row + k], hin = l === 0 ? V[k] : hd[pi + k];
          acc += wk * hin;
          if (l === 0) axpy(t.ad, ra, wk, TV, k * S, nd); else axpy(t.ad, ra, wk, t.hd, (pi + k) * S, nd);
          t.ad[ra + row + k] += hin;
        }
        ad[i] = acc; hd[i] = s1[i] * acc;
        const d1 = s1[i];
        for (let j = 0; j < nd; j++) t.hd[ra + j] = acc * t.s1[ra + j] + d1 * t.ad[ra + j];
      }
      fanIn = H;
    }
    // dd_l = (W_{l+1}^T dd_{l+1}) s'_l + q_l s''_l ad_l.
    for (let l = L - 1; l >= 0; l--) {
      const H = s.hidden[l], o = lo[l];
      for (let k = 0; k < H; k++) { t.mv[o + k] = 0; zero(t.m, (o + k) * S, nd); }
      if (l < L - 1) {
        const Hn = s.hidden[l + 1], W = s.wOff[l + 1], on = lo[l + 1];
        for (let r = 0; r < Hn; r++) {
          const rb = (on + r) * S, dr = dd[on + r], row = W + r * H;
          for (let k = 0; k < H; k++) {
            const wk = th[to + row + k], kb = (o + k) * S;
            t.mv[o + k] += wk * dr;
            axpy(t.m, kb, wk, t.dd, rb, nd);
            t.m[kb + row + k] += dr;
          }
        }
      }
      for (let k = 0; k < H; k++) {
        const i = o + k, kb = i * S, mk = t.mv[i], d1 = s1[i], d2 = s2[i], qk = q[i], ak = ad[i];
        dd[i] = mk * d1 + qk * d2 * ak;
        const fq = d2 * ak, fs2 = qk * ak, fad = qk * d2;
        for (let j = 0; j < nd; j++) t.dd[kb + j] = d1 * t.m[kb + j] + mk * t.s1[kb + j] + fq * t.q[kb + j] + fs2 * t.s2[kb + j] + fad * t.ad[kb + j];
      }
    }
  }
  // W_l += e_l h_{l-1}^T + delta_l hd_{l-1}^T, b_l += e_l with e_l = c delta_l + dd_l; w_out += c h + hd; b_out += c.
  const Te = t.e;
  let fanIn = d;
  for (let l = 0; l < L; l++) {
    const H = s.hidden[l], W = s.wOff[l], B = s.bOff[l], o = lo[l], pi = l === 0 ? 0 : lo[l - 1];
    for (let r = 0; r < H; r++) {
      const i = o + r, ra = i * S, dl = delta[i], e = c * dl + (V ? dd[i] : 0);
      for (let j = 0; j < nd; j++) Te[j] = dl * Tc[j] + c * t.delta[ra + j];
      if (V) axpy(Te, 0, 1, t.dd, ra, nd);
      axpy(J, (B + r) * S, 1, Te, 0, nd);
      for (let k = 0; k < fanIn; k++) {
        const pr = W + r * fanIn + k, ro = pr * S;
        if (l === 0) {
          axpy(J, ro, X[xo + k], Te, 0, nd);
          if (moving) J[ro + p + k] += e;
          if (V) { axpy(J, ro, V[k], t.delta, ra, nd); axpy(J, ro, dl, TV, k * S, nd); }
        } else {
          const kb = (pi + k) * S;
          axpy(J, ro, h[pi + k], Te, 0, nd);
          axpy(J, ro, e, t.h, kb, nd);
          if (V) { axpy(J, ro, hd[pi + k], t.delta, ra, nd); axpy(J, ro, dl, t.hd, kb, nd); }
        }
      }
    }
    fanIn = H;
  }
  const oL = lo[L - 1];
  for (let k = 0; k < fanIn; k++) {
    const ro = (s.outOff + k) * S, kb = (oL + k) * S;
    axpy(J, ro, h[oL + k], Tc, 0, nd);
    axpy(J, ro, c, t.h, kb, nd);
    if (V) axpy(J, ro, 1, t.hd, kb, nd);
  }
  axpy(J, s.boutOff * S, 1, Tc, 0, nd);
};
