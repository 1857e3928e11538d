/**
 * A generator network G(z; w): R^{d_z} -> R^d (docs/model.md §10), an MLP with hidden widths [n_1 .. n_L], an
 * activation s from the critic's list, and a linear output layer:
 *   a_1 = c_1 W_1 z + s_b b_1,  h_l = s(a_l),  a_{l+1} = c_{l+1} W_{l+1} h_l + s_b b_{l+1},  x = a_{L+1}.
 * Parametrization "ntk" (Jacot, Gabriel, Hongler 2018): W, b ~ N(0, 1) and c_l = s_w / sqrt(n_{l-1});
 * "standard": W ~ N(0, s_w^2 / n_{l-1}), b ~ N(0, 1) and c_l = 1. s_w = weightScale (default 1),
 * s_b = biasScale (default 0: no biases in the forward pass); the output layer is multiplied by alpha =
 * outputScale (default 1; the kernel then scales by alpha^2). Parameters w: for each layer in order W
 * (row-major, out x in) then b. Latent codes z_i ~ N(0, I) (or uniform on the sphere of radius sqrt(d_z)),
 * drawn once from the seed: the same codes as the `ntk` kernel kind, so the two can be compared.
 *
 * Derivatives, analytic: `pullback` is reverse mode (the gradient sum_i J_i^T v_i of sum_i v_i . G(z_i) with
 * respect to w: training); `ntkBlocks` is the empirical NTK K_ij = J_i J_j^T (d x d blocks) assembled per layer
 * from the backpropagated vectors and the activations, Theta^{cc'}(z, z') = sum_l (delta_l^c . delta_l^c')
 * (c_l^2 h_{l-1} . h'_{l-1} + s_b^2), without forming the Jacobian (N d x P).
 *
 * @example
 * const g = generatorShape({ latentDim: 8, hidden: [64], activation: 'relu', parametrization: 'ntk', weightScale: 1, biasScale: 0, latent: 'gaussian' }, 2);
 * const w = initGenerator(g, 0), Z = latentCodes(g, 16, 0);
 * const X = new Float64Array(16 * 2); generate(g, w, Z, 16, X);
 */
import type { Activation } from './config.ts';
import { activationLoop, type ActivationRun } from './activations.ts';
import { makeRng } from './random.ts';

export interface GeneratorConfig {
  readonly latentDim: number;
  readonly hidden: readonly number[];
  readonly activation: Activation;
  readonly beta?: number;
  readonly parametrization: 'ntk' | 'standard';
  readonly weightScale: number;
  readonly biasScale: number;
  readonly latent: 'gaussian' | 'sphere';
  /** alpha: the output is alpha times the last layer's (default 1); the NTK scales by alpha^2. */
  readonly outputScale?: number;
}

export interface GeneratorShape extends GeneratorConfig {
  /** Output dimension d. */
  readonly d: number;
  /** Widths n_0 = latentDim, n_1 .. n_L, n_{L+1} = d. */
  readonly widths: readonly number[];
  /** Offsets of each layer's W and b in w, and the parameter count P. */
  readonly wOff: readonly number[];
  readonly bOff: readonly number[];
  readonly P: number;
  /** c_l: the forward multiplier of W_l (s_w / sqrt(n_{l-1}) for ntk, 1 for standard; times alpha for the output layer). */
  readonly scale: readonly number[];
  /** The forward multiplier of each layer's biases (s_b for ntk, 1 for standard; times alpha for the output layer). */
  readonly biasFactor: readonly number[];
}

export const generatorShape = (c: GeneratorConfig, d: number): GeneratorShape => {
  const widths = [c.latentDim, ...c.hidden, d];
  const wOff: number[] = [], bOff: number[] = [], scale: number[] = [], biasFactor: number[] = [];
  const alpha = c.outputScale ?? 1;
  let off = 0;
  for (let l = 1; l < widths.length; l++) {
    const out = l === widths.length - 1 ? alpha : 1;
    wOff.push(off); off += widths[l] * widths[l - 1];
    bOff.push(off); off += widths[l];
    scale.push(out * (c.parametrization === 'ntk' ? c.weightScale / Math.sqrt(widths[l - 1]) : 1));
    biasFactor.push(out * (c.parametrization === 'ntk' ? c.biasScale : 1));
  }
  return { ...c, d, widths, wOff, bOff, P: off, scale, biasFactor };
};

/** Initial parameters (seeded): ntk W, b ~ N(0, 1); standard W ~ N(0, s_w^2 / fan_in), b ~ N(0, s_b^2). */
export const initGenerator = (g: GeneratorShape, seed: number): Float64Array => {
  const rng = makeRng(seed, 'generator');
  const w = new Float64Array(g.P);
  for (let l = 1; l < g.widths.length; l++) {
    const nIn = g.widths[l - 1], nOut = g.widths[l];
    const sw = g.parametrization === 'ntk' ? 1 : g.weightScale / Math.sqrt(nIn);
    const sb = g.parametrization === 'ntk' ? 1 : g.biasScale;
    for (let k = 0; k < nOut * nIn; k++) w[g.wOff[l - 1] + k] = sw * rng.normal();
    for (let k = 0; k < nOut; k++) w[g.bOff[l - 1] + k] = sb === 0 ? 0 : sb * rng.normal();
  }
  return w;
};

/** N latent codes (N x latentDim), from the seed's "ntk" stream: the codes of the ntk kernel kind (kernels.ts). */
export const latentCodes = (g: Pick<GeneratorConfig, 'latentDim' | 'latent'>, N: number, seed: number): Float64Array => {
  const rng = makeRng(seed, 'ntk');
  const dz = g.latentDim;
  const Z = new Float64Array(N * dz);
  for (let i = 0; i < Z.length; i++) Z[i] = rng.normal();
  if (g.latent === 'sphere') {
    for (let i = 0; i < N; i++) {
      let s = 0;
      for (let k = 0; k < dz; k++) s += Z[i * dz + k] ** 2;
      const f = Math.sqrt(dz / s);
      for (let k = 0; k < dz; k++) Z[i * dz + k] *= f;
    }
  }
  return Z;
};

/** Work buffers for one point: pre-activations, activations and derivatives per layer, and backprop vectors. */
export interface GeneratorWork {
  readonly a: Float64Array[];
  readonly h: Float64Array[];
  readonly s1: Float64Array[];
  readonly s2: Float64Array[];
  readonly delta: Float64Array[];
  /** Each hidden layer's activation loop, bound to its buffers (made once: nothing is allocated per point). */
  readonly act: ActivationRun[];
}

export const generatorWork = (g: GeneratorShape): GeneratorWork => {
  const L = g.widths.length - 1;
  const mk = (l: number) => new Float64Array(g.widths[l]);
  const a = Array.from({ length: L + 1 }, (_, l) => mk(l)), h = Array.from({ length: L + 1 }, (_, l) => mk(l));
  const s1 = Array.from({ length: L + 1 }, (_, l) => mk(l)), s2 = Array.from({ length: L + 1 }, (_, l) => mk(l));
  return {
    a, h, s1, s2,
    delta: Array.from({ length: L + 1 }, (_, l) => mk(l)),
    act: a.map((_, l) => activationLoop(g.activation, g.beta ?? 1, a[l], h[l], s1[l], s2[l])),
  };
};

/** Forward pass at z = Z[zo .. zo + latentDim): fills the work buffers; h[L+1] (= a[L+1]) is G(z). */
export const forwardPoint = (g: GeneratorShape, w: Float64Array, Z: Float64Array, zo: number, k: GeneratorWork): void => {
  const L = g.widths.length - 1;
  const h0 = k.h[0];
  for (let q = 0; q < g.widths[0]; q++) h0[q] = Z[zo + q];
  for (let l = 1; l <= L; l++) {
    const nIn = g.widths[l - 1], nOut = g.widths[l], W = g.wOff[l - 1], B = g.bOff[l - 1], c = g.scale[l - 1];
    const hp = k.h[l - 1], a = k.a[l];
    for (let r = 0; r < nOut; r++) {
      let s = 0;
      const row = W + r * nIn;
      for (let q = 0; q < nIn; q++) s += w[row + q] * hp[q];
      a[r] = c * s + g.biasFactor[l - 1] * w[B + r];
    }
    if (l < L) k.act[l](0, nOut);
    else k.h[l].set(a);
  }
};

/** The particles X = G(Z; w) (N x d). */
export const generate = (g: GeneratorShape, w: Float64Array, Z: Float64Array, N: number, X: Float64Array, k: GeneratorWork = generatorWork(g)): void => {
  const L = g.widths.length - 1, dz = g.widths[0], d = g.d;
  for (let i = 0; i < N; i++) {
    forwardPoint(g, w, Z, i * dz, k);
    for (let c = 0; c < d; c++) X[i * d + c] = k.h[L][c];
  }
};

/**
 * Backward pass after forwardPoint: given v = dL/dx (V[vo .. vo + d)), adds dL/dw into grad (scaled by
 * `factor`), and leaves the backprop vectors delta_l = dL/da_l in the work buffers.
 */
export const backwardPoint = (g: GeneratorShape, w: Float64Array, V: Float64Array, vo: number, factor: number, grad: Float64Array | null, k: GeneratorWork): void => {
  const L = g.widths.length - 1;
  const top = k.delta[L];
  for (let c = 0; c < g.d; c++) top[c] = V[vo + c];
  for (let l = L; l >= 1; l--) {
    const nIn = g.widths[l - 1], nOut = g.widths[l], W = g.wOff[l - 1], B = g.bOff[l - 1], c = g.scale[l - 1];
    const dl = k.delta[l], hp = k.h[l - 1];
    if (grad) {
      for (let r = 0; r < nOut; r++) {
        const e = factor * dl[r];
        if (e === 0) continue;
        const row = W + r * nIn, ce = c * e;
        for (let q = 0; q < nIn; q++) grad[row + q] += ce * hp[q];
        grad[B + r] += g.biasFactor[l - 1] * e;
      }
    }
    if (l > 1) {
      const dp = k.delta[l - 1], s1 = k.s1[l - 1];
      for (let q = 0; q < nIn; q++) dp[q] = 0;
      for (let r = 0; r < nOut; r++) {
        const e = dl[r];
        if (e === 0) continue;
        const row = W + r * nIn;
        for (let q = 0; q < nIn; q++) dp[q] += w[row + q] * e;
      }
      for (let q = 0; q < nIn; q++) dp[q] *= c * s1[q];
    }
  }
};

/** grad += factor * sum_i J_i^T V_i: the parameter gradient of sum_i V_i . G(z_i; w) (V: N x d). */
export const pullback = (g: GeneratorShape, w: Float64Array, Z: Float64Array, N: number, V: Float64Array, factor: number, grad: Float64Array, k: GeneratorWork = generatorWork(g)): void => {
  const dz = g.widths[0], d = g.d;
  for (let i = 0; i < N; i++) {
    forwardPoint(g, w, Z, i * dz, k);
    backwardPoint(g, w, V, i * d, factor, grad, k);
  }
};

/**
 * The empirical NTK: K[(i d + c) (N d) + (j d + c')] = sum_p dG_c(z_i)/dw_p dG_c'(z_j)/dw_p (N d x N d),
 * assembled per layer from each point's activations and backprop vectors of the d outputs.
 */
export const ntkBlocks = (g: GeneratorShape, w: Float64Array, Z: Float64Array, N: number): Float64Array => {
  const L = g.widths.length - 1, dz = g.widths[0], d = g.d;
  const k = generatorWork(g);
  // Per point: activations h_{l-1} (l = 1..L+1) and backprop vectors delta_l for each output c.
  const H = Array.from({ length: N }, () => Array.from({ length: L }, (_, l) => new Float64Array(g.widths[l])));
  const D = Array.from({ length: N }, () => Array.from({ length: d }, () => Array.from({ length: L }, (_, l) => new Float64Array(g.widths[l + 1]))));
  const unit = new Float64Array(d);
  for (let i = 0; i < N; i++) {
    forwardPoint(g, w, Z, i * dz, k);
    for (let l = 0; l < L; l++) H[i][l].set(k.h[l]);
    for (let c = 0; c < d; c++) {
      unit.fill(0);
      unit[c] = 1;
      backwardPoint(g, w, unit, 0, 1, null, k);
      for (let l = 0; l < L; l++) D[i][c][l].set(k.delta[l + 1]);
    }
  }
  const nd = N * d;
  const K = new Float64Array(nd * nd);
  for (let i = 0; i < N; i++) for (let j = 0; j <= i; j++) {
    // hh[l] = c_l^2 h_{l-1}(z_i) . h_{l-1}(z_j) + s_b^2
    const hh = new Float64Array(L);
    for (let l = 0; l < L; l++) {
      const a = H[i][l], b = H[j][l];
      let s = 0;
      for (let q = 0; q < a.length; q++) s += a[q] * b[q];
      hh[l] = g.scale[l] * g.scale[l] * s + g.biasFactor[l] * g.biasFactor[l];
    }
    for (let c = 0; c < d; c++) for (let c2 = 0; c2 < d; c2++) {
      let t = 0;
      for (let l = 0; l < L; l++) {
        const a = D[i][c][l], b = D[j][c2][l];
        let s = 0;
        for (let q = 0; q < a.length; q++) s += a[q] * b[q];
        t += s * hh[l];
      }
      K[(i * d + c) * nd + j * d + c2] = t;
      K[(j * d + c2) * nd + i * d + c] = t;
    }
  }
  return K;
};

/** The trace-normalized scalar kernel K_ij = tr(K_ij block) / d (N x N): the effective model's kernel. */
export const scalarNtk = (blocks: Float64Array, N: number, d: number): Float64Array => {
  const K = new Float64Array(N * N), nd = N * d;
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) {
    let s = 0;
    for (let c = 0; c < d; c++) s += blocks[(i * d + c) * nd + j * d + c];
    K[i * N + j] = s / d;
  }
  return K;
};
