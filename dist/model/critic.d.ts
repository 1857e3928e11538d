/**
 * The critic D_theta: R^d -> R (SPEC §1) and every derivative the dynamics
 * needs, analytic:
 *  - D(x), g = grad_x D(x) (backpropagation),
 *  - c grad_theta D(x) + grad_theta (v . grad_x D(x)) for a coefficient c and
 *    a direction v: the second term is the double-backprop gradient of a
 *    gradient regularizer (v = dR/dg). It is computed as the forward-mode
 *    tangent of grad_theta D along x -> x + eps v, since mixed partials
 *    commute: grad_theta (v . grad_x D) = d/deps grad_theta D(x + eps v).
 *
 * Parameter layout (SPEC §1): for each hidden layer in order W (row-major,
 * out x in) then b; then the output layer w_out (1 x h_L) then b_out.
 * A linear critic is D(x) = w . x + b with theta = [w, b].
 * All work buffers live in a `CriticWork` made once; nothing is allocated
 * per point.
 */
import type { Activation, Config } from './config.js';
import { type ActivationRun } from './activations.js';
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
export declare const criticShape: (c: Config["critic"], d: number) => CriticShape;
/** Default initialisation (SPEC §1): W entries N(0, 1/fan_in), biases 0, from the seed. */
export declare const initTheta: (s: CriticShape, seed: number) => Float64Array;
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
export declare const criticWork: (s: CriticShape) => CriticWork;
/**
 * Forward and backward pass at x = X[xo .. xo + d): fills D, g and the
 * per-layer buffers of `w` (needed by `accumulate`).
 */
export declare const evalCritic: (s: CriticShape, th: Float64Array, to: number, X: Float64Array, xo: number, w: CriticWork) => void;
/**
 * After `evalCritic` at the same point: grad[go ..] += c grad_theta D(x)
 * + grad_theta (v . grad_x D(x)), with v = V[vo .. vo + d) (or no v when vo < 0).
 */
export declare const accumulate: (s: CriticShape, th: Float64Array, to: number, X: Float64Array, xo: number, w: CriticWork, c: number, V: Float64Array, vo: number, grad: Float64Array, go: number) => void;
//# sourceMappingURL=critic.d.ts.map