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

/** A flag read by the long loops of the metrics (an AbortSignal, or the run's shared interrupt flag). */
export interface AbortFlag { readonly aborted: boolean }

/**
 * Thrown by the metrics' loops when their AbortFlag is set, so that Ctrl-C is honoured within a fraction of a
 * second even on a large cloud; caught by the callers that pass a flag (runModel turns it into an
 * `interrupted` result). Without a flag it is never thrown.
 */
export class MetricsInterrupted extends Error {
  constructor() { super('interrupted while computing the metrics'); }
}

const checkAbort = (signal?: AbortFlag): void => { if (signal?.aborted) throw new MetricsInterrupted(); };

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
  // The 3-sigma radius, floored at 1e-9 of the centres' scale: a target of width 0 (std 0) is its centres
  // themselves, and a particle placed on one (up to rounding) covers it.
  let scale = 1;
  for (let i = 0; i < centres.length; i++) scale = Math.max(scale, Math.abs(centres[i]));
  const r2 = Math.max(3 * t.modeStd, 1e-9 * scale) ** 2;
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

/** mean(X) - E_P y (length d): the gap y of docs/model.md §4. `mean` is targetMean(t) when the caller keeps it (read, not changed). */
export const meanGapVector = (X: Float64Array, N: number, t: Target, mean?: Float64Array): Float64Array => {
  const d = t.d;
  const y = mean ? Float64Array.from(mean) : targetMean(t);
  for (let c = 0; c < d; c++) {
    let mx = 0;
    for (let i = 0; i < N; i++) mx += X[i * d + c];
    y[c] = mx / N - y[c];
  }
  return y;
};

/** |mean(X) - E_P y|; `mean` as in meanGapVector. */
export const meanGap = (X: Float64Array, N: number, t: Target, mean?: Float64Array): number => Math.hypot(...meanGapVector(X, N, t, mean));

const sqdist = (A: Float64Array, a: number, B: Float64Array, b: number, d: number) => {
  let s = 0;
  for (let c = 0; c < d; c++) { const x = A[a * d + c] - B[b * d + c]; s += x * x; }
  return s;
};

/**
 * Median of pairwise distances of a pooled sample: every max(1, floor(n / 300))-th particle and target point
 * (so at most ~600 points once n passes 300; all of them below), distances computed in place.
 */
export const medianBandwidth = (X: Float64Array, N: number, t: Target): number => {
  const d = t.d;
  // The pooled sample's rows, copied into one array (particles first, then target points).
  const sX = Math.max(1, Math.floor(N / 300)), sT = Math.max(1, Math.floor(t.M / 300));
  const nX = Math.ceil(N / sX), n = nX + Math.ceil(t.M / sT);
  const P = new Float64Array(n * d);
  for (let i = 0, r = 0; i < N; i += sX, r++) P.set(X.subarray(i * d, i * d + d), r * d);
  for (let i = 0, r = nX; i < t.M; i += sT, r++) P.set(t.points.subarray(i * d, i * d + d), r * d);
  const ds = new Float64Array((n * (n - 1)) / 2);
  let q = 0;
  for (let a = 0; a < n; a++) {
    const ao = a * d;
    for (let b = 0; b < a; b++) {
      const bo = b * d;
      let s = 0;
      for (let c = 0; c < d; c++) { const x = P[ao + c] - P[bo + c]; s += x * x; }
      ds[q++] = Math.sqrt(s);
    }
  }
  const med = ds.length ? kthSmallest(ds, Math.floor(ds.length / 2)) : 1;
  return med > 0 ? med : 1;
};

/**
 * The k-th smallest entry (0-based) of `a`, NaN counted as the largest (the value `a.sort()[k]` would give),
 * by selection in place (Hoare partition, median-of-three pivots): O(n) on average against sort's O(n log n).
 * Reorders `a`. At the pooled sample's ~166,000 distances (64 particles, 512 target points) it takes a few
 * milliseconds where sort took ~35: the median bandwidth is computed at every saved time of `egan run --out`.
 */
export const kthSmallest = (a: Float64Array, k: number): number => {
  // NaN to the end, as sort puts it; then select among the numbers.
  let n = 0;
  for (let i = 0; i < a.length; i++) { const x = a[i]; if (x === x) { a[i] = a[n]; a[n++] = x; } }
  if (k >= n) return NaN;
  let lo = 0, hi = n - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // median of three to a[mid], then partition around it
    if (a[mid] < a[lo]) { const t = a[mid]; a[mid] = a[lo]; a[lo] = t; }
    if (a[hi] < a[lo]) { const t = a[hi]; a[hi] = a[lo]; a[lo] = t; }
    if (a[hi] < a[mid]) { const t = a[hi]; a[hi] = a[mid]; a[mid] = t; }
    const pivot = a[mid];
    let i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) { const t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
    }
    // now a[lo..j] <= pivot <= a[i..hi], and a[j+1..i-1] == pivot
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
};

/** Largest number of points per side the MMD² estimate uses; beyond it a seeded subsample of this size is taken. */
export const MMD_MAX_POINTS = 4096;

/** Indices of a seeded subsample of k of n items (all of them, in order, when n <= k). */
const subsample = (n: number, k: number, seed: number, tag: string): Int32Array => {
  if (n <= k) return Int32Array.from({ length: n }, (_, i) => i);
  const rng = makeRng(seed, tag);
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) { const j = i + Math.floor(rng.uniform() * (n - i)); const x = idx[i]; idx[i] = idx[j]; idx[j] = x; }
  return idx.slice(0, k).sort();
};

/**
 * MMD^2 between Q (uniform over particles) and P (weighted target) with the
 * Gaussian kernel exp(-|x - y|^2 / (2 bw^2)): the biased (V-statistic) estimate
 * E_QQ k + E_PP k - 2 E_QP k, which is >= 0 and exactly 0 when Q = P.
 */
export const mmd2 = (X: Float64Array, N: number, t: Target, bandwidth?: number, seed = 0): number => mmd2Estimate(X, N, t, bandwidth, seed).value;

/**
 * mmd2, with how it was computed: exact (every pair) up to MMD_MAX_POINTS points per side; beyond, on a seeded
 * subsample of that many per side (target weights renormalized over the subsample), whose error is of order
 * 1/sqrt(MMD_MAX_POINTS) ~ 0.016 in MMD (Gretton et al., JMLR 2012, Thm. 7); `points` then says how many
 * points per side were used.
 */
export const mmd2Estimate = (X: Float64Array, N: number, t: Target, bandwidth?: number, seed = 0, signal?: AbortFlag): { value: number; points?: number } => {
  const bw = bandwidth ?? medianBandwidth(X, N, t);
  const g = -1 / (2 * bw * bw);
  const d = t.d;
  const I = subsample(N, MMD_MAX_POINTS, seed, 'mmd-particles'), J = subsample(t.M, MMD_MAX_POINTS, seed, 'mmd-target');
  const sub = I.length < N || J.length < t.M;
  let ws = 0;
  for (let b = 0; b < J.length; b++) ws += t.weights[J[b]];
  const w = sub ? Float64Array.from(J, (j) => t.weights[j] / ws) : t.weights;
  const n = I.length;
  let qq = 0, pp = 0, qp = 0;
  for (let i = 0; i < n; i++) { checkAbort(signal); for (let j = 0; j < n; j++) qq += Math.exp(g * sqdist(X, I[i], X, I[j], d)); }
  for (let a = 0; a < J.length; a++) { checkAbort(signal); for (let b = 0; b < J.length; b++) pp += w[a] * w[b] * Math.exp(g * sqdist(t.points, J[a], t.points, J[b], d)); }
  for (let i = 0; i < n; i++) { checkAbort(signal); for (let b = 0; b < J.length; b++) qp += w[b] * Math.exp(g * sqdist(X, I[i], t.points, J[b], d)); }
  const value = Math.max(0, qq / (n * n) + pp - (2 * qp) / n);
  return sub ? { value, points: Math.max(n, J.length) } : { value };
};

/** The paper's real-data metrics by one distance (docs/model.md §5). */
export interface NearestStats {
  /** Distinct target points that are some particle's nearest (100 = full coverage of 100 digits, 1 = total collapse). */
  readonly hit: number;
  /** log K + sum_k p_k log p_k over the fractions of particles whose nearest is target k (0: every target once; log K: all on one). */
  readonly entropyGap: number;
  /** Mean over particles of the distance to the nearest target point. */
  readonly meanNearest: number;
}

/**
 * Each particle's nearest target mode (distinct target point) and its distance, by cosine distance
 * 1 - x.y / (|x| |y|) (a zero vector is at distance 1 from everything) or Euclidean distance. O(N K d).
 */
export const nearestTargets = (X: ArrayLike<number>, N: number, t: Target, metric: 'cosine' | 'euclidean'): { index: Int32Array; distance: Float64Array } => {
  const { d, K, centres } = t;
  const cn = new Float64Array(K);
  for (let k = 0; k < K; k++) { let s = 0; for (let c = 0; c < d; c++) s += centres[k * d + c] ** 2; cn[k] = Math.sqrt(s); }
  const index = new Int32Array(N), distance = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const xo = i * d;
    let xn = 0;
    for (let c = 0; c < d; c++) xn += X[xo + c] * X[xo + c];
    xn = Math.sqrt(xn);
    let best = Infinity, kb = 0;
    for (let k = 0; k < K; k++) {
      const co = k * d;
      let dist: number;
      if (metric === 'cosine') {
        let dot = 0;
        for (let c = 0; c < d; c++) dot += X[xo + c] * centres[co + c];
        dist = xn > 0 && cn[k] > 0 ? 1 - dot / (xn * cn[k]) : 1;
      } else {
        let s = 0;
        for (let c = 0; c < d; c++) { const x = X[xo + c] - centres[co + c]; s += x * x; }
        dist = Math.sqrt(s);
      }
      if (dist < best) { best = dist; kb = k; }
    }
    index[i] = kb;
    distance[i] = best;
  }
  return { index, distance };
};

/** The paper's three numbers (docs/model.md §5, §9) from each particle's nearest target mode. O(N K d). */
export const nearestStats = (X: Float64Array, N: number, t: Target, metric: 'cosine' | 'euclidean'): NearestStats => {
  const { K } = t;
  const near = nearestTargets(X, N, t, metric);
  const counts = new Int32Array(K);
  let total = 0;
  for (let i = 0; i < N; i++) { counts[near.index[i]]++; total += Math.max(0, near.distance[i]); }
  // log K + sum p log p written as sum p log(K p) (equal since sum p = 1): exactly 0 when every target is hit
  // once (K p = 1) and exactly log K when all particles share one.
  let gap = 0, hit = 0;
  for (let k = 0; k < K; k++) if (counts[k] > 0) { hit++; gap += (counts[k] / N) * Math.log((K * counts[k]) / N); }
  return { hit, entropyGap: Math.max(0, gap), meanNearest: total / N };
};

/** Whether every weight is the same number (a sort of the values then serves as the quantile function). */
const uniform = (w: Float64Array): boolean => { for (let i = 1; i < w.length; i++) if (w[i] !== w[0]) return false; return true; };

/** A 1-D sample sorted by value, with its weights in the same order. */
interface Sorted1d { readonly v: Float64Array; readonly w: Float64Array }

/**
 * A weighted 1-D sample sorted for w2sq1d. Equal weights (the particles always, most targets) sort the values in
 * place as a typed array, O(n log n) without a comparator; unequal target weights sort an index permutation.
 * Both give the same numbers: only the order of the values matters.
 */
const sorted1d = (v: Float64Array, w: Float64Array): Sorted1d => {
  if (uniform(w)) return { v: v.sort(), w };
  const idx = Uint32Array.from(v.keys()).sort((x, y) => v[x] - v[y]);
  return { v: Float64Array.from(idx, (i) => v[i]), w: Float64Array.from(idx, (i) => w[i]) };
};

/** W2^2 between two sorted weighted 1-D samples, by merging their quantile functions. */
const w2sq1d = (A: Sorted1d, B: Sorted1d): number => {
  let i = 0, j = 0, ra = A.w[0], rb = B.w[0], s = 0;
  while (i < A.v.length && j < B.v.length) {
    const m = Math.min(ra, rb);
    s += m * (A.v[i] - B.v[j]) ** 2;
    ra -= m; rb -= m;
    if (ra <= 1e-15) { i++; if (i < A.v.length) ra = A.w[i]; }
    if (rb <= 1e-15) { j++; if (j < B.v.length) rb = B.w[j]; }
  }
  return s;
};

/** Projections of the reported sliced W2. */
export const SLICED_PROJECTIONS = 64;

/** The target's side of a sliced W2: the seeded unit directions and the target's sorted projection on each. */
interface SlicedTargetSide { readonly dirs: Float64Array; readonly b: Sorted1d[] }

/**
 * Target sides kept per target, for each (projections, seed): every cloud compared with a target (each saved
 * state of a run, each point of tau_eps's event search) meets the same directions and target projections, so they
 * are computed and sorted once; the same numbers as computing them anew. Kept only while they are small
 * (projections x (M + d) up to 2^21 numbers, 16 MB); larger targets compute them at each call.
 */
const SLICED_CACHE_MAX = 1 << 21;
const slicedCache = new WeakMap<Target, Map<string, SlicedTargetSide>>();

const slicedTargetSide = (t: Target, projections: number, seed: number, signal?: AbortFlag): SlicedTargetSide => {
  const key = `${projections}:${seed}`;
  const hit = slicedCache.get(t)?.get(key);
  if (hit) return hit;
  const d = t.d;
  const rng = makeRng(seed, 'sliced-w2');
  const dirs = new Float64Array(projections * d);
  const b: Sorted1d[] = [];
  for (let l = 0; l < projections; l++) {
    checkAbort(signal);
    const o = l * d;
    let nrm = 0;
    for (let c = 0; c < d; c++) { const x = rng.normal(); dirs[o + c] = x; nrm += x * x; }
    nrm = Math.sqrt(nrm);
    for (let c = 0; c < d; c++) dirs[o + c] /= nrm;
    const p = new Float64Array(t.M);
    for (let m = 0; m < t.M; m++) { let s = 0; for (let c = 0; c < d; c++) s += t.points[m * d + c] * dirs[o + c]; p[m] = s; }
    b.push(sorted1d(p, t.weights));
  }
  const side = { dirs, b };
  if (projections * (t.M + d) <= SLICED_CACHE_MAX) {
    const m = slicedCache.get(t) ?? new Map<string, SlicedTargetSide>();
    m.set(key, side);
    slicedCache.set(t, m);
  }
  return side;
};

/** Sliced Wasserstein-2: sqrt of the mean over `projections` seeded random directions of W2^2 of the projections. */
export const slicedW2 = (X: Float64Array, N: number, t: Target, projections = SLICED_PROJECTIONS, seed = 0, signal?: AbortFlag): number => {
  const d = t.d;
  const { dirs, b } = slicedTargetSide(t, projections, seed, signal);
  const a = new Float64Array(N), wa = new Float64Array(N).fill(1 / N);
  let tot = 0;
  for (let l = 0; l < projections; l++) {
    checkAbort(signal);
    const o = l * d;
    for (let i = 0; i < N; i++) { let s = 0; for (let c = 0; c < d; c++) s += X[i * d + c] * dirs[o + c]; a[i] = s; }
    tot += w2sq1d(sorted1d(a, wa), b[l]!);
  }
  return Math.sqrt(tot / projections);
};

export interface Metrics extends Coverage {
  readonly meanGap: number;
  readonly mmd2: number;
  /** Points per side behind mmd2 when it was estimated on a subsample (absent: every pair). */
  readonly mmd2Points?: number;
  readonly slicedW2: number;
  readonly criticValue: number;
  readonly regularizer: number;
  readonly gradNormMean: number;
  readonly gradNormMax: number;
  readonly thetaNorm: number;
  /** For point-cloud targets (points, dataset, mnist): the paper's metrics by cosine distance, and by Euclidean distance. */
  readonly digitsHit?: number;
  readonly entropyGap?: number;
  readonly meanNearestDistance?: number;
  readonly digitsHitEuclidean?: number;
  readonly entropyGapEuclidean?: number;
  readonly meanNearestDistanceEuclidean?: number;
}

/** Whether a target is a point cloud whose every point is a mode (the paper's nearest-target metrics apply). */
export const isPointCloud = (t: Target): boolean => t.kind === 'points' || t.kind === 'dataset' || t.kind === 'mnist';

/** The nearest-target metrics of a point-cloud target, under their output names (both distances). */
export const nearestMetrics = (X: Float64Array, N: number, t: Target) => {
  const c = nearestStats(X, N, t, 'cosine'), e = nearestStats(X, N, t, 'euclidean');
  return {
    digitsHit: c.hit, entropyGap: c.entropyGap, meanNearestDistance: c.meanNearest,
    digitsHitEuclidean: e.hit, entropyGapEuclidean: e.entropyGap, meanNearestDistanceEuclidean: e.meanNearest,
  };
};

/** |theta|: the Euclidean norm of the critic's parameters in a state u of a model. */
export const thetaNorm = (m: Pick<EganModel, 'p'>, u: Float64Array): number => {
  // theta is the state's last p entries, after the particles or a real generator's parameters.
  let th = 0;
  for (let k = u.length - m.p; k < u.length; k++) th += u[k] * u[k];
  return Math.sqrt(th);
};

/** The observables of a particle cloud alone (no critic): coverage, distances, and the nearest-target metrics of point-cloud targets. */
export type CloudMetrics = Omit<Metrics, 'criticValue' | 'regularizer' | 'gradNormMean' | 'gradNormMax' | 'thetaNorm'>;

/**
 * The observables of docs/model.md §5 of N particles X (N x d) against a target, without a critic: what
 * `egan eval` reports for a cloud read from a file. `seed` seeds the sliced-W2 projections (and MMD²'s
 * subsample beyond MMD_MAX_POINTS).
 * @example
 * cloudMetrics(X, 100, buildTarget(config.target, config.seed), config.seed);   // { digitsHit, entropyGap, ... }
 */
export const cloudMetrics = (X: Float64Array, N: number, t: Target, seed: number, signal?: AbortFlag): CloudMetrics => {
  const mmd = mmd2Estimate(X, N, t, undefined, seed, signal);
  const sw = slicedW2(X, N, t, SLICED_PROJECTIONS, seed, signal);
  checkAbort(signal);
  return {
    ...coverage(X, N, t),
    meanGap: meanGap(X, N, t),
    mmd2: mmd.value,
    ...(mmd.points !== undefined ? { mmd2Points: mmd.points } : {}),
    slicedW2: sw,
    ...(isPointCloud(t) ? nearestMetrics(X, N, t) : {}),
  };
};

/** Every observable of docs/model.md §5 at a state u of a model. */
export const metricsAt = (m: EganModel, u: Float64Array, signal?: AbortFlag): Metrics => {
  const X = u.subarray(0, m.N * m.d);
  const cs = criticObjective(m, u, signal ? () => checkAbort(signal) : undefined);
  const cloud = cloudMetrics(X, m.N, m.target, m.config.seed, signal);
  return {
    ...cloud,
    criticValue: cs.V,
    regularizer: cs.R,
    gradNormMean: cs.gradNormMean,
    gradNormMax: cs.gradNormMax,
    thetaNorm: thetaNorm(m, u),
  };
};
