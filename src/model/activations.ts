/**
 * Activations s with their first and second derivatives, evaluated over a
 * run of a layer at once (the choice of activation is made once, outside the
 * loop). relu'(0) := 0 (docs/model.md §1); leaky_relu has slope 0.2;
 * softplus(a) = log(1 + exp(beta a)) / beta.
 * tanh is computed inline from one range-reduced exponential (no Math call,
 * no branch; ~15% faster RHS than with Math.expm1, A/B measured; reduction by
 * ln2 / 32 with a 32-entry table and a degree-7 series instead of ln2 and
 * degree 13: another 3-8%): within 4 ulp of Math.tanh (mean 0.47 ulp) and its
 * derivative 1 - tanh^2 accurate to a few ulp relative even in the tails
 * (where 1 - t*t would round to 0); |a| is clamped at 350, where tanh is +-1
 * and tanh' < 1e-300 (test/model/activations.test.ts). sigmoid and softplus
 * use the same reduction for e^{-|x|} (no branch, no Math.exp; 11-18% faster
 * loops than Math.exp with a sign branch on a critic's pre-activations), to
 * 1e-15 relative of their closed forms and without overflow in either tail.
 *
 * `activationKernels` is self-contained (it refers to nothing but its
 * parameters and builds its own tables), so that `specialise` (specialise.ts)
 * can compile a fresh copy for each model with the model's buffers as
 * constants of the code: measured 1.3x on a whole relu RHS (N = 64, 512
 * samples, MLP [64]) against one shared loop taking the buffers as arguments.
 */
import type { Activation } from './config.ts';
import { specialise } from '../ode/specialise.ts';

/** The activation over a[off .. off + len), written to h, d1 = s', d2 = s'' (unless d2 is null). */
export type ActivationRun = (off: number, len: number) => void;

/** s and s' at one pre-activation x, written to h[i] and d1[i]. */
export type ActivationPoint = (x: number, h: Float64Array, i: number, d1: Float64Array) => void;

export interface ActivationKernels {
  /** One point (for loops that fuse the activation with other work, oneLayerKernel.ts). */
  readonly point: ActivationPoint;
  /** s'' from s and s' (a caller that does not store s'' recomputes it where needed). */
  readonly second: (h: number, d1: number) => number;
  /** s''' from s, s' and s'' (the forward-mode tangent of s'', model/tangent.ts). */
  readonly third: (h: number, d1: number, d2: number) => number;
  /**
   * The loop bound to the buffers a, h, d1, d2 (allocate it once, call it per run; it allocates nothing).
   * With d2 = null, s'' is not stored (one store less per point, ~4% of a tanh RHS).
   */
  loop(a: Float64Array, h: Float64Array, d1: Float64Array, d2: Float64Array | null): ActivationRun;
  /** The range-reduced exponential's constants and tables, built afresh (for the native kernel, native.ts, which must use the same doubles). */
  tables(): ExpTables;
}

/** e^y = 2^m 2^{j/32} e^r: the constants and tables of the reduction (see expTables inside activationKernels). */
export interface ExpTables {
  readonly K32: number;
  readonly L32_HI: number;
  readonly L32_LO: number;
  readonly BIAS: number;
  readonly E2: number; readonly E3: number; readonly E4: number; readonly E5: number; readonly E6: number; readonly E7: number;
  /** POW2[m + 1080] = 2^m, 2104 entries. */
  readonly POW2: Float64Array;
  /** TM1[j + 16] = 2^{j/32} - 1, 32 entries. */
  readonly TM1: Float64Array;
}

/**
 * The activation of `kind`: its point formula, s'' from s and s', and the loop over a run. Every formula is
 * written once, in `point`; the loop and the kernel's pre-activation pass call it (V8 inlines it: the loop
 * measured within 4% of the formula written into it), except relu's one line, which the kernel writes out in
 * its relu passes (through the call and a buffer one of them measured 0.82x). Self-contained (it refers to nothing but its parameters and
 * builds its own tables), so that `specialise` (specialise.ts) can compile a fresh copy for each model.
 */
export const activationKernels = (kind: Activation, beta: number): ActivationKernels => {
  const point = pointOf();
  const second: (h: number, d1: number) => number =
    kind === 'tanh' ? (h, d1) => -2 * h * d1
      : kind === 'sigmoid' ? (h, d1) => d1 * (1 - 2 * h)
        : kind === 'sin' ? (h) => -h
          : kind === 'softplus' ? (_h, d1) => beta * d1 * (1 - d1)
            : () => 0;
  const third: (h: number, d1: number, d2: number) => number =
    kind === 'tanh' ? (h, d1, d2) => -2 * (d1 * d1 + h * d2)
      : kind === 'sigmoid' ? (h, d1, d2) => d2 * (1 - 2 * h) - 2 * d1 * d1
        : kind === 'sin' ? (_h, d1) => -d1
          : kind === 'softplus' ? (_h, d1, d2) => beta * d2 * (1 - 2 * d1)
            : () => 0;
  return {
    point,
    second,
    third,
    loop: (a, h, d1, d2) => (off, len) => {
      for (let i = off, end = off + len; i < end; i++) {
        point(a[i], h, i, d1);
        if (d2 !== null) d2[i] = second(h[i], d1[i]);
      }
    },
    tables: expTables,
  };

  function pointOf(): ActivationPoint {
    switch (kind) {
      case 'relu':
        // One select and a product instead of two selects (fewer mispredicted branches on
        // mixed-sign input); "+ 0" makes relu of a negative +0, not -0.
        return (x, h, i, d1) => { const p = x > 0 ? 1 : 0; h[i] = p * x + 0; d1[i] = p; };
      case 'leaky_relu':
        return (x, h, i, d1) => { const p = x > 0; h[i] = p ? x : 0.2 * x; d1[i] = p ? 1 : 0.2; };
      case 'tanh': {
        const { K32, L32_HI, L32_LO, BIAS, POW2, TM1, E2, E3, E4, E5, E6, E7 } = expTables();
        const CLAMP = 700;
        return (x, h, i, d1) => {
          // tanh x = u / (2 + u) with u = expm1(2x), 1 - tanh^2 = 4 e^{2x} / (2 + u)^2. With P = 2^m and
          // T = 2^{j/32} - 1 from the tables: e^{2x} - 1 = P T + (P - 1) + P (1 + T) expm1(r), every term
          // without cancellation (P = 1, P - 1 = 0 for |2x| < ln2 / 2; beyond, |e^{2x} - 1| > 0.29). No branch,
          // no library call.
          const y = Math.max(-CLAMP, Math.min(CLAMP, 2 * x));
          const kb = ((y * K32 + (BIAS + 0.5)) | 0) + 16;
          const k = kb - (BIAS + 16);
          const r = y - k * L32_HI - k * L32_LO;
          const r2 = r * r;
          const er = r + r2 * ((E2 + r * E3) + r2 * ((E4 + r * E5) + r2 * (E6 + r * E7)));
          const P = POW2[kb >> 5], PT = P * TM1[kb & 31];
          const s = P + PT;
          const u = s * er + (PT + (P - 1));
          const inv = 1 / (2 + u);
          h[i] = u * inv;
          d1[i] = 4 * ((s + s * er) * inv) * inv;
        };
      }
      case 'sigmoid': {
        const negExp = expNonPositive();
        // With e = e^{-|x|} in (0, 1]: s = 1 / (1 + e) for x >= 0 and e / (1 + e) below, s' = e / (1 + e)^2;
        // no overflow, full relative accuracy in both tails, one select instead of a branch.
        return (x, h, i, d1) => {
          const e = negExp(x), inv = 1 / (1 + e), p = x >= 0 ? 1 : 0;
          h[i] = (p + (1 - p) * e) * inv;
          d1[i] = e * inv * inv;
        };
      }
      case 'softplus': {
        const negExp = expNonPositive();
        // softplus = max(z, 0) + log1p(e^{-|z|}) over beta (z = beta x), its derivative the sigmoid above.
        return (x, h, i, d1) => {
          const z = beta * x, e = negExp(z), inv = 1 / (1 + e), p = z >= 0 ? 1 : 0;
          h[i] = (p * z + Math.log1p(e)) / beta;
          d1[i] = (p + (1 - p) * e) * inv;
        };
      }
      case 'sin':
        // Math.sin and Math.cos: on a critic's pre-activations (|a| ~ 0.5, mostly below pi/4, where V8 skips the
        // reduction) a fused sincos with its own reduction by pi/2 and fdlibm's kernels (within 2 ulp) measured
        // slower, 16.1 against 14.3 ns per point, though 2.7x faster for |a| up to 8; not kept.
        return (x, h, i, d1) => { h[i] = Math.sin(x); d1[i] = Math.cos(x); };
    }
  }

  /**
   * Tables and constants of the range-reduced exponential (here, not at module level, so that the function
   * stays self-contained): e^y = 2^m 2^{j/32} e^r with y = k ln2 / 32 + r, |r| <= ln2 / 64, k = 32 m + j,
   * -16 <= j < 16; POW2[m + 1080] = 2^m (m >= -1080: e^y down to y = -745, where it underflows),
   * TM1[j + 16] = 2^{j/32} - 1 (to full relative accuracy), E_n = 1 / n! for the series of expm1(r) to r^7
   * (truncation < 1e-17 relative).
   */
  function expTables(): ExpTables {
    const LN2_HI = 6.93147180369123816490e-1, LN2_LO = 1.90821492927058770002e-10, INV_LN2 = 1.44269504088896338700;
    const POW2 = new Float64Array(2104);
    for (let i = 0; i < 2104; i++) POW2[i] = 2 ** (i - 1080);
    const TM1 = new Float64Array(32);
    for (let j = -16; j < 16; j++) TM1[j + 16] = Math.expm1((j * Math.LN2) / 32);
    const F = new Float64Array(8);
    for (let n = 0, f = 1; n < 8; n++) { if (n > 0) f *= n; F[n] = 1 / f; }
    return { K32: 32 * INV_LN2, L32_HI: LN2_HI / 32, L32_LO: LN2_LO / 32, BIAS: 32 * 1080, POW2, TM1, E2: F[2], E3: F[3], E4: F[4], E5: F[5], E6: F[6], E7: F[7] };
  }

  /** e^{-|x|} to ~1 ulp, branch-free; subnormal (to 5e-324 absolute) from |x| = 708 and 0 beyond |x| = 745.2. */
  function expNonPositive(): (x: number) => number {
    const { K32, L32_HI, L32_LO, BIAS, POW2, TM1, E2, E3, E4, E5, E6, E7 } = expTables();
    return (x) => {
      const y = Math.max(-746, -Math.abs(x));
      const kb = ((y * K32 + (BIAS + 0.5)) | 0) + 16;
      const k = kb - (BIAS + 16);
      const r = y - k * L32_HI - k * L32_LO;
      const r2 = r * r;
      const er = r + r2 * ((E2 + r * E3) + r2 * ((E4 + r * E5) + r2 * (E6 + r * E7)));
      const P = POW2[kb >> 5], s = P + P * TM1[kb & 31];
      return s + s * er;
    };
  }
};

/** Compiled copies of activationKernels, one per activation and beta (see activationLoop). */
const compiled = new Map<string, ActivationKernels>();

/**
 * The activation loop of `kind` bound to a, h, d1, d2, from a compiled copy of activationKernels
 * (specialise.ts) kept per activation and beta: with one shared copy the loop's call of `point` sees every
 * activation in use in the process and V8 stops inlining it (measured 2.4x slower for sigmoid, 6x for relu
 * after five activations); a fresh copy per loop would compile (~1 ms) for every critic workspace.
 */
export const activationLoop = (
  kind: Activation, beta: number, a: Float64Array, h: Float64Array, d1: Float64Array, d2: Float64Array | null,
): ActivationRun => compiledKernels(kind, beta).loop(a, h, d1, d2);

const compiledKernels = (kind: Activation, beta: number): ActivationKernels => {
  const key = `${kind} ${beta}`;
  let k = compiled.get(key);
  if (k === undefined) { k = specialise(activationKernels)(kind, beta); compiled.set(key, k); }
  return k;
};

/**
 * One-off evaluation over a[off .. off + len) (builds the loop each call: for
 * tests and tools, not for inner loops, which hold an `activationLoop`).
 */
export const activate = (
  kind: Activation, beta: number, a: Float64Array, h: Float64Array, d1: Float64Array, d2: Float64Array, off: number, len: number,
): void => activationLoop(kind, beta, a, h, d1, d2)(off, len);

/** s''' of `kind` from s, s', s'' at the same point (one compiled copy per activation and beta, as activationLoop). */
export const activationThird = (kind: Activation, beta: number): ((h: number, d1: number, d2: number) => number) => compiledKernels(kind, beta).third;

/** Activations whose derivative jumps (Filippov right-hand side, docs/model.md §7). */
export const isNonSmooth = (kind: Activation): boolean => kind === 'relu' || kind === 'leaky_relu';
