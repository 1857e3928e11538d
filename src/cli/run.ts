/**
 * `egan run <config.json> [--json] [--out DIR] [--threads K]` (docs/model.md §8): integrate one
 * training run; --threads splits each right-hand side call over K threads
 * (same numbers for any K; worth it for large N, bench section 1).
 * With --out, writes config.resolved.json (every default
 * filled: feed it back to reproduce the run), result.json (the run's JSON),
 * final.json, metrics.json, metrics.csv (the observables at every saved time: t, mean gap, MMD², sliced W2,
 * collapse score, modes covered, critic value V, regularizer R, |theta|, and for a point-cloud target digits
 * hit, entropy gap and mean nearest distance), trajectory.json and trajectory.csv. A failed or
 * interrupted run keeps the trajectory up to its end time and is marked
 * "complete": false. Exit codes: 0 success, 1 solve failure, 2 bad input,
 * 130 interrupted.
 */
import { join } from 'node:path';
import type { Config } from '../model/config.ts';
import { makePool, type RunOutcome } from '../experiments/pool.ts';
import { runJson } from '../experiments/run.ts';
import { isPointCloud, metricsAt } from '../experiments/metrics.ts';
import { buildModel } from '../model/model.ts';
import { FAILURE_HELP } from '../ode/failure.ts';
import { EXIT, UsageError, loadConfig, prepareOutDir, parseInteger, toCsv, writeAtomic, writeJson } from './io.ts';
import { onInterrupt, progressBar } from './progress.ts';

export interface RunCliOptions { json?: boolean; out?: string; threads?: string; onCrawl?: string }

/** The --on-crawl option: "warn" (default) or "stop". */
export const parseOnCrawl = (v: string | undefined): 'warn' | 'stop' => {
  if (v === undefined || v === 'warn' || v === 'stop') return v ?? 'warn';
  throw new UsageError(`--on-crawl: got ${JSON.stringify(v)}; expected "warn" (go on, saying so at once) or "stop" (end the run with status crawl)`);
};

const fmt = (x: number | undefined) => (x === undefined ? '-' : Math.abs(x) >= 1e-3 && Math.abs(x) < 1e4 ? x.toPrecision(4) : x.toExponential(3));

export const humanRun = (r: RunOutcome, K: number): string => {
  const lines: string[] = [];
  const st = r.stats;
  lines.push(`status ${r.status} at t = ${fmt(r.t)}  (${st.steps} steps, ${st.rejected} rejected, ${st.rhsEvals} rhs calls${st.jacobians ? `, ${st.jacobians} Jacobians` : ''})`);
  if (r.status !== 'success') lines.push(`  ${(r as { message: string }).message}`, `  what it means: ${FAILURE_HELP[r.status]}`);
  const m = r.metrics;
  if (m) {
    if (m.digitsHit !== undefined) lines.push(`  digits hit ${m.digitsHit}/${K}   entropy gap ${fmt(m.entropyGap)} (log K = ${fmt(Math.log(K))})   mean nearest distance ${fmt(m.meanNearestDistance)} (cosine; Euclidean: ${m.digitsHitEuclidean} hit, ${fmt(m.meanNearestDistanceEuclidean)})`);
    lines.push(`  collapse score ${fmt(m.collapseScore)}   modes covered ${m.modesCovered}/${K}   quality ${fmt(m.quality)}`);
    lines.push(`  mean gap ${fmt(m.meanGap)}   MMD^2 ${fmt(m.mmd2)}   sliced W2 ${fmt(m.slicedW2)}`);
    lines.push(`  critic V ${fmt(m.criticValue)}   R ${fmt(m.regularizer)}   |grad D| mean ${fmt(m.gradNormMean)} max ${fmt(m.gradNormMax)}   |theta| ${fmt(m.thetaNorm)}`);
  }
  for (const w of r.warnings) lines.push(`warning: ${w.message}`);
  return lines.join('\n');
};

/** Write a run's files into dir (atomically, file by file). */
export const writeRunOutput = (dir: string, config: Config, r: RunOutcome): void => {
  const complete = r.status === 'success';
  writeJson(dir, 'config.resolved.json', config);
  writeJson(dir, 'result.json', { ...runJson(r), complete });
  writeJson(dir, 'final.json', { t: r.t, ...r.final, complete });
  if (r.metrics) writeJson(dir, 'metrics.json', r.metrics);
  const N = config.particles.n;
  const d = r.final.particles[0]?.length ?? 0;
  const traj = r.trajectory;
  writeJson(dir, 'trajectory.json', { complete, t: traj.t, u: traj.u.map((u) => Array.from(u)), layout: { N, d, p: r.final.theta.length } });
  const header = ['t', ...Array.from({ length: N * d }, (_, k) => `x${Math.floor(k / d)}_${k % d}`), ...r.final.theta.map((_, k) => `theta${k}`)];
  writeAtomic(join(dir, 'trajectory.csv'), toCsv(header, traj.t.map((t, i) => [t, ...Array.from(traj.u[i])])));
  writeAtomic(join(dir, 'metrics.csv'), metricsCsv(config, traj));
};

const METRIC_COLUMNS = ['meanGap', 'mmd2', 'slicedW2', 'collapseScore', 'modesCovered', 'criticValue', 'regularizer', 'thetaNorm'] as const;
const CLOUD_COLUMNS = ['digitsHit', 'entropyGap', 'meanNearestDistance'] as const;

/** The observables at every saved time of a trajectory (states in the effective layout: particles then theta). */
export const metricsCsv = (config: Config, traj: { t: readonly number[]; u: readonly Float64Array[] }): string => {
  const m = buildModel(config);
  const cols: string[] = [...METRIC_COLUMNS, ...(isPointCloud(m.target) ? CLOUD_COLUMNS : [])];
  const rows = traj.t.map((t, i) => {
    const u = traj.u[i];
    if (!u.every(Number.isFinite)) return [t, ...cols.map(() => null)];
    const mt = metricsAt(m, u) as unknown as Record<string, number>;
    return [t, ...cols.map((c) => mt[c])];
  });
  return toCsv(['t', ...cols], rows);
};

export const runCommand = async (file: string, opts: RunCliOptions): Promise<number> => {
  const config = loadConfig(file);
  if (opts.out) prepareOutDir(opts.out);
  const threads = opts.threads ? parseInteger('--threads', opts.threads, 1) : 1;
  const onCrawl = parseOnCrawl(opts.onCrawl);
  const pool = makePool(1);
  const bar = progressBar(config.t1, 'egan run');
  let signalled = false;
  const off = onInterrupt(() => { signalled = true; pool.interrupt(); });
  let r: RunOutcome;
  try {
    r = await pool.run(config, {
      onProgress: (t) => bar.update(Math.min(t, config.t1)), threads, onCrawl,
      // Said at once, not after the run: a crawl can take minutes to finish.
      onWarning: (w) => process.stderr.write(`\negan run: warning: ${w.message}${onCrawl === 'warn' ? ' (--on-crawl stop ends such a run at once)' : ''}\n`),
    });
  } finally {
    bar.stop();
    off();
    await pool.close();
  }
  if (opts.out) writeRunOutput(opts.out, config, r);
  if (opts.json) process.stdout.write(JSON.stringify(runJson(r)) + '\n');
  else process.stdout.write(humanRun(r, r.metrics ? Math.max(r.metrics.occupancy.length, 1) : 0) + '\n');
  if (opts.out) process.stderr.write(`wrote ${opts.out}/{result,final,metrics,trajectory}.json, metrics.csv, trajectory.csv, config.resolved.json\n`);
  if (r.status === 'success') return EXIT.ok;
  if (r.status === 'interrupted' || signalled) return EXIT.interrupted;
  return EXIT.solveFailure;
};
