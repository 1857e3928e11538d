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
import EigenvalueDecomposition from './evd.js';

export interface Eigen {
  readonly n: number;
  readonly re: Float64Array;
  readonly im: Float64Array;
  /** vre[k * n + i], vim[k * n + i]: component i of eigenvector k. */
  readonly vre: Float64Array;
  readonly vim: Float64Array;
}

export const toMatrix = (a: Float64Array, n: number): Matrix => {
  const m = new Matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m.set(i, j, a[i * n + j]);
  return m;
};


export const eigen = (a: Float64Array, n: number, vectors = true): Eigen => {
  const dec = new EigenvalueDecomposition(toMatrix(a, n));
  const re = Float64Array.from(dec.realEigenvalues);
  const im = Float64Array.from(dec.imaginaryEigenvalues);
  const vre = new Float64Array(vectors ? n * n : 0), vim = new Float64Array(vectors ? n * n : 0);
  if (vectors) {
    const V = dec.eigenvectorMatrix;
    for (let k = 0; k < n; k++) {
      if (im[k] === 0) {
        for (let i = 0; i < n; i++) vre[k * n + i] = V.get(i, k);
      } else if (im[k] > 0) {
        for (let i = 0; i < n; i++) { vre[k * n + i] = V.get(i, k); vim[k * n + i] = V.get(i, k + 1); }
      } else {
        for (let i = 0; i < n; i++) { vre[k * n + i] = V.get(i, k - 1); vim[k * n + i] = -V.get(i, k); }
      }
      let s = 0;
      for (let i = 0; i < n; i++) s += vre[k * n + i] ** 2 + vim[k * n + i] ** 2;
      s = Math.sqrt(s) || 1;
      for (let i = 0; i < n; i++) { vre[k * n + i] /= s; vim[k * n + i] /= s; }
    }
  }
  return { n, re, im, vre, vim };
};

/** |<v_a, w_b>| for unit complex vectors. */
export const overlap = (e: Eigen, a: number, f: Eigen, b: number): number => {
  const n = e.n;
  let sr = 0, si = 0;
  for (let i = 0; i < n; i++) {
    const ar = e.vre[a * n + i], ai = e.vim[a * n + i], br = f.vre[b * n + i], bi = f.vim[b * n + i];
    sr += ar * br + ai * bi;
    si += ar * bi - ai * br;
  }
  return Math.hypot(sr, si);
};
