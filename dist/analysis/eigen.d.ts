/**
 * Eigen-decomposition of a real (non-symmetric) matrix through ml-matrix
 * (Hessenberg reduction + shifted QR, the EISPACK/JAMA algorithm). The input
 * is copied into a fresh Matrix, so the caller's buffer is never mutated.
 * Eigenvectors are returned as complex columns (re, im), normalized to unit
 * 2-norm; for a conjugate pair ml-matrix stores real and imaginary parts in
 * adjacent columns, which are unpacked here.
 *
 * The decomposition is ml-matrix's, vendored in evd.js with periodic
 * exceptional shifts and an iteration cap: the original looped forever on
 * the Dirac-GAN Jacobian at lambda = 0. A block that still does not converge
 * makes `eigen` throw; `tryLinearize` (linearize.ts) returns that as a failure value.
 */
import { Matrix } from 'ml-matrix';
export interface Eigen {
    readonly n: number;
    readonly re: Float64Array;
    readonly im: Float64Array;
    /** vre[k * n + i], vim[k * n + i]: component i of eigenvector k. */
    readonly vre: Float64Array;
    readonly vim: Float64Array;
}
export declare const toMatrix: (a: Float64Array, n: number) => Matrix;
export declare const eigen: (a: Float64Array, n: number, vectors?: boolean) => Eigen;
/** |<v_a, w_b>| for unit complex vectors. */
export declare const overlap: (e: Eigen, a: number, f: Eigen, b: number) => number;
//# sourceMappingURL=eigen.d.ts.map