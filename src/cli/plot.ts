/**
 * `egan plot <dir> [--out FILE]`: one SVG of a run written by `egan run --out DIR`: the particles at the
 * first, middle and last saved time over the target's points, and the metric curves of metrics.csv over
 * time. Particles are drawn in their first two coordinates (the plane of the 2-D targets); for d > 2 the
 * panel says so. Image-shaped data (a point-cloud target whose d is a square, 28 x 28 for MNIST) is drawn as
 * pictures instead: the final particles (up to 100) on the target's gray scale, each beside its nearest target
 * image by cosine distance (the digit it counts for in "digits hit"), so collapse shows as repeated digits. Reads config.resolved.json, trajectory.json and metrics.csv; writes DIR/run.svg unless
 * --out names another file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../model/config.ts';
import { buildTarget } from '../model/targets.ts';
import { formatError } from '../errors.ts';
import { renderSvg, type VlSpec } from '../plot/svg.ts';
import { grayPngDataUrl, toGray } from '../plot/png.ts';
import { isPointCloud, nearestTargets } from '../experiments/metrics.ts';
import type { Target } from '../model/targets.ts';
import { EXIT, UsageError, prepareOutFile, writeAtomic } from './io.ts';

const need = (dir: string, name: string): string => {
  const p = join(dir, name);
  if (!existsSync(p)) throw new UsageError(`egan plot: ${p} not found; expected the --out folder of egan run (config.resolved.json, trajectory.json, metrics.csv)`);
  return readFileSync(p, 'utf8');
};

const parseCsv = (text: string): Record<string, number | null>[] => {
  const [head, ...rows] = text.trim().split('\n');
  const cols = head.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, k) => [cols[k], v === '' ? null : Number(v)])));
};

/** Metric curves worth a panel, with their titles. */
const CURVES: [string, string][] = [
  ['meanGap', 'mean gap |mean(X) - mean(P)|'], ['mmd2', 'MMD²'], ['slicedW2', 'sliced W2'], ['collapseScore', 'collapse score'],
  ['modesCovered', 'modes covered'], ['digitsHit', 'digits hit'], ['entropyGap', 'entropy gap'], ['meanNearestDistance', 'mean nearest distance (cosine)'],
  ['thetaNorm', '|theta|'], ['criticValue', 'critic objective V'],
];

/** One picture per grid cell: { col, row, url, caption }. */
export interface ImageCell { readonly col: number; readonly row: number; readonly url: string; readonly caption: string }

const imageGrid = (title: string, cells: readonly ImageCell[], side: number): Record<string, unknown> => {
  const cols = Math.max(1, ...cells.map((c) => c.col + 1)), rows = Math.max(1, ...cells.map((c) => c.row + 1));
  const px = Math.max(side, 28) + 4;
  return {
    title, width: cols * px, height: rows * px, data: { values: cells },
    mark: { type: 'image', width: Math.max(side, 28), height: Math.max(side, 28) },
    encoding: {
      x: { field: 'col', type: 'ordinal', axis: null, scale: { domain: Array.from({ length: cols }, (_, k) => k) } },
      y: { field: 'row', type: 'ordinal', axis: null, scale: { domain: Array.from({ length: rows }, (_, k) => k) } },
      url: { field: 'url', type: 'nominal' }, tooltip: { field: 'caption', type: 'nominal' },
    },
  };
};

/**
 * Final particles of image-shaped data as pictures, and each particle's nearest target image (cosine), on the
 * target's gray scale; null when the data are not images (d not a square >= 64, or not a point cloud).
 */
export const particleImages = (target: Target, final: ArrayLike<number>, N: number, maxShown = 100): { side: number; particles: ImageCell[]; nearest: ImageCell[]; distinct: number } | null => {
  const d = target.d, side = Math.round(Math.sqrt(d));
  if (side * side !== d || d < 64 || !isPointCloud(target)) return null;
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < target.points.length; i++) { lo = Math.min(lo, target.points[i]); hi = Math.max(hi, target.points[i]); }
  // The same assignment as the "digits hit" metric: nearest distinct target image by cosine distance.
  const near = nearestTargets(final, N, target, 'cosine');
  const shown = Math.min(N, maxShown), cols = Math.min(10, shown);
  const particles: ImageCell[] = [], nearest: ImageCell[] = [];
  for (let i = 0; i < shown; i++) {
    const k = near.index[i];
    const cell = { col: i % cols, row: Math.floor(i / cols) };
    particles.push({ ...cell, url: grayPngDataUrl(side, side, toGray(Array.from({ length: d }, (_, c) => final[i * d + c]), lo, hi)), caption: `particle ${i}: nearest target ${k}, cosine distance ${near.distance[i].toFixed(3)}` });
    nearest.push({ ...cell, url: grayPngDataUrl(side, side, toGray(target.centres.subarray(k * d, (k + 1) * d), lo, hi)), caption: `target ${k}, nearest to particle ${i}` });
  }
  const distinct = new Set(near.index).size;
  return { side, particles, nearest, distinct };
};

/** The vega-lite spec of a run's picture (exported for tests and for users who restyle it). */
export const runPlotSpec = (o: {
  title: string; d: number; targets: number[][]; snapshots: { t: number; particles: number[][] }[]; metrics: Record<string, number | null>[];
  images?: { side: number; particles: ImageCell[]; nearest: ImageCell[]; distinct: number; t: number } | null;
}): VlSpec => {
  const label = (t: number) => `t = ${Number(t.toPrecision(4))}`;
  const cloud = [
    ...o.targets.map(([x, y]) => ({ x, y, what: 'target' })),
    ...o.snapshots.flatMap((s) => s.particles.map(([x, y]) => ({ x, y, what: `particles, ${label(s.t)}` }))),
  ];
  // For image data the ring-style mode metrics mean little (every image is its own "mode"): digits hit and the
  // entropy gap say it.
  const present = CURVES.filter(([k]) => !(o.images && (k === 'collapseScore' || k === 'modesCovered')) && o.metrics.some((r) => r[k] !== null && r[k] !== undefined));
  const curves = o.metrics.flatMap((r) => present.filter(([k]) => r[k] !== null && r[k] !== undefined).map(([k, name]) => ({ t: r.t, value: r[k], metric: name })));
  const metricsView = {
    data: { values: curves },
    facet: { field: 'metric', type: 'nominal', title: null, sort: present.map(([, n]) => n) },
    columns: 3,
    spec: { width: 160, height: 100, mark: { type: 'line', point: curves.length < 400 }, encoding: { x: { field: 't', type: 'quantitative' }, y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false } } } },
    resolve: { scale: { y: 'independent' } },
  };
  if (o.images) {
    const im = o.images;
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json', title: o.title,
      vconcat: [
        { hconcat: [
          imageGrid(`final particles at t = ${Number(im.t.toPrecision(4))} (${im.particles.length} shown)`, im.particles, im.side),
          imageGrid(`each one's nearest target image (cosine): ${im.distinct} distinct`, im.nearest, im.side),
        ] },
        metricsView,
      ],
    } as VlSpec;
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: o.title,
    hconcat: [
      {
        width: 320, height: 320, data: { values: cloud }, mark: { type: 'point', filled: true, size: 16, opacity: 0.8 },
        encoding: {
          x: { field: 'x', type: 'quantitative', title: o.d > 2 ? 'coordinate 1 (of d = ' + o.d + ')' : 'x', scale: { zero: false } },
          y: { field: 'y', type: 'quantitative', title: o.d > 2 ? 'coordinate 2' : 'y', scale: { zero: false } },
          color: { field: 'what', type: 'nominal', title: null, sort: ['target', ...o.snapshots.map((s) => `particles, ${label(s.t)}`)], legend: { orient: 'bottom', direction: 'vertical', labelLimit: 400 } },
          shape: { field: 'what', type: 'nominal', title: null, sort: ['target', ...o.snapshots.map((s) => `particles, ${label(s.t)}`)], legend: { orient: 'bottom', direction: 'vertical', labelLimit: 400 } },
        },
      },
      metricsView,
    ],
  } as VlSpec;
};

export const plotCommand = async (dir: string, opts: { out?: string }): Promise<number> => {
  const config = parseConfig(JSON.parse(need(dir, 'config.resolved.json')));
  if (config._tag === 'Left') throw new UsageError(`egan plot: ${join(dir, 'config.resolved.json')}: ${formatError(config.left)}`);
  const traj = JSON.parse(need(dir, 'trajectory.json')) as { t: number[]; u: number[][]; layout: { N: number; d: number } };
  const metrics = parseCsv(need(dir, 'metrics.csv'));
  const out = opts.out ?? join(dir, 'run.svg');
  prepareOutFile(out);
  const { N, d } = traj.layout;
  const target = buildTarget(config.right.target, config.right.seed);
  const targets: number[][] = [];
  const shown = Math.min(target.M, 2000);
  for (let m = 0; m < shown; m++) targets.push([target.points[m * target.d], target.d > 1 ? target.points[m * target.d + 1] : 0]);
  const at = [0, Math.floor((traj.t.length - 1) / 2), traj.t.length - 1].filter((k, i, a) => a.indexOf(k) === i);
  const snapshots = at.map((k) => ({ t: traj.t[k], particles: Array.from({ length: N }, (_, i) => [traj.u[k][i * d], d > 1 ? traj.u[k][i * d + 1] : 0]) }));
  const title = `${config.right.target.kind} target, N = ${N}, d = ${d}, ${config.right.critic.kind} critic${traj.t.length ? `, t = 0 to ${traj.t[traj.t.length - 1]}` : ''}`;
  const last = traj.t.length - 1;
  const pics = last >= 0 ? particleImages(target, traj.u[last].slice(0, N * d), N) : null;
  const images = pics ? { ...pics, t: traj.t[last] } : null;
  writeAtomic(out, await renderSvg(runPlotSpec({ title, d, targets, snapshots, metrics, images })));
  process.stderr.write(`wrote ${out}\n`);
  return EXIT.ok;
};
