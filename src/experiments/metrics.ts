/**
 * Observables of docs/model.md §5 on a particle configuration X (N x d) against a
 * target: mode coverage (collapse score, modes covered, quality), distances
 * between Q and P (MMD^2 with a Gaussian kernel, sliced Wasserstein-2 with
 * seeded projections, the mean gap), and the critic statistics.
 */
import type { Target } from '../model/targets.ts';
import type { EganModel } from '../model/model.ts';
import { criticObjective } from '../model/objective.ts';
import { makeRng } from '../model/random.ts';

export interface Coverage {
  /** (log K + sum_k p_k log p_k) / log K in [0, 1]: 0 uniform over modes, 1 all in one mode (0 when K = 1). */
  readonly collapseScore: number;
  /** Number of modes with a particle within 3 sigma of their centre. */
  readonly modesCovered: number;
  /** Fraction of particles within 3 sigma of some centre. */
  readonly quality: number;
  /** Fraction of particles assigned to each mode (nearest centre). */
  readonly occupancy: number[];
}

export const coverage = (X: Float64Array, N: number, t: Target): Coverage => {
  const { d, K, centres } = t;
  const r2 = (3 * t.modeStd) ** 2;
  const counts = new Array<number>(K).fill(0);
  const covered = new Array<boolean>(K).fill(false);
  let good = 0;
  for (let i = 0; i < N; i++) {
    let best = Infinity, kb = 0, near = false;
    for (let k = 0; k < K; k++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += (X[i * d + c] - centres[k * d + c]) ** 2;
      if (s < best) { best = s; kb = k; }
      if (s <= r2) { covered[k] = true; near = true; }
    }
    counts[kb]++;
    if (near) good++;
  }
  const p = counts.map((c) => c / N);
  let ent = 0;
  for (const q of p) if (q > 0) ent += q * Math.log(q);
  const score = K > 1 ? (Math.log(K) + ent) / Math.log(K) : 0;
  return { collapseScore: Math.min(1, Math.max(0, score)), modesCovered: covered.filter(Boolean).length, quality: good / N, occupancy: p };
};

/** E_P y = sum_m w_m y_m (length d). */
export const targetMean = (t: Target): Float64Array => {
  const d = t.d;
  const out = new Float64Array(d);
  for (let m = 0; m < t.M; m++) for (let c = 0; c < d; c++) out[c] += t.weights[m] * t.points[m * d + c];
  return out;
};

/** mean(X) - E_P y (length d): the gap y of docs/model.md §4. */
export const meanGapVector = (X: Float64Array, N: number, t: Target): Float64Array => {
  const d = t.d;
  const y = targetMean(t);
  for (let c = 0; c < d; c++) {
    let mx = 0;
    for (let i = 0; i < N; i++) mx += X[i * d + c];
    y[c] = mx / N - y[c];
  }
  return y;
};

/** |mean(X) - E_P y|. */
export const meanGap = (X: Float64Array, N: number, t: Target): number => Math.hypot(...meanGapVector(X, N, t));

const sqdist = (A: Float64Array, a: number, B: Float64Array, b: number, d: number) => {
  let s = 0;
  for (let c = 0; c < d; c++) { const x = A[a * d + c] - B[b * d + c]; s += x * x; }
  return s;
};

/** Median of pairwise distances of the pooled sample (at most 600 points, taken with a fixed stride). */
export const medianBandwidth = (X: Float64Array, N: number, t: Target): number => {
  const d = t.d;
  const pool: number[][] = [];
  const take = (A: Float64Array, n: number, cap: number) => { const step = Math.max(1, Math.floor(n / cap)); for (let i = 0; i < n; i += step) pool.push(Array.from(A.subarray(i * d, (i + 1) * d))); };
  take(X, N, 300);
  take(t.points, t.M, 300);
  const ds: number[] = [];
  for (let a = 0; a < pool.length; a++) for (let b = 0; b < a; b++) ds.push(Math.sqrt(pool[a].reduce((s, v, c) => s + (v - pool[b][c]) ** 2, 0)));
  ds.sort((x, y) => x - y);
  const med = ds.length ? ds[Math.floor(ds.length / 2)] : 1;
  return med > 0 ? med : 1;
};

/**
 * MMD^2 between Q (uniform over particles) and P (weighted target) with the
 * Gaussian kernel exp(-|x - y|^2 / (2 bw^2)): the biased (V-statistic) estimate
 * E_QQ k + E_PP k - 2 E_QP k, which is >= 0 and exactly 0 when Q = P.
 */
export const mmd2 = (X: Float64Array, N: number, t: Target, bandwidth?: number): number => {
  const bw = bandwidth ?? medianBandwidth(X, N, t);
  const g = -1 / (2 * bw * bw);
  const d = t.d, w = t.weights;
  let qq = 0, pp = 0, qp = 0;
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) qq += Math.exp(g * sqdist(X, i, X, j, d));
  for (let a = 0; a < t.M; a++) for (let b = 0; b < t.M; b++) pp += w[a] * w[b] * Math.exp(g * sqdist(t.points, a, t.points, b, d));
  for (let i = 0; i < N; i++) for (let b = 0; b < t.M; b++) qp += w[b] * Math.exp(g * sqdist(X, i, t.points, b, d));
  return Math.max(0, qq / (N * N) + pp - (2 * qp) / N);
};

/** W2^2 between two weighted 1-D samples, by merging their quantile functions. */
const w2sq1d = (a: Float64Array, wa: Float64Array, b: Float64Array, wb: Float64Array): number => {
  const ia = Array.from(a.keys()).sort((x, y) => a[x] - a[y]);
  const ib = Array.from(b.keys()).sort((x, y) => b[x] - b[y]);
  let i = 0, j = 0, ra = wa[ia[0]], rb = wb[ib[0]], s = 0;
  while (i < ia.length && j < ib.length) {
    const m = Math.min(ra, rb);
    s += m * (a[ia[i]] - b[ib[j]]) ** 2;
    ra -= m; rb -= m;
    if (ra <= 1e-15) { i++; if (i < ia.length) ra = wa[ia[i]]; }
    if (rb <= 1e-15) { j++; if (j < ib.length) rb = wb[ib[j]]; }
  }
  return s;
};

/** Sliced Wasserstein-2: sqrt of the mean over `projections` seeded random directions of W2^2 of the projections. */
export const slicedW2 = (X: Float64Array, N: number, t: Target, projections = 64, seed = 0): number => {
  const d = t.d;
  const rng = makeRng(seed, 'sliced-w2');
  const a = new Float64Array(N), b = new Float64Array(t.M), wa = new Float64Array(N).fill(1 / N);
  const dir = new Float64Array(d);
  let tot = 0;
  for (let l = 0; l < projections; l++) {
    let nrm = 0;
    for (let c = 0; c < d; c++) { dir[c] = rng.normal(); nrm += dir[c] * dir[c]; }
    nrm = Math.sqrt(nrm);
    for (let c = 0; c < d; c++) dir[c] /= nrm;
    for (let i = 0; i < N; i++) { let s = 0; for (let c = 0; c < d; c++) s += X[i * d + c] * dir[c]; a[i] = s; }
    for (let m = 0; m < t.M; m++) { let s = 0; for (let c = 0; c < d; c++) s += t.points[m * d + c] * dir[c]; b[m] = s; }
    tot += w2sq1d(a, wa, b, t.weights);
  }
  return Math.sqrt(tot / projections);
};

export interface Metrics extends Coverage {
  readonly meanGap: number;
  readonly mmd2: number;
  readonly slicedW2: number;
  readonly criticValue: number;
  readonly regularizer: number;
  readonly gradNormMean: number;
  readonly gradNormMax: number;
  readonly thetaNorm: number;
}

/** |theta|: the Euclidean norm of the critic's parameters in a state u of a model. */
export const thetaNorm = (m: EganModel, u: Float64Array): number => {
  let th = 0;
  for (let k = m.N * m.d; k < u.length; k++) th += u[k] * u[k];
  return Math.sqrt(th);
};

/** Every observable of docs/model.md §5 at a state u of a model. */
export const metricsAt = (m: EganModel, u: Float64Array): Metrics => {
  const X = u.subarray(0, m.N * m.d);
  const cs = criticObjective(m, u);
  return {
    ...coverage(X, m.N, m.target),
    meanGap: meanGap(X, m.N, m.target),
    mmd2: mmd2(X, m.N, m.target),
    slicedW2: slicedW2(X, m.N, m.target, 64, m.config.seed),
    criticValue: cs.V,
    regularizer: cs.R,
    gradNormMean: cs.gradNormMean,
    gradNormMax: cs.gradNormMax,
    thetaNorm: thetaNorm(m, u),
  };
};
