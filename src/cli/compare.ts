/**
 * `egan compare CONFIG [--json] [--out DIR]`: the real generator of a config against the effective model with
 * its empirical NTK (a matrix kernel) and with the two-point fit, from the same particles and critic
 * (experiments/compare.ts). Prints the kernel fit, the trajectory distance over time, the final metrics and
 * the collective-mode damping of the three; --out writes compare.json, compare.csv and compare.svg (the
 * particles of the three runs at t1 and the curves over time).
 */
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { compareGenerator, type CompareResult, type CompareRunName } from '../experiments/compare.ts';
import { buildTarget } from '../model/targets.ts';
import { formatConfigError } from '../model/config.ts';
import { EXIT, UsageError, loadConfig, prepareOutDir, toCsv, writeAtomic, writeJson } from './io.ts';
import { onInterrupt, progressBar } from './progress.ts';

const NAMES: Record<CompareRunName, string> = { real: 'real generator', ntk: 'effective, empirical NTK', twoPoint: 'effective, two-point fit' };
const f = (x: number) => (Math.abs(x) >= 1e-3 && Math.abs(x) < 1e4 ? x.toPrecision(4) : x.toExponential(3));

const summary = (r: CompareResult) => ({
  times: r.times, scale: r.scale, kernel: r.kernel, distance: r.distance,
  runs: Object.fromEntries((Object.keys(r.runs) as CompareRunName[]).map((k) => [k, { status: r.runs[k].status, damping: r.runs[k].damping, metrics: r.runs[k].metrics }])),
});

/** One colour per run in every panel; the real generator drawn as larger hollow circles, so that an effective run on top of it shows. */
const COLOR = { domain: ['real generator', 'effective, empirical NTK', 'effective, two-point fit', 'target'], range: ['#000000', '#1f77b4', '#ff7f0e', '#bbbbbb'] };

/** The figure: the three runs' particles at t1 over the target; their distance to the real run; everyone's MMD² over time. */
export const compareFigure = async (r: CompareResult, targetPoints: Float64Array, d: number): Promise<string> => {
  const { renderSvg } = await import('../plot/svg.ts');
  const pts: Record<string, unknown>[] = [];
  for (let j = 0; j < targetPoints.length / d; j++) pts.push({ run: 'target', x: targetPoints[j * d], y: d > 1 ? targetPoints[j * d + 1] : 0 });
  for (const k of ['ntk', 'twoPoint', 'real'] as const) {
    const X = r.runs[k].particles[r.runs[k].particles.length - 1];
    for (let i = 0; i < X.length / d; i++) pts.push({ run: NAMES[k], x: X[i * d], y: d > 1 ? X[i * d + 1] : 0 });
  }
  const dist: Record<string, unknown>[] = [], mmd: Record<string, unknown>[] = [];
  r.times.forEach((t, k) => {
    dist.push({ t, value: r.distance.ntk[k], run: NAMES.ntk }, { t, value: r.distance.twoPoint[k], run: NAMES.twoPoint });
    for (const n of ['real', 'ntk', 'twoPoint'] as const) mmd.push({ t, value: r.runs[n].metrics[k].mmd2, run: NAMES[n] });
  });
  const color = { field: 'run', type: 'nominal', title: null, scale: COLOR, legend: { orient: 'bottom', columns: 2, labelLimit: 300 } };
  return renderSvg({
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    hconcat: [
      { title: `Particles at t1 = ${r.times[r.times.length - 1]}`, width: 260, height: 260, data: { values: pts }, mark: { type: 'point', opacity: 0.9 },
        encoding: {
          x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, color,
          size: { condition: { test: "datum.run === 'real generator'", value: 90 }, value: 22 },
          fill: { condition: { test: "datum.run === 'real generator'", value: 'transparent' }, field: 'run', type: 'nominal', scale: COLOR, title: null, legend: { orient: 'bottom', columns: 2, labelLimit: 300 } },
        } },
      { title: 'Distance to the real run (/ target scale)', width: 240, height: 260, data: { values: dist }, mark: { type: 'line', point: true },
        encoding: { x: { field: 't', type: 'quantitative' }, y: { field: 'value', type: 'quantitative', title: 'mean |x_real - x_eff| / scale' }, color } },
      { title: 'MMD² to the target', width: 240, height: 260, data: { values: mmd }, mark: { type: 'line', point: true },
        encoding: { x: { field: 't', type: 'quantitative' }, y: { field: 'value', type: 'quantitative', scale: { type: 'log' }, title: 'MMD²' }, color,
          strokeDash: { condition: { test: "datum.run === 'real generator'", value: [6, 3] }, value: [1, 0] }, strokeWidth: { condition: { test: "datum.run === 'real generator'", value: 3 }, value: 1.5 } } },
    ],
  } as never);
};

export const compareCommand = async (file: string, opts: { json?: boolean; out?: string }): Promise<number> => {
  const config = loadConfig(file);
  if (opts.out) prepareOutDir(opts.out);
  if (!config.generator) throw new UsageError(`${file}: egan compare needs a generator (config.generator: { "kind": "mlp", "latentDim": ..., "hidden": [...] })`);
  const signal = { aborted: false };
  const off = onInterrupt(() => { signal.aborted = true; });
  const bar = progressBar(3 * config.t1, 'egan compare');
  const offset: Record<CompareRunName, number> = { real: 0, ntk: config.t1, twoPoint: 2 * config.t1 };
  let r: ReturnType<typeof compareGenerator>;
  try {
    r = compareGenerator(config, { signal, onProgress: (run, t) => bar.update(offset[run] + t) });
  } finally {
    bar.stop();
    off();
  }
  if (E.isLeft(r)) {
    const e = r.left;
    if (!('run' in e)) throw new UsageError(`${file}: ${formatConfigError(e)}`);
    process.stderr.write(`egan compare: the ${NAMES[e.run]} run stopped: ${e.status} at t = ${e.t}: ${e.message}\n`);
    return e.status === 'interrupted' ? EXIT.interrupted : EXIT.solveFailure;
  }
  const c = r.right;
  if (opts.out) {
    writeJson(opts.out, 'compare.json', summary(c));
    const header = ['t', 'distanceNtk', 'distanceTwoPoint', ...(['real', 'ntk', 'twoPoint'] as const).flatMap((k) => [`${k}MeanGap`, `${k}Mmd2`, `${k}CollapseScore`, `${k}ModesCovered`])];
    writeAtomic(join(opts.out, 'compare.csv'), toCsv(header, c.times.map((t, k) => [t, c.distance.ntk[k], c.distance.twoPoint[k], ...(['real', 'ntk', 'twoPoint'] as const).flatMap((n) => { const m = c.runs[n].metrics[k]; return [m.meanGap, m.mmd2, m.collapseScore, m.modesCovered]; })])));
    const target = buildTarget(config.target, config.seed);
    writeAtomic(join(opts.out, 'compare.svg'), await compareFigure(c, target.points, target.d));
  }
  if (opts.json) { process.stdout.write(JSON.stringify(summary(c)) + '\n'); return EXIT.ok; }
  const last = c.times.length - 1;
  const lines = [
    `empirical NTK at initialization: two-point fit g1 = ${f(c.kernel.g1)}, g2 = ${f(c.kernel.g2)} (g2/g1 = ${f(c.kernel.g2 / c.kernel.g1)}), residual ${f(c.kernel.residual)}`,
    `trajectory distance to the real generator (mean |x_real - x_eff| / target scale ${f(c.scale)}), at t = ${c.times.map(f).join(', ')}:`,
    `  empirical NTK:  ${c.distance.ntk.map(f).join(', ')}`,
    `  two-point fit:  ${c.distance.twoPoint.map(f).join(', ')}`,
    `at t1 = ${f(c.times[last])}:`,
  ];
  for (const k of ['real', 'ntk', 'twoPoint'] as const) {
    const m = c.runs[k].metrics[last], dmp = c.runs[k].damping;
    lines.push(`  ${NAMES[k].padEnd(26)} mean gap ${f(m.meanGap)}   MMD^2 ${f(m.mmd2)}   collapse ${f(m.collapseScore)}   modes ${m.modesCovered}   collective damping: ${'error' in dmp ? `n/a (${dmp.error})` : `alpha ${f(dmp.alpha)}, zeta ${f(dmp.zeta)}`}`);
  }
  lines.push('(the real generator\'s damping: the effective model with the NTK of its final parameters, its particle dynamics at an equilibrium)');
  if (opts.out) lines.push(`wrote ${join(opts.out, 'compare.{json,csv,svg}')}`);
  process.stdout.write(lines.join('\n') + '\n');
  return EXIT.ok;
};
