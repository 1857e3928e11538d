/**
 * The one-hidden-layer critic's chunked right-hand side as a self-contained
 * factory: it refers to nothing but its parameters, so that `specialise`
 * (specialise.ts) can compile a fresh copy of it for every model. V8 then
 * treats each model's buffers and sizes as constants of its own compiled code
 * (array bases and lengths embedded, bounds checks folded), which a shared
 * class or shared closures cannot get once two models exist in one process.
 * The layout and arithmetic are described in rhsOneLayer.ts.
 */
import type { EganParts } from './parts.ts';
import type { activationKernels } from './activations.ts';

export interface KernelDeps {
  /** A fresh copy of `activationKernels` (specialise.ts): its point formula, s'' and loop are constants of the kernel. */
  readonly activation: typeof activationKernels;
  /** Number of chunks the particles and the target samples are split into. */
  readonly chunks: number;
  readonly BLOCK: number;
  /** Use the one-pass relu paths (fakesRelu, realsRelu) where they apply (default true; false for tests). */
  readonly fused?: boolean;
}

export interface OneLayerKernel {
  load(u: Float64Array): void;
  chunk(u: Float64Array, c: number, grad: Float64Array, go: number, G: Float64Array): void;
}

export const oneLayerKernel = (m: EganParts, deps: KernelDeps): OneLayerKernel => {
  const { activation, chunks, BLOCK } = deps;
  const { N, d, shape, loss, regularizer, lambda, targetPoints: Y, targetWeights: wY } = m;
  const H = shape.hidden[0];
  const M = wY.length;
  const to = N * d;
  const W = shape.wOff[0], B = shape.bOff[0], WO = shape.outOff, BO = shape.boutOff;
  const act = shape.activation, beta = shape.beta;
  // s'' = 0 (relu, leaky_relu): the double-backprop term through s'' vanishes.
  const piecewiseLinear = act === 'relu' || act === 'leaky_relu';
  const useReg = lambda > 0;
  const regFake = useReg && regularizer.onFake;
  const regReal = useReg && !regularizer.onFake;
  const wgan = loss.kind === 'wgan';
  const fuseRelu = deps.fused !== false && act === 'relu' && d === 2;
  const fuseReals = fuseRelu && wgan && !regReal;
  const invN = 1 / N;
  // Parameters (W transposed: Wt[k H + r] = W[r][k]); st[0] = b_out (a typed slot: no boxing per call).
  const Wt = new Float64Array(d * H), bb = new Float64Array(H), wo = new Float64Array(H), st = new Float64Array(1);
  // Block buffers, unit-major with stride nb (the block's size): A[r nb + i]. The pre-activations A are stored only
  // for d != 2 (d = 2 applies the activation inside the pre-activation pass).
  const A = new Float64Array(d === 2 ? 0 : H * BLOCK), Hh = new Float64Array(H * BLOCK), S1 = new Float64Array(H * BLOCK), Del = new Float64Array(H * BLOCK);
  // Per point of the block, coordinate-major: xs[k BLOCK + i].
  const xs = new Float64Array(d * BLOCK), vs = new Float64Array(d * BLOCK), gs = new Float64Array(d * BLOCK);
  const Dv = new Float64Array(BLOCK), cs = new Float64Array(BLOCK);
  // The activation's point formula (inlined by V8 into the pre-activation pass), its loop over the block
  // buffers (d != 2), and s'' from s and s' (not stored: accumulate recomputes it).
  const acts = activation(act, beta);
  const point = acts.point, second = acts.second, activateBlock = acts.loop(A, Hh, S1, null);
  const gt = new Float64Array(d), vt = new Float64Array(d), sW = new Float64Array(d);
  // Hot functions read everything through locals destructured from this object (registers, or
  // constants of the specialised code).
  const bufs = { N, M, H, d, to, W, B, WO, Wt, bb, wo, A, Hh, S1, Del, xs, vs, gs, Dv, cs, gt, vt, sW, Y, wY, loss, wgan, regFake, regReal, invN, lambda };

  const load = (u: Float64Array): void => {
    const { H, d, Wt, bb, wo, to, W, B, WO } = bufs;
    for (let r = 0; r < H; r++) {
      for (let k = 0; k < d; k++) Wt[k * H + r] = u[to + W + r * d + k];
      bb[r] = u[to + B + r];
      wo[r] = u[to + WO + r];
    }
    st[0] = u[to + BO];
  };

  /** Coordinates of points first..first+nb of X into xs, pre-activations and activation. */
  const forward = (X: Float64Array, first: number, nb: number): void => {
    const { H, d, Wt, bb, A, Hh, S1, xs } = bufs;
    for (let i = 0; i < nb; i++) for (let k = 0; k < d; k++) xs[k * BLOCK + i] = X[(first + i) * d + k];
    if (d === 2) {
      // The activation fused into the pre-activation pass through its point formula: 1.2-1.4x on a tanh RHS
      // (N = 64 to 16,384) against a pass storing the pre-activations and a loop over them; for relu as fast
      // as the formula written out (430 vs 432-441 us, N = 64, 512 samples, nsgan, grad2-real).
      for (let r = 0; r < H; r++) {
        const br = bb[r], w0 = Wt[r], w1 = Wt[H + r], o = r * nb;
        for (let i = 0; i < nb; i++) point(br + w0 * xs[i] + w1 * xs[BLOCK + i], Hh, o + i, S1);
      }
      return;
    }
    for (let r = 0; r < H; r++) {
      const o = r * nb;
      for (let i = 0; i < nb; i++) A[o + i] = bb[r];
      for (let k = 0; k < d; k++) {
        const w = Wt[k * H + r], xo = k * BLOCK;
        for (let i = 0; i < nb; i++) A[o + i] += w * xs[xo + i];
      }
    }
    // Unit-major with stride nb: the block is one contiguous run of H nb entries.
    activateBlock(0, H * nb);
  };

  /** D, g = grad_x D (gs) and Del = w_out * s'(a) for the block. */
  const critic = (nb: number): void => {
    const { H, d, Wt, wo, Hh, S1, Del, gs, Dv } = bufs;
    const bout = st[0];
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
  };

  /** grad += sum_i cs_i grad_theta D(x_i) [+ grad_theta (v_i . grad_x D(x_i)) when hasV]. */
  const accumulate = (nb: number, hasV: boolean, grad: Float64Array, go: number): void => {
    const { H, d, Wt, wo, Hh, S1, Del, xs, vs, cs, sW, W, B, WO } = bufs;
    let sc = 0;
    for (let i = 0; i < nb; i++) sc += cs[i];
    grad[go + BO] += sc;
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
          const dl = Del[o + i], c = cs[i], hv = Hh[o + i], s1v = S1[o + i];
          const e = piecewiseLinear ? c * dl : c * dl + w * second(hv, s1v) * ad;
          sb += e;
          sh += c * hv + s1v * ad;
          s0 += e * xs[i] + dl * v0;
          s1 += e * xs[BLOCK + i] + dl * v1;
        }
        sW[0] = s0; sW[1] = s1;
      } else {
        for (let k = 0; k < d; k++) sW[k] = 0;
        for (let i = 0; i < nb; i++) {
          let ad = 0;
          for (let k = 0; k < d; k++) ad += Wt[k * H + r] * vs[k * BLOCK + i];
          const dl = Del[o + i], c = cs[i], hv = Hh[o + i], s1v = S1[o + i];
          const e = piecewiseLinear ? c * dl : c * dl + w * second(hv, s1v) * ad;
          sb += e;
          sh += c * hv + s1v * ad;
          for (let k = 0; k < d; k++) sW[k] += e * xs[k * BLOCK + i] + dl * vs[k * BLOCK + i];
        }
      }
      grad[go + B + r] += sb;
      grad[go + WO + r] += sh;
      for (let k = 0; k < d; k++) grad[go + W + r * d + k] += sW[k];
    }
  };

  /**
   * forward + critic in one pass per hidden unit for relu, d = 2 (the same operations in the same order).
   * Here and in realsRelu relu's point formula is written out: through point and a buffer these loops
   * measured slower (0.96x and 0.82x).
   */
  const fakesRelu = (X: Float64Array, first: number, nb: number): void => {
    const { H, Wt, bb, wo, Hh, S1, Del, xs, gs, Dv } = bufs;
    for (let i = 0; i < nb; i++) { xs[i] = X[(first + i) * 2]; xs[BLOCK + i] = X[(first + i) * 2 + 1]; }
    const bout = st[0];
    for (let i = 0; i < nb; i++) { Dv[i] = bout; gs[i] = 0; gs[BLOCK + i] = 0; }
    for (let r = 0; r < H; r++) {
      const br = bb[r], w0 = Wt[r], w1 = Wt[H + r], w = wo[r], o = r * nb;
      for (let i = 0; i < nb; i++) {
        const x = br + w0 * xs[i] + w1 * xs[BLOCK + i];
        const p = x > 0 ? 1 : 0, hv = p * x + 0, dl = w * p;
        Hh[o + i] = hv; S1[o + i] = p; Del[o + i] = dl;
        Dv[i] += w * hv;
        gs[i] += dl * w0;
        gs[BLOCK + i] += dl * w1;
      }
    }
  };

  /**
   * Target samples in one pass per hidden unit, for relu with d = 2, wgan (coefficients w_k, not functions
   * of D) and no regularizer on them: pre-activation, relu and the parameter gradient in registers, no
   * block buffers. The same operations in the same order as forward + accumulate, so the same bits
   * (test/model/fastpath.test.ts); 1.6-1.7x on the whole relu RHS at N = 64, 512 samples, MLP [64], where
   * the samples are 8 of every 9 points. With a smooth activation's formula inline the loop runs out of
   * registers and was measured slower than the separate passes (930 vs 800 us, tanh), so only relu.
   */
  const realsRelu = (first: number, nb: number, grad: Float64Array, go: number): void => {
    const { H, Wt, bb, wo, xs, cs, Y, wY, W, B, WO } = bufs;
    for (let i = 0; i < nb; i++) { xs[i] = Y[(first + i) * 2]; xs[BLOCK + i] = Y[(first + i) * 2 + 1]; cs[i] = wY[first + i]; }
    let sc = 0;
    for (let i = 0; i < nb; i++) sc += cs[i];
    grad[go + BO] += sc;
    for (let r = 0; r < H; r++) {
      const br = bb[r], w0 = Wt[r], w1 = Wt[H + r];
      let sb = 0, sh = 0, s0 = 0, s1 = 0;
      for (let i = 0; i < nb; i++) {
        const x0 = xs[i], x1 = xs[BLOCK + i], c = cs[i];
        const x = br + w0 * x0 + w1 * x1;
        const p = x > 0 ? 1 : 0, cS = c * p;
        sb += cS; sh += c * (p * x + 0); s0 += cS * x0; s1 += cS * x1;
      }
      const w = wo[r];
      grad[go + B + r] += w * sb;
      grad[go + WO + r] += sh;
      grad[go + W + r * 2] += w * s0;
      grad[go + W + r * 2 + 1] += w * s1;
    }
  };

  /** v_i = scale * d rho / d g at point i of the block (regularizer on the coordinate-major buffers). */
  const direction = (i: number, scale: number): void => {
    const { d, gs, vs, gt, vt } = bufs;
    for (let k = 0; k < d; k++) gt[k] = gs[k * BLOCK + i];
    regularizer.direction(gt, 0, d, scale, vt, 0);
    for (let k = 0; k < d; k++) vs[k * BLOCK + i] = vt[k];
  };

  // Chunk c's items: floor(n c / chunks) .. floor(n (c + 1) / chunks), written out here because the
  // kernel may use nothing but its parameters (specialise.ts).
  const chunk = (u: Float64Array, c: number, grad: Float64Array, go: number, G: Float64Array): void => {
    const { N, M, d, Dv, gs, cs, Y, wY, loss, wgan, regFake, regReal, invN, lambda } = bufs;
    for (let first = Math.floor((N * c) / chunks), end = Math.floor((N * (c + 1)) / chunks); first < end; first += BLOCK) {
      const nb = Math.min(BLOCK, end - first);
      if (fuseRelu) fakesRelu(u, first, nb);
      else { forward(u, first, nb); critic(nb); }
      for (let i = 0; i < nb; i++) {
        const D = Dv[i];
        const s = wgan ? 1 : loss.particleWeight(D);
        for (let k = 0; k < d; k++) G[(first + i) * d + k] = s * gs[k * BLOCK + i];
        cs[i] = (wgan ? -1 : loss.fakeCoef(D)) * invN;
        if (regFake) direction(i, -lambda * invN);
      }
      accumulate(nb, regFake, grad, go);
    }
    for (let first = Math.floor((M * c) / chunks), end = Math.floor((M * (c + 1)) / chunks); first < end; first += BLOCK) {
      const nb = Math.min(BLOCK, end - first);
      if (fuseReals) { realsRelu(first, nb, grad, go); continue; }
      forward(Y, first, nb);
      if (!wgan || regReal) critic(nb);
      for (let i = 0; i < nb; i++) {
        const w = wY[first + i];
        cs[i] = (wgan ? 1 : loss.realCoef(Dv[i])) * w;
        if (regReal) direction(i, -lambda * w);
      }
      accumulate(nb, regReal, grad, go);
    }
  };

  return { load, chunk };
};
