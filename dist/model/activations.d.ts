/**
 * Activations s with their first and second derivatives, evaluated over a
 * run of a layer at once (the choice of activation is made once, outside the
 * loop). relu'(0) := 0 (SPEC §1); leaky_relu has slope 0.2;
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
import type { Activation } from './config.js';
/** The activation over a[off .. off + len), written to h, d1 = s', d2 = s'' (unless d2 is null). */
export type ActivationRun = (off: number, len: number) => void;
/** s and s' at one pre-activation x, written to h[i] and d1[i]. */
export type ActivationPoint = (x: number, h: Float64Array, i: number, d1: Float64Array) => void;
export interface ActivationKernels {
    /** One point (for loops that fuse the activation with other work, oneLayerKernel.ts). */
    readonly point: ActivationPoint;
    /** s'' from s and s' (a caller that does not store s'' recomputes it where needed). */
    readonly second: (h: number, d1: number) => number;
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
    readonly E2: number;
    readonly E3: number;
    readonly E4: number;
    readonly E5: number;
    readonly E6: number;
    readonly E7: number;
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
export declare const activationKernels: (kind: Activation, beta: number) => ActivationKernels;
/**
 * The activation loop of `kind` bound to a, h, d1, d2, from a compiled copy of activationKernels
 * (specialise.ts) kept per activation and beta: with one shared copy the loop's call of `point` sees every
 * activation in use in the process and V8 stops inlining it (measured 2.4x slower for sigmoid, 6x for relu
 * after five activations); a fresh copy per loop would compile (~1 ms) for every critic workspace.
 */
export declare const activationLoop: (kind: Activation, beta: number, a: Float64Array, h: Float64Array, d1: Float64Array, d2: Float64Array | null) => ActivationRun;
/**
 * One-off evaluation over a[off .. off + len) (builds the loop each call: for
 * tests and tools, not for inner loops, which hold an `activationLoop`).
 */
export declare const activate: (kind: Activation, beta: number, a: Float64Array, h: Float64Array, d1: Float64Array, d2: Float64Array, off: number, len: number) => void;
/** Activations whose derivative jumps (Filippov right-hand side, SPEC §8). */
export declare const isNonSmooth: (kind: Activation) => boolean;
//# sourceMappingURL=activations.d.ts.map