/**
 * Fused right-hand side for the common one-hidden-layer MLP critic
 * D(x) = w_out . s(W_1 x + b_1) + b_out: the same flow as the generic
 * `makeGenericRhs` (rhs.ts), laid out for speed.
 *
 * Layout: points are taken in blocks of BLOCK; within a block every loop runs
 * over hidden units outside and points inside, on structure-of-arrays
 * buffers (coordinates, pre-activations, activation values and derivatives
 * stored unit-major), so the per-unit parameters sit in registers and the
 * per-unit gradient sums are accumulated in registers and written once per
 * block. The activation is evaluated over a whole block in one call.
 * Passes per block: pre-activation, activation, then (particles, or any
 * point whose coefficient depends on D or that carries the regularizer) D
 * and g = grad_x D, then the parameter gradient (with the double-backprop
 * term of the regularizer where it applies).
 *
 * Chunks: the points are split into CHUNKS fixed parts (particles and target
 * samples alike); each chunk's parameter gradient is summed into its own
 * slot and the slots are added in chunk order. The result is therefore the
 * same to the last bit whether one thread does every chunk or several
 * threads share them (threadedRhs.ts). Nothing is allocated per call.
 * Tested equal to the generic path to rounding (test/model/fastpath.test.ts).
 */
import type { Rhs } from '../ode/problem.ts';
import { activate } from './activations.ts';
import type { EganParts } from './rhs.ts';

/** Points per block (buffers are H x BLOCK). */
const BLOCK = 32;
/** Fixed number of chunks the points are split into (independent of threads). */
export const CHUNKS = 4;
/** First index of chunk c of n items. */
export const chunkStart = (n: number, c: number): number => Math.floor((n * c) / CHUNKS);

export interface OneLayerCore {
  /** Parameters in theta's layout: p. */
  readonly p: number;
  /** Copy the critic's parameters out of the state u (once per call, before `chunk`). */
  load(u: Float64Array): void;
  /**
   * Add chunk c's contributions: the critic-gradient terms of its particles
   * and target samples into grad[go .. go + p) (theta layout, not scaled by
   * etaD, no weight decay), and s_i grad_x D(x_i) into G for its particles.
   */
  chunk(u: Float64Array, c: number, grad: Float64Array, go: number, G: Float64Array): void;
}

/**
 * The chunked computation as a class: V8 compiles one set of methods for every
 * model (closures would be specialised to the first model's context and run
 * slower for the next ones, measured 1.4x, which a sweep builds by the
 * hundred), and the hot loops read fields through locals (registers).
 */
class Core implements OneLayerCore {
  readonly p: number;
  private readonly N: number;
  private readonly M: number;
  private readonly d: number;
  private readonly H: number;
  private readonly to: number;
  private readonly W: number;
  private readonly B: number;
  private readonly WO: number;
  private readonly BO: number;
  private readonly act: EganParts['shape']['activation'];
  private readonly beta: number;
  private readonly loss: EganParts['loss'];
  private readonly regularizer: EganParts['regularizer'];
  private readonly lambda: number;
  private readonly Y: Float64Array;
  private readonly wY: Float64Array;
  private readonly regFake: boolean;
  private readonly regReal: boolean;
  private readonly wgan: boolean;
  private readonly invN: number;
  // Parameters (W transposed: Wt[k H + r] = W[r][k]).
  private readonly Wt: Float64Array;
  private readonly bb: Float64Array;
  private readonly wo: Float64Array;
  private bout = 0;
  // Block buffers, unit-major with stride nb (the block's size): A[r nb + i].
  private readonly A: Float64Array;
  private readonly Hh: Float64Array;
  private readonly S1: Float64Array;
  private readonly S2: Float64Array;
  private readonly Del: Float64Array;
  // Per point of the block, coordinate-major: xs[k BLOCK + i].
  private readonly xs: Float64Array;
  private readonly vs: Float64Array;
  private readonly gs: Float64Array;
  private readonly Dv: Float64Array;
  private readonly cs: Float64Array;
  private readonly gt: Float64Array;
  private readonly vt: Float64Array;
  private readonly sW: Float64Array;

  constructor(m: EganParts) {
    const { N, d, shape } = m;
    const H = shape.hidden[0];
    this.N = N; this.d = d; this.H = H; this.M = m.targetWeights.length; this.p = shape.p;
    this.to = N * d; this.W = shape.wOff[0]; this.B = shape.bOff[0]; this.WO = shape.outOff; this.BO = shape.boutOff;
    this.act = shape.activation; this.beta = shape.beta;
    this.loss = m.loss; this.regularizer = m.regularizer; this.lambda = m.lambda;
    this.Y = m.targetPoints; this.wY = m.targetWeights;
    const useReg = m.lambda > 0;
    this.regFake = useReg && m.regularizer.onFake;
    this.regReal = useReg && !m.regularizer.onFake;
    this.wgan = m.loss.kind === 'wgan';
    this.invN = 1 / N;
    this.Wt = new Float64Array(d * H); this.bb = new Float64Array(H); this.wo = new Float64Array(H);
    this.A = new Float64Array(H * BLOCK); this.Hh = new Float64Array(H * BLOCK); this.S1 = new Float64Array(H * BLOCK);
    this.S2 = new Float64Array(H * BLOCK); this.Del = new Float64Array(H * BLOCK);
    this.xs = new Float64Array(d * BLOCK); this.vs = new Float64Array(d * BLOCK); this.gs = new Float64Array(d * BLOCK);
    this.Dv = new Float64Array(BLOCK); this.cs = new Float64Array(BLOCK);
    this.gt = new Float64Array(d); this.vt = new Float64Array(d); this.sW = new Float64Array(d);
  }

  load(u: Float64Array): void {
    const { H, d, Wt, bb, wo, to, W, B, WO } = this;
    for (let r = 0; r < H; r++) {
      for (let k = 0; k < d; k++) Wt[k * H + r] = u[to + W + r * d + k];
      bb[r] = u[to + B + r];
      wo[r] = u[to + WO + r];
    }
    this.bout = u[to + this.BO];
  }

  /** Coordinates of points first..first+nb of X into xs, pre-activations and activation. */
  private forward(X: Float64Array, first: number, nb: number): void {
    const { H, d, Wt, bb, A, Hh, S1, S2, xs } = this;
    for (let i = 0; i < nb; i++) for (let k = 0; k < d; k++) xs[k * BLOCK + i] = X[(first + i) * d + k];
    if (d === 2) {
      for (let r = 0; r < H; r++) {
        const br = bb[r], w0 = Wt[r], w1 = Wt[H + r], o = r * nb;
        for (let i = 0; i < nb; i++) A[o + i] = br + w0 * xs[i] + w1 * xs[BLOCK + i];
      }
    } else {
      for (let r = 0; r < H; r++) {
        const o = r * nb;
        for (let i = 0; i < nb; i++) A[o + i] = bb[r];
        for (let k = 0; k < d; k++) {
          const w = Wt[k * H + r], xo = k * BLOCK;
          for (let i = 0; i < nb; i++) A[o + i] += w * xs[xo + i];
        }
      }
    }
    // Unit-major with stride nb: the block is one contiguous run of H nb entries.
    activate(this.act, this.beta, A, Hh, S1, S2, 0, H * nb);
  }

  /** D, g = grad_x D (gs) and Del = w_out * s'(a) for the block. */
  private critic(nb: number): void {
    const { H, d, Wt, wo, Hh, S1, Del, gs, Dv } = this;
    const bout = this.bout;
    for (let i = 0; i < nb; i++) Dv[i] = bout;
    for (let k = 0; k < d * BLOCK; k++) gs[k] = 0;
    if (d === 2) {
      for (let r = 0; r < H; r++) {
        const w = wo[r], w0 = Wt[r], w1 = Wt[H + r], o = r * nb;
        for (let i = 0; i < nb; i++) {
          const dl = w * S1[o + i];
          Del[o + i] = dl;
          Dv[i] += w * Hh[o + i];
          gs[i] += dl * w0;
          gs[BLOCK + i] += dl * w1;
        }
      }
    } else {
      for (let r = 0; r < H; r++) {
        const w = wo[r], o = r * nb;
        for (let i = 0; i < nb; i++) { const dl = w * S1[o + i]; Del[o + i] = dl; Dv[i] += w * Hh[o + i]; }
        for (let k = 0; k < d; k++) {
          const wk = Wt[k * H + r], go = k * BLOCK;
          for (let i = 0; i < nb; i++) gs[go + i] += Del[o + i] * wk;
        }
      }
    }
  }

  /** grad += sum_i cs_i grad_theta D(x_i) [+ grad_theta (v_i . grad_x D(x_i)) when hasV]. */
  private accumulate(nb: number, hasV: boolean, grad: Float64Array, go: number): void {
    const { H, d, Wt, wo, Hh, S1, S2, Del, xs, vs, cs, sW, W, B, WO } = this;
    let sc = 0;
    for (let i = 0; i < nb; i++) sc += cs[i];
    grad[go + this.BO] += sc;
    if (!hasV) {
      // grad_b = w_out s', grad_wout = s, grad_W = w_out s' x^T (w_out factored out of the sums).
      for (let r = 0; r < H; r++) {
        const o = r * nb;
        let sb = 0, sh = 0;
        if (d === 2) {
          let s0 = 0, s1 = 0;
          for (let i = 0; i < nb; i++) {
            const c = cs[i], cS = c * S1[o + i];
            sb += cS; sh += c * Hh[o + i]; s0 += cS * xs[i]; s1 += cS * xs[BLOCK + i];
          }
          sW[0] = s0; sW[1] = s1;
        } else {
          for (let i = 0; i < nb; i++) { const c = cs[i]; sb += c * S1[o + i]; sh += c * Hh[o + i]; }
          for (let k = 0; k < d; k++) {
            const xo = k * BLOCK;
            let s = 0;
            for (let i = 0; i < nb; i++) s += cs[i] * S1[o + i] * xs[xo + i];
            sW[k] = s;
          }
        }
        const w = wo[r];
        grad[go + B + r] += w * sb;
        grad[go + WO + r] += sh;
        for (let k = 0; k < d; k++) grad[go + W + r * d + k] += w * sW[k];
      }
      return;
    }
    // With the regularizer's direction v_i: a_d = W v, e = c del + w_out s'' a_d.
    for (let r = 0; r < H; r++) {
      const o = r * nb, w = wo[r];
      let sb = 0, sh = 0;
      if (d === 2) {
        const w0 = Wt[r], w1 = Wt[H + r];
        let s0 = 0, s1 = 0;
        for (let i = 0; i < nb; i++) {
          const v0 = vs[i], v1 = vs[BLOCK + i];
          const ad = w0 * v0 + w1 * v1;
          const dl = Del[o + i], c = cs[i];
          const e = c * dl + w * S2[o + i] * ad;
          sb += e;
          sh += c * Hh[o + i] + S1[o + i] * ad;
          s0 += e * xs[i] + dl * v0;
          s1 += e * xs[BLOCK + i] + dl * v1;
        }
        sW[0] = s0; sW[1] = s1;
      } else {
        for (let k = 0; k < d; k++) sW[k] = 0;
        for (let i = 0; i < nb; i++) {
          let ad = 0;
          for (let k = 0; k < d; k++) ad += Wt[k * H + r] * vs[k * BLOCK + i];
          const dl = Del[o + i], c = cs[i];
          const e = c * dl + w * S2[o + i] * ad;
          sb += e;
          sh += c * Hh[o + i] + S1[o + i] * ad;
          for (let k = 0; k < d; k++) sW[k] += e * xs[k * BLOCK + i] + dl * vs[k * BLOCK + i];
        }
      }
      grad[go + B + r] += sb;
      grad[go + WO + r] += sh;
      for (let k = 0; k < d; k++) grad[go + W + r * d + k] += sW[k];
    }
  }

  /** v_i = scale * d rho / d g at point i of the block (regularizer on the coordinate-major buffers). */
  private direction(i: number, scale: number): void {
    const { d, gs, vs, gt, vt } = this;
    for (let k = 0; k < d; k++) gt[k] = gs[k * BLOCK + i];
    this.regularizer.direction(gt, 0, d, scale, vt, 0);
    for (let k = 0; k < d; k++) vs[k * BLOCK + i] = vt[k];
  }

  chunk(u: Float64Array, c: number, grad: Float64Array, go: number, G: Float64Array): void {
    const { N, M, d, Dv, gs, cs, Y, wY, loss, wgan, regFake, regReal, invN, lambda } = this;
    for (let first = chunkStart(N, c), end = chunkStart(N, c + 1); first < end; first += BLOCK) {
      const nb = Math.min(BLOCK, end - first);
      this.forward(u, first, nb);
      this.critic(nb);
      for (let i = 0; i < nb; i++) {
        const D = Dv[i];
        const s = wgan ? 1 : loss.particleWeight(D);
        for (let k = 0; k < d; k++) G[(first + i) * d + k] = s * gs[k * BLOCK + i];
        cs[i] = (wgan ? -1 : loss.fakeCoef(D)) * invN;
        if (regFake) this.direction(i, -lambda * invN);
      }
      this.accumulate(nb, regFake, grad, go);
    }
    for (let first = chunkStart(M, c), end = chunkStart(M, c + 1); first < end; first += BLOCK) {
      const nb = Math.min(BLOCK, end - first);
      this.forward(Y, first, nb);
      if (!wgan || regReal) this.critic(nb);
      for (let i = 0; i < nb; i++) {
        const w = wY[first + i];
        cs[i] = (wgan ? 1 : loss.realCoef(Dv[i])) * w;
        if (regReal) this.direction(i, -lambda * w);
      }
      this.accumulate(nb, regReal, grad, go);
    }
  }
}

export const makeOneLayerCore = (m: EganParts): OneLayerCore => new Core(m);

/**
 * du_theta = etaD (sum over chunks in order of their gradients - mu theta),
 * du_X = etaG / N K G: the step shared by the single- and multi-threaded RHS.
 */
export const finishRhs = (m: EganParts, u: Float64Array, parts: Float64Array, G: Float64Array, du: Float64Array): void => {
  const p = m.shape.p, to = m.N * m.d, etaD = m.etaD, mu = m.weightDecay;
  for (let k = 0; k < p; k++) {
    let s = parts[k];
    for (let c = 1; c < CHUNKS; c++) s += parts[c * p + k];
    du[to + k] = etaD * (s - mu * u[to + k]);
  }
  m.kernel.apply(G, m.d, m.etaG / m.N, du);
};

export const makeOneLayerRhs = (m: EganParts): Rhs => {
  const core = makeOneLayerCore(m);
  const p = core.p;
  const parts = new Float64Array(CHUNKS * p);
  const G = new Float64Array(m.N * m.d);
  return (_t, u, du) => {
    core.load(u);
    parts.fill(0);
    for (let c = 0; c < CHUNKS; c++) core.chunk(u, c, parts, c * p, G);
    finishRhs(m, u, parts, G, du);
  };
};
