/**
 * Discrete-time stability of gradient descent with step h (docs/model.md §4, §6.4).
 * Simultaneous updates are the forward-Euler map u <- u + h F(u), linearized
 * I + h J: stable iff |1 + h s| < 1 for every non-zero mode s, i.e.
 *   h < h_max = min over modes of -2 sigma / |s|^2   (0 if any sigma >= 0).
 * Alternating updates (critic first, then the generator with the new critic)
 * linearize to A(h) = (I + h P_X J)(I + h P_theta J), P the coordinate
 * projections; its zero modes keep eigenvalue 1 and are excluded (as many as
 * J has). The largest stable h of a map is found by bisection on its
 * spectral radius over the non-zero modes.
 */
import { eigen } from '../linalg/eigen.ts';
import type { DampingRow } from './damping.ts';

/** Largest stable step of the simultaneous map from the damping table (closed form). */
export const simultaneousMaxStep = (rows: readonly DampingRow[]): number => {
  let h = Infinity;
  for (const r of rows) {
    if (r.kind !== 'mode') continue;
    if (r.re >= 0) return 0;
    h = Math.min(h, (-2 * r.re) / (r.re * r.re + r.im * r.im));
  }
  return h;
};

/** The linearized alternating-update map A(h), row-major, for a state split at nX (particles first). */
export const alternatingMap = (J: Float64Array, n: number, nX: number, h: number): Float64Array => {
  // B = I + h P_theta J (rows >= nX), C = I + h P_X J (rows < nX), A = C B.
  const B = new Float64Array(n * n), C = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    const id = i === j ? 1 : 0;
    B[i * n + j] = id + (i >= nX ? h * J[i * n + j] : 0);
    C[i * n + j] = id + (i < nX ? h * J[i * n + j] : 0);
  }
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) {
    const c = C[i * n + k];
    if (c === 0) continue;
    for (let j = 0; j < n; j++) A[i * n + j] += c * B[k * n + j];
  }
  return A;
};

/** Spectral radius of a map, leaving out the `zeroModes` eigenvalues closest to 1. */
export const radiusExcludingOnes = (A: Float64Array, n: number, zeroModes: number): number => {
  const e = eigen(A, n, false);
  const idx = Array.from({ length: n }, (_, k) => k).sort((a, b) => Math.hypot(e.re[a] - 1, e.im[a]) - Math.hypot(e.re[b] - 1, e.im[b]));
  let r = 0;
  for (let m = zeroModes; m < n; m++) r = Math.max(r, Math.hypot(e.re[idx[m]], e.im[idx[m]]));
  return r;
};

/**
 * Largest h in (0, hHi] with radius(h) < 1, by bisection to relative `relTol`,
 * assuming stability for small h and a single loss of stability.
 */
export const maxStableStep = (radius: (h: number) => number, hHi: number, relTol = 1e-10): number => {
  if (radius(hHi) < 1) return hHi;
  let lo = 0, hi = hHi;
  // tiny steps must be stable; if not, report 0
  if (!(radius(hHi * 1e-9) < 1)) return 0;
  lo = hHi * 1e-9;
  while (hi - lo > relTol * hi) {
    const mid = 0.5 * (lo + hi);
    if (radius(mid) < 1) lo = mid; else hi = mid;
  }
  return lo;
};

/** Largest stable step of the alternating map at a Jacobian. */
export const alternatingMaxStep = (J: Float64Array, n: number, nX: number, zeroModes: number, hHi: number, relTol = 1e-8): number =>
  maxStableStep((h) => radiusExcludingOnes(alternatingMap(J, n, nX, h), n, zeroModes), hHi, relTol);

/** Spectral radius of the simultaneous map I + hJ over non-zero modes, from the table. */
export const simultaneousRadius = (rows: readonly DampingRow[], h: number): number => {
  let r = 0;
  for (const row of rows) if (row.kind === 'mode') r = Math.max(r, Math.hypot(1 + h * row.re, h * row.im));
  return r;
};
