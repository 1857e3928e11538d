/**
 * The critic D_theta: R^d -> R (docs/model.md §1) and every derivative the dynamics
 * needs, analytic:
 *  - D(x), g = grad_x D(x) (backpropagation),
 *  - c grad_theta D(x) + grad_theta (v . grad_x D(x)) for a coefficient c and
 *    a direction v: the second term is the double-backprop gradient of a
 *    gradient regularizer (v = dR/dg). It is computed as the forward-mode
 *    tangent of grad_theta D along x -> x + eps v, since mixed partials
 *    commute: grad_theta (v . grad_x D) = d/deps grad_theta D(x + eps v).
 *
 * Parameter layout (docs/model.md §1): for each hidden layer in order W (row-major,
 * out x in) then b; then the output layer w_out (1 x h_L) then b_out.
 * A linear critic is D(x) = w . x + b with theta = [w, b].
 * All work buffers live in a `CriticWork` made once; nothing is allocated
 * per point.
 */
import type { Activation, Config } from './config.ts';
import { criticParamCount } from './config.ts';
import { activationLoop, type ActivationRun } from './activations.ts';
import { makeRng } from './random.ts';

export interface CriticShape {
  readonly kind: 'mlp' | 'linear';
  readonly d: number;
  /** Hidden widths (empty for linear). */
  readonly hidden: readonly number[];
  readonly activation: Activation;
  readonly beta: number;
  readonly p: number;
  /** Offsets in theta of each hidden layer's W and b, then w_out, b_out. */
  readonly wOff: readonly number[];
  readonly bOff: readonly number[];
  readonly outOff: number;
  readonly boutOff: number;
}

export const criticShape = (c: Config['critic'], d: number): CriticShape => {
  const hidden = c.kind === 'mlp' ? c.hidden : [];
  const wOff: number[] = [], bOff: number[] = [];
  let off = 0, fanIn = d;
  for (const h of hidden) { wOff.push(off); off += h * fanIn; bOff.push(off); off += h; fanIn = h; }
  const shape = {
    kind: c.kind, d, hidden, activation: c.kind === 'mlp' ? c.activation : ('relu' as Activation), beta: c.kind === 'mlp' ? c.beta : 1,
    p: criticParamCount(c, d), wOff, bOff, outOff: off, boutOff: off + fanIn,
  };
  return shape;
};

/** Default initialisation (docs/model.md §1): W entries N(0, 1/fan_in), biases 0, from the seed. */
export const initTheta = (s: CriticShape, seed: number): Float64Array => {
  const rng = makeRng(seed, 'critic');
  const th = new Float64Array(s.p);
  let fanIn = s.d;
  for (let l = 0; l < s.hidden.length; l++) {
    const h = s.hidden[l], sd = 1 / Math.sqrt(fanIn);
    for (let k = 0; k < h * fanIn; k++) th[s.wOff[l] + k] = sd * rng.normal();
    fanIn = h;
  }
  const sd = 1 / Math.sqrt(fanIn);
  for (let k = 0; k < fanIn; k++) th[s.outOff + k] = sd * rng.normal();
  return th;
};

export interface CriticWork {
  /** Per hidden layer l, arrays of width h_l at offset lo[l]. */
  readonly lo: readonly number[];
  readonly a: Float64Array;
  readonly h: Float64Array;
  readonly s1: Float64Array;
  readonly s2: Float64Array;
  /** q_l = dD/dh_l (before multiplying by s'), and delta_l = q_l * s'(a_l). */
  readonly q: Float64Array;
  readonly delta: Float64Array;
  /** Tangents along v. */
  readonly ad: Float64Array;
  readonly hd: Float64Array;
  readonly dd: Float64Array;
  /** grad_x D at the last point (length d). */
  readonly g: Float64Array;
  /** The activation over [o, o + len) of a into h, s1, s2. */
  readonly act: ActivationRun;
  /** D at the last point. */
  D: number;
}

export const criticWork = (s: CriticShape): CriticWork => {
  const lo: number[] = [];
  let tot = 0;
  for (const h of s.hidden) { lo.push(tot); tot += h; }
  const mk = () => new Float64Array(Math.max(1, tot));
  const a = mk(), h = mk(), s1 = mk(), s2 = mk();
  return { lo, a, h, s1, s2, q: mk(), delta: mk(), ad: mk(), hd: mk(), dd: mk(), g: new Float64Array(s.d), act: activationLoop(s.activation, s.beta, a, h, s1, s2), D: 0 };
};

/**
 * Forward and backward pass at x = X[xo .. xo + d): fills D, g and the
 * per-layer buffers of `w` (needed by `accumulate`).
 */
export const evalCritic = (s: CriticShape, th: Float64Array, to: number, X: Float64Array, xo: number, w: CriticWork): void => {
  const d = s.d;
  const L = s.hidden.length;
  if (L === 0) {
    let D = th[to + d];
    for (let k = 0; k < d; k++) { D += th[to + k] * X[xo + k]; w.g[k] = th[to + k]; }
    w.D = D;
    return;
  }
  const { a, h, s1, s2, q, delta, lo } = w;
  // forward
  let fanIn = d;
  for (let l = 0; l < L; l++) {
    const H = s.hidden[l], W = to + s.wOff[l], B = to + s.bOff[l], o = lo[l];
    if (l === 0) {
      for (let r = 0; r < H; r++) {
        let acc = th[B + r];
        const row = W + r * d;
        for (let k = 0; k < d; k++) acc += th[row + k] * X[xo + k];
        a[o + r] = acc;
      }
    } else {
      const pi = lo[l - 1];
      for (let r = 0; r < H; r++) {
        let acc = th[B + r];
        const row = W + r * fanIn;
        for (let k = 0; k < fanIn; k++) acc += th[row + k] * h[pi + k];
        a[o + r] = acc;
      }
    }
    w.act(o, H);
    fanIn = H;
  }
  const HL = s.hidden[L - 1], oL = lo[L - 1], WO = to + s.outOff;
  let D = th[to + s.boutOff];
  for (let k = 0; k < HL; k++) {
    D += th[WO + k] * h[oL + k];
    q[oL + k] = th[WO + k];
    delta[oL + k] = th[WO + k] * s1[oL + k];
  }
  w.D = D;
  // backward: q_l = W_{l+1}^T delta_{l+1}
  for (let l = L - 2; l >= 0; l--) {
    const H = s.hidden[l], Hn = s.hidden[l + 1], W = to + s.wOff[l + 1], o = lo[l], on = lo[l + 1];
    for (let k = 0; k < H; k++) q[o + k] = 0;
    for (let r = 0; r < Hn; r++) {
      const dr = delta[on + r];
      if (dr === 0) continue;
      const row = W + r * H;
      for (let k = 0; k < H; k++) q[o + k] += th[row + k] * dr;
    }
    for (let k = 0; k < H; k++) delta[o + k] = q[o + k] * s1[o + k];
  }
  const H0 = s.hidden[0], W0 = to + s.wOff[0];
  for (let k = 0; k < d; k++) w.g[k] = 0;
  for (let r = 0; r < H0; r++) {
    const dr = delta[r];
    if (dr === 0) continue;
    const row = W0 + r * d;
    for (let k = 0; k < d; k++) w.g[k] += th[row + k] * dr;
  }
};

/**
 * After `evalCritic` at the same point: grad[go ..] += c grad_theta D(x)
 * + grad_theta (v . grad_x D(x)), with v = V[vo .. vo + d) (or no v when vo < 0).
 */
export const accumulate = (
  s: CriticShape, th: Float64Array, to: number, X: Float64Array, xo: number, w: CriticWork,
  c: number, V: Float64Array, vo: number, grad: Float64Array, go: number,
): void => {
  const d = s.d;
  const L = s.hidden.length;
  const hasV = vo >= 0;
  if (L === 0) {
    for (let k = 0; k < d; k++) grad[go + k] += c * X[xo + k] + (hasV ? V[vo + k] : 0);
    grad[go + d] += c;
    return;
  }
  const { a, h, s1, s2, q, delta, ad, hd, dd, lo } = w;
  if (hasV) {
    // tangent forward: ad_l = W_l hd_{l-1} (hd_0 = v), hd_l = s1 * ad_l
    let fanIn = d;
    for (let l = 0; l < L; l++) {
      const H = s.hidden[l], W = to + s.wOff[l], o = lo[l];
      for (let r = 0; r < H; r++) {
        let acc = 0;
        if (l === 0) { const row = W + r * d; for (let k = 0; k < d; k++) acc += th[row + k] * V[vo + k]; }
        else { const row = W + r * fanIn, pi = lo[l - 1]; for (let k = 0; k < fanIn; k++) acc += th[row + k] * hd[pi + k]; }
        ad[o + r] = acc;
        hd[o + r] = s1[o + r] * acc;
      }
      fanIn = H;
    }
    // tangent backward: dd_l = (W_{l+1}^T dd_{l+1}) s1_l + q_l s2_l ad_l; at the top W^T dd = 0.
    for (let l = L - 1; l >= 0; l--) {
      const H = s.hidden[l], o = lo[l];
      if (l === L - 1) {
        for (let k = 0; k < H; k++) dd[o + k] = q[o + k] * s2[o + k] * ad[o + k];
      } else {
        const Hn = s.hidden[l + 1], W = to + s.wOff[l + 1], on = lo[l + 1];
        // a_l is not needed after the forward pass (h, s1, s2 hold what is used): reuse it as scratch for W^T dd.
        for (let k = 0; k < H; k++) a[o + k] = 0;
        for (let r = 0; r < Hn; r++) {
          const dr = dd[on + r];
          if (dr === 0) continue;
          const row = W + r * H;
          for (let k = 0; k < H; k++) a[o + k] += th[row + k] * dr;
        }
        for (let k = 0; k < H; k++) dd[o + k] = a[o + k] * s1[o + k] + q[o + k] * s2[o + k] * ad[o + k];
      }
    }
  }
  // gradients: W_l += (c delta_l + dd_l) h_{l-1}^T + delta_l hd_{l-1}^T; b_l += c delta_l + dd_l
  let fanIn = d;
  for (let l = 0; l < L; l++) {
    const H = s.hidden[l], W = go + s.wOff[l], B = go + s.bOff[l], o = lo[l];
    for (let r = 0; r < H; r++) {
      const e = c * delta[o + r] + (hasV ? dd[o + r] : 0);
      const dl = delta[o + r];
      grad[B + r] += e;
      const row = W + r * fanIn;
      if (l === 0) {
        if (hasV) for (let k = 0; k < d; k++) grad[row + k] += e * X[xo + k] + dl * V[vo + k];
        else for (let k = 0; k < d; k++) grad[row + k] += e * X[xo + k];
      } else {
        const pi = lo[l - 1];
        if (hasV) for (let k = 0; k < fanIn; k++) grad[row + k] += e * h[pi + k] + dl * hd[pi + k];
        else for (let k = 0; k < fanIn; k++) grad[row + k] += e * h[pi + k];
      }
    }
    fanIn = H;
  }
  const oL = lo[L - 1], WO = go + s.outOff;
  for (let k = 0; k < fanIn; k++) grad[WO + k] += c * h[oL + k] + (hasV ? hd[oL + k] : 0);
  grad[go + s.boutOff] += c;
};
