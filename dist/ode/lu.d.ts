/**
 * Dense LU factorisation with partial pivoting, in place on a row-major
 * Float64Array (Golub & Van Loan, Alg. 3.4.1), and the matching solve.
 * Used by the Rosenbrock stepper once per step and reused across its stages;
 * it allocates nothing.
 */
/** Factor a (n x n, row-major) in place; piv receives the row permutation. Returns false if singular. */
export declare const luFactor: (a: Float64Array, n: number, piv: Int32Array) => boolean;
/** Solve (LU) x = b in place in b, with the factors and pivots of `luFactor`. */
export declare const luSolve: (a: Float64Array, n: number, piv: Int32Array, b: Float64Array) => void;
//# sourceMappingURL=lu.d.ts.map