/**
 * The weighted RMS error norm of Hairer–Nørsett–Wanner (II.4.11):
 * ||e|| = sqrt( (1/n) sum_i (e_i / sc_i)^2 ),  sc_i = atol_i + rtol max(|u_i|, |v_i|).
 * A NaN or infinite component makes the norm +Infinity so that the step is
 * rejected rather than accepted with a NaN.
 */
export declare const errorNorm: (err: Float64Array, u: Float64Array, v: Float64Array, rtol: number, atol: Float64Array) => number;
/** Index of the first non-finite entry, or -1. */
export declare const firstNonFinite: (u: Float64Array) => number;
/** Expand a scalar or per-component absolute tolerance to a vector of length n. */
export declare const expandTolerance: (atol: number | Float64Array | readonly number[], n: number) => Float64Array;
//# sourceMappingURL=norm.d.ts.map