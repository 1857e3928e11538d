/**
 * `egan plot <dir> [--out FILE]`: one SVG of a run written by `egan run --out DIR`: the particles at the
 * first, middle and last saved time over the target's points, and the metric curves of metrics.csv over
 * time. Particles are drawn in their first two coordinates (the plane of the 2-D targets); for d > 2 the
 * panel says so. Reads config.resolved.json, trajectory.json and metrics.csv; writes DIR/run.svg unless
 * --out names another file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../model/config.ts';
import { buildTarget } from '../model/targets.ts';
import { formatError } from '../errors.ts';
import { renderSvg, type VlSpec } from '../plot/svg.ts';
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

/** The vega-lite spec of a run's picture (exported for tests and for users who restyle it). */
export const runPlotSpec = (o: {
  title: string; d: number; targets: number[][]; snapshots: { t: number; particles: number[][] }[]; metrics: Record<string, number | null>[];
}): VlSpec => {
  const label = (t: number) => `t = ${Number(t.toPrecision(4))}`;
  const cloud = [
    ...o.targets.map(([x, y]) => ({ x, y, what: 'target' })),
    ...o.snapshots.flatMap((s) => s.particles.map(([x, y]) => ({ x, y, what: `particles, ${label(s.t)}` }))),
  ];
  const present = CURVES.filter(([k]) => o.metrics.some((r) => r[k] !== null && r[k] !== undefined));
  const curves = o.metrics.flatMap((r) => present.filter(([k]) => r[k] !== null && r[k] !== undefined).map(([k, name]) => ({ t: r.t, value: r[k], metric: name })));
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
      {
        data: { values: curves },
        facet: { field: 'metric', type: 'nominal', title: null, sort: present.map(([, n]) => n) },
        columns: 3,
        spec: { width: 160, height: 100, mark: { type: 'line', point: curves.length < 400 }, encoding: { x: { field: 't', type: 'quantitative' }, y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false } } } },
        resolve: { scale: { y: 'independent' } },
      },
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
  writeAtomic(out, await renderSvg(runPlotSpec({ title, d, targets, snapshots, metrics })));
  process.stderr.write(`wrote ${out}\n`);
  return EXIT.ok;
};
