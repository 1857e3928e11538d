/**
 * Targets P (docs/model.md §1): M points y_m in R^d with weights w_m (summing to 1),
 * sampled once from the config's seed, and the mode centres and width used
 * by the metrics of docs/model.md §5.
 *
 * For a point-cloud target (`points`, `dataset`, `mnist`) every distinct
 * point is a mode; its "3 sigma" radius for modes covered / quality is half
 * the smallest distance between two distinct points (sigma = minDist / 6),
 * so that the balls around the modes do not overlap.
 */
import type { Config } from './config.ts';
import * as E from 'fp-ts/lib/Either.js';
import { targetCloud, targetDim } from './config.ts';
import { makeRng } from './random.ts';

export interface Target {
  readonly kind: Config['target']['kind'];
  readonly d: number;
  readonly M: number;
  /** M x d, row-major. */
  readonly points: Float64Array;
  /** M weights summing to 1. */
  readonly weights: Float64Array;
  /** K mode centres, K x d. */
  readonly centres: Float64Array;
  readonly K: number;
  /** Width sigma of a mode (the 3-sigma radius of docs/model.md §5 is 3 * modeStd). */
  readonly modeStd: number;
}

const fill = (d: number, v: number | number[]): Float64Array => Float64Array.from({ length: d }, (_, i) => (Array.isArray(v) ? v[i] : v));

/**
 * Weights summing to 1, scaled by their largest first (so that weights near the largest double do not overflow
 * to Infinity when summed).
 */
export const normalizeWeights = (w: readonly number[]): Float64Array => {
  const max = Math.max(...w);
  const scaled = Float64Array.from(w, (x) => x / max);
  let s = 0;
  for (const x of scaled) s += x;
  for (let i = 0; i < scaled.length; i++) scaled[i] /= s;
  return scaled;
};

/**
 * A target of explicit points (points, dataset, mnist): every distinct point is a mode (duplicates count
 * once), its "3 sigma" radius half the smallest distance between two distinct points.
 */
const pointCloudTarget = (kind: Target['kind'], points: Float64Array, M: number, d: number, weights?: readonly number[]): Target => {
  const distinct: number[] = [];
  const same = (a: number, b: number) => { for (let k = 0; k < d; k++) if (points[a * d + k] !== points[b * d + k]) return false; return true; };
  for (let a = 0; a < M; a++) if (!distinct.some((b) => same(a, b))) distinct.push(a);
  const K = distinct.length;
  const centres = new Float64Array(K * d);
  distinct.forEach((a, k) => centres.set(points.subarray(a * d, (a + 1) * d), k * d));
  let minDist = Infinity;
  for (let a = 0; a < K; a++) for (let b = 0; b < a; b++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += (centres[a * d + k] - centres[b * d + k]) ** 2;
    minDist = Math.min(minDist, s);
  }
  minDist = Math.sqrt(minDist);
  return { kind, d, M, points, weights: normalizeWeights(weights ?? new Array<number>(M).fill(1)), centres, K, modeStd: Number.isFinite(minDist) && minDist > 0 ? minDist / 6 : 1 / 6 };
};

export const buildTarget = (cfg: Config['target'], seed: number): Target => {
  const d = targetDim(cfg);
  const rng = makeRng(seed, 'target');
  if (cfg.kind === 'points') return pointCloudTarget('points', Float64Array.from(cfg.points.flat()), cfg.points.length, d, cfg.weights);
  if (cfg.kind === 'dataset' || cfg.kind === 'mnist') {
    const cloud = targetCloud(cfg);
    if (E.isLeft(cloud)) throw new Error(`${cloud.left.file}: ${cloud.left.message}`); // parseConfig has read it already
    return pointCloudTarget(cfg.kind, cloud.right.points, cloud.right.rows, d, cfg.kind === 'dataset' ? cfg.weights : undefined);
  }
  let centres: Float64Array;
  let K: number;
  let std: number;
  if (cfg.kind === 'ring') {
    K = cfg.modes;
    centres = new Float64Array(K * d);
    for (let k = 0; k < K; k++) {
      const a = (2 * Math.PI * k) / K;
      centres[k * d] = cfg.radius * Math.cos(a);
      centres[k * d + 1] = cfg.radius * Math.sin(a);
    }
    std = cfg.std;
  } else if (cfg.kind === 'grid') {
    K = cfg.side * cfg.side;
    centres = new Float64Array(K * d);
    const off = ((cfg.side - 1) * cfg.spacing) / 2;
    for (let a = 0; a < cfg.side; a++) for (let b = 0; b < cfg.side; b++) {
      const k = a * cfg.side + b;
      centres[k * d] = a * cfg.spacing - off;
      centres[k * d + 1] = b * cfg.spacing - off;
    }
    std = cfg.std;
  } else {
    K = 1;
    centres = fill(d, cfg.mean);
    std = cfg.std;
  }
  const M = cfg.samples;
  const points = new Float64Array(M * d);
  for (let m = 0; m < M; m++) {
    const k = m % K;
    for (let i = 0; i < d; i++) points[m * d + i] = centres[k * d + i] + std * rng.normal();
  }
  return { kind: cfg.kind, d, M, points, weights: new Float64Array(M).fill(1 / M), centres, K, modeStd: std };
};
