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
 * "complete": false (an interrupted run's metrics.csv is kept short: metricsRows). Exit codes: 0 success, 1 solve failure, 2 bad input,
 * 130 interrupted.
 */
import { join } from 'node:path';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statfsSync, writeSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import { canCheckpoint, checkpointFor, readCheckpoint, CHECKPOINT_FILE, CHECKPOINT_SECONDS } from '../experiments/checkpoint.ts';
import { estimateResources, formatBytes } from '../model/resources.ts';
import type { Config } from '../model/config.ts';
import { makePool, type RunOutcome } from '../experiments/pool.ts';
import { runJson } from '../experiments/run.ts';
import { isPointCloud, metricsAt, MMD_MAX_POINTS, SLICED_PROJECTIONS } from '../experiments/metrics.ts';
import { buildModel } from '../model/model.ts';
import { FAILURE_HELP } from '../ode/failure.ts';
import { EXIT, UsageError, loadConfig, prepareOutDir, parseInteger, parseNumber, processAlive, toCsv, writeAtomic, writeJson } from './io.ts';
import { onInterrupt, progressBar } from './progress.ts';

export interface RunCliOptions { json?: boolean; out?: string; threads?: string; onCrawl?: string; resume?: boolean; checkpointEvery?: string }

/** --checkpoint-every: seconds > 0 (default CHECKPOINT_SECONDS). */
export const parseCheckpointEvery = (s: string | undefined): number => {
  if (s === undefined) return CHECKPOINT_SECONDS;
  const v = parseNumber('--checkpoint-every', s);
  if (!(v > 0)) throw new UsageError(`--checkpoint-every: got ${s}; expected a number of seconds > 0`);
  return v;
};

/** The --on-crawl option: "warn" (default) or "stop". */
export const parseOnCrawl = (v: string | undefined): 'warn' | 'stop' => {
  if (v === undefined || v === 'warn' || v === 'stop') return v ?? 'warn';
  throw new UsageError(`--on-crawl: got ${JSON.stringify(v)}; expected "warn" (go on, saying so at once) or "stop" (end the run with status crawl)`);
};

const fmt = (x: number | undefined) => (x === undefined ? '-' : Math.abs(x) >= 1e-3 && Math.abs(x) < 1e4 ? x.toPrecision(4) : x.toExponential(3));

export const humanRun = (r: RunOutcome, K: number): string => {
  const lines: string[] = [];
  const st = r.stats;
  lines.push(`status ${r.status} at t = ${fmt(r.t)}  (${st.steps} steps, ${st.rejected} rejected, ${st.rhsEvals} rhs calls${st.jacobians ? `, ${st.jacobians} Jacobians${st.jacobianCost ? ` (~${Math.round(st.jacobianCost).toLocaleString('en-US')} rhs-equivalents)` : ''}, ${st.factorizations} LU factorizations` : ''})`);
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

/** The files a run writes into its --out folder (and `egan plot` adds run.svg). */
export const RUN_FILES = ['config.resolved.json', 'result.json', 'final.json', 'metrics.json', 'metrics.csv', 'trajectory.json', 'trajectory.csv', 'run.svg'] as const;
const PARTIAL = /^\.egan-partial-(\d+)$/;
/** A checkpoint's temporary file (writeAtomic), left by a process killed while writing it. */
const CHECKPOINT_TMP = new RegExp(`^${CHECKPOINT_FILE.replace('.', '\\.')}\\.tmp-(\\d+)$`);

/**
 * Check a run's --out folder before solving: writable, and empty or holding a previous run's files (which this
 * run replaces together, never mixing with them); partial folders left by killed runs are removed.
 */
export const prepareRunDir = (dir: string): string => {
  const abs = prepareOutDir(dir);
  for (const f of readdirSync(abs)) {
    const m = PARTIAL.exec(f) ?? CHECKPOINT_TMP.exec(f);
    if (m && !processAlive(Number(m[1]))) rmSync(join(abs, f), { recursive: true, force: true });
  }
  const others = readdirSync(abs).filter((f) => !(RUN_FILES as readonly string[]).includes(f) && f !== CHECKPOINT_FILE && !CHECKPOINT_TMP.test(f) && !f.startsWith('.egan-'));
  if (others.length) throw new UsageError(`--out ${dir}: holds files that are not an egan run's (${others.slice(0, 3).join(', ')}${others.length > 3 ? ', ...' : ''}); expected an empty folder or a previous run's folder, whose files the new run replaces`);
  return abs;
};

/**
 * The disk a run's --out will take, mostly trajectory.json and trajectory.csv (saveAt.n states of N d + p
 * numbers, ~21 characters each in each file): refused at once when over the free space of the folder's file
 * system, said on stderr when over a gigabyte.
 */
export const checkOutputSize = (dir: string, config: Config): void => {
  const est = estimateResources(config);
  const bytes = 2 * 21 * config.saveAt.n * est.n;
  let free = Infinity;
  try { const s = statfsSync(dir); free = s.bavail * s.bsize; } catch { /* no statfs here: no check */ }
  if (bytes > free) throw new UsageError(`--out ${dir}: the trajectory of saveAt.n = ${config.saveAt.n} states of ${est.n} numbers needs ~${formatBytes(bytes)} on disk and the folder's file system has ${formatBytes(free)} free; expected fewer saved times (saveAt.n) or another folder`);
  if (bytes > 2 ** 30) process.stderr.write(`egan run: --out will hold ~${formatBytes(bytes)} (trajectory.json and trajectory.csv: ${config.saveAt.n} saved states of ${est.n} numbers)\n`);
};

/** Stream rows into a file in blocks (a large trajectory is never one string). */
const streamRows = (path: string, head: string, rows: number, row: (i: number) => string, sep: string, tail: string) => {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, head);
    let block: string[] = [];
    for (let i = 0; i < rows; i++) {
      block.push(row(i));
      if (block.length === 256 || i === rows - 1) { writeSync(fd, block.join(sep) + (i === rows - 1 ? '' : sep)); block = []; }
    }
    writeSync(fd, tail);
  } finally { closeSync(fd); }
};

/**
 * Write a run's files into dir, all or nothing: everything is written into dir/.egan-partial-PID first; then the
 * previous run's files are removed and the new ones moved in, result.json last, so a folder with result.json
 * holds exactly one run, and a run killed on the way leaves no result.json (and its partial folder is removed
 * by the next run there).
 */
export const writeRunOutput = (dir: string, config: Config, r: RunOutcome): void => {
  const tmp = join(dir, `.egan-partial-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  try {
    const complete = r.status === 'success';
    writeJson(tmp, 'config.resolved.json', config);
    writeJson(tmp, 'final.json', { t: r.t, ...r.final, complete });
    if (r.metrics) writeJson(tmp, 'metrics.json', r.metrics);
    const N = config.particles.n;
    const d = r.final.particles[0]?.length ?? 0;
    const traj = r.trajectory;
    const p = r.final.theta.length;
    streamRows(join(tmp, 'trajectory.json'), `{"complete":${complete},"layout":${JSON.stringify({ N, d, p })},"t":${JSON.stringify(traj.t)},"u":[`,
      traj.u.length, (i) => JSON.stringify(Array.from(traj.u[i])), ',', ']}\n');
    const header = ['t', ...Array.from({ length: N * d }, (_, k) => `x${Math.floor(k / d)}_${k % d}`), ...r.final.theta.map((_, k) => `theta${k}`)];
    streamRows(join(tmp, 'trajectory.csv'), header.join(',') + '\n', traj.t.length, (i) => [traj.t[i], ...Array.from(traj.u[i])].join(','), '\n', traj.t.length ? '\n' : '');
    const { csv, rows } = metricsCsv(config, traj, r.status === 'interrupted');
    writeAtomic(join(tmp, 'metrics.csv'), csv);
    if (r.status === 'interrupted' && rows < traj.t.length) process.stderr.write(`egan run: metrics.csv holds ${rows} of the ${traj.t.length} saved times (an interrupted run's metrics are kept short so that its files are written at once; trajectory.csv has every saved state, and a run resumed to its end writes them all)\n`);
    writeJson(tmp, 'result.json', { ...runJson(r), complete });
    for (const f of RUN_FILES) rmSync(join(dir, f), { force: true });
    for (const f of readdirSync(tmp).sort((a, b) => (a === 'result.json' ? 1 : b === 'result.json' ? -1 : 0))) renameSync(join(tmp, f), join(dir, f));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
};

const METRIC_COLUMNS = ['meanGap', 'mmd2', 'slicedW2', 'collapseScore', 'modesCovered', 'criticValue', 'regularizer', 'thetaNorm'] as const;
const CLOUD_COLUMNS = ['digitsHit', 'entropyGap', 'meanNearestDistance'] as const;

/** Most rows of metrics.csv: beyond, every k-th saved time (and the last). */
export const METRICS_ROWS = 1001;

/** Work budget of metrics.csv, in the units of metricsRowCost (~20 s on the bench machine). */
export const METRICS_BUDGET = 2e9;

/**
 * The work of one metrics row, in pair-distance coordinates: MMD² over min(N, MMD_MAX_POINTS) x min(M,
 * MMD_MAX_POINTS) points (three double sums) and SLICED_PROJECTIONS sorted projections of N + M points, each
 * over d coordinates.
 */
export const metricsRowCost = (N: number, M: number, d: number): number => {
  const n = Math.min(N, MMD_MAX_POINTS), m = Math.min(M, MMD_MAX_POINTS);
  return d * (n * n + m * m + n * m) + SLICED_PROJECTIONS * (N + M) * (d + Math.log2(N + M + 1));
};

/**
 * Work budget of an interrupted run's metrics.csv (~0.2 s on the bench machine), so that its files are written
 * within a second of the signal; a run resumed to its end writes the full metrics.csv.
 */
export const METRICS_BUDGET_INTERRUPTED = METRICS_BUDGET / 100;

/**
 * How many rows metrics.csv gets for `len` saved times: all of them up to METRICS_ROWS and within the budget
 * (METRICS_BUDGET, or METRICS_BUDGET_INTERRUPTED for an interrupted run), else fewer, evenly strided: at least
 * 11 for a run that ended by itself, at least 2 (the first and last saved times) for an interrupted one.
 * Deterministic: the sizes and the run's status decide, not the clock.
 */
export const metricsRows = (len: number, N: number, M: number, d: number, interrupted = false): number =>
  Math.min(len, METRICS_ROWS, Math.max(interrupted ? 2 : 11, Math.floor((interrupted ? METRICS_BUDGET_INTERRUPTED : METRICS_BUDGET) / metricsRowCost(N, M, d))));

/**
 * The observables at the saved times of a trajectory (states in the effective layout: particles then theta):
 * every saved time while metricsRows allows, else every k-th with k = ceil((len - 1) / (rows - 1)), always
 * including the last (its row equals metrics.json). Each row is a full metrics evaluation, so saveAt.n = 1e6,
 * or 1,000 saved states of 30,000 particles, would take an hour here; trajectory.csv keeps every saved state.
 * Returns the CSV text and its number of rows.
 */
export const metricsCsv = (config: Config, traj: { t: readonly number[]; u: readonly Float64Array[] }, interrupted = false): { csv: string; rows: number } => {
  const m = buildModel(config);
  const cols: string[] = [...METRIC_COLUMNS, ...(isPointCloud(m.target) ? CLOUD_COLUMNS : [])];
  const len = traj.t.length;
  const nRows = metricsRows(len, m.N, m.M, m.d, interrupted);
  const k = len <= nRows ? 1 : Math.ceil((len - 1) / (nRows - 1));
  const picked = Array.from({ length: len }, (_, i) => i).filter((i) => i % k === 0 || i === len - 1);
  const rows = picked.map((i) => {
    const t = traj.t[i];
    const u = traj.u[i];
    if (!u.every(Number.isFinite)) return [t, ...cols.map(() => null)];
    const mt = metricsAt(m, u) as unknown as Record<string, number>;
    return [t, ...cols.map((c) => mt[c])];
  });
  return { csv: toCsv(['t', ...cols], rows), rows: rows.length };
};

/**
 * The checkpoint settings of `egan run --out DIR`: checkpoints in DIR/checkpoint.egan for a fixed-step solver;
 * with --resume, the run goes on from the one there. Refuses --resume without --out, --resume with an
 * error-controlled solver or with a checkpoint of another config, and (without --resume) a folder holding the
 * checkpoint of this config's unfinished run, which starting over would throw away; another config's checkpoint
 * is replaced with the rest of that run's files, and said so.
 */
export const runCheckpoint = (config: ReturnType<typeof loadConfig>, opts: RunCliOptions) => {
  const every = parseCheckpointEvery(opts.checkpointEvery);
  if (!opts.out) {
    if (opts.resume) throw new UsageError('--resume: goes on from the checkpoint in the --out folder of the interrupted run; expected --out DIR');
    return undefined;
  }
  const path = join(opts.out, CHECKPOINT_FILE);
  if (opts.resume && !canCheckpoint(config)) throw new UsageError(`--resume: the solver ${config.solver.method} keeps no checkpoints (its step-size control and stages are not captured); expected a fixed-step solver, rk4 or euler`);
  let found = readCheckpoint(path, config);
  if (found && !opts.resume) {
    // This config's unfinished run is not thrown away unasked; another config's checkpoint goes with the rest of
    // that run's files, which this run replaces.
    if (E.isRight(found)) throw new UsageError(`--out ${opts.out}: holds the checkpoint of an unfinished run of this config (t = ${found.right.t} of ${config.t1}), ${path}; pass --resume to go on from it, or delete it to start over`);
    process.stderr.write(`egan run: removing ${path}, the checkpoint of another run (${found.left}): this run replaces that run's files\n`);
    rmSync(path, { force: true });
    found = undefined;
  }
  if (found && E.isLeft(found)) throw new UsageError(`--resume: ${path}: ${found.left}; expected the checkpoint of a run of this config (delete it to start over)`);
  if (opts.resume && !found) process.stderr.write(`egan run: no checkpoint in ${opts.out}; starting at t = 0\n`);
  if (found && E.isRight(found)) process.stderr.write(`egan run: going on from the checkpoint at t = ${found.right.t} (${found.right.stats.steps} steps done)\n`);
  return checkpointFor(config, path, every, found && E.isRight(found) ? found.right : undefined);
};

export const runCommand = async (file: string, opts: RunCliOptions): Promise<number> => {
  const config = loadConfig(file);
  if (opts.out) { prepareRunDir(opts.out); checkOutputSize(opts.out, config); }
  const threads = opts.threads ? parseInteger('--threads', opts.threads, 1) : 1;
  const onCrawl = parseOnCrawl(opts.onCrawl);
  const checkpoint = runCheckpoint(config, opts);
  const pool = makePool(1);
  const bar = progressBar(config.t1, 'egan run');
  // A resumed run starts at its checkpoint's time (the ETA counts only what this process does).
  if (checkpoint?.resume) bar.update(checkpoint.resume.t);
  let signalled = false;
  const off = onInterrupt(() => { signalled = true; pool.interrupt(); });
  let r: RunOutcome;
  try {
    r = await pool.run(config, {
      onProgress: (t) => bar.update(Math.min(t, config.t1)), threads, onCrawl, ...(checkpoint ? { checkpoint } : {}),
      // Said for large clouds, whose metrics take seconds (MMD² on up to 4,096 points a side, 64 sorted projections).
      onMetrics: () => { if (config.particles.n + ('samples' in config.target ? config.target.samples : 0) > 20_000) process.stderr.write(`egan run: reached t1 = ${config.t1}; computing the metrics of ${config.particles.n} particles\n`); },
      // Said at once, not after the run: a crawl can take minutes to finish.
      onWarning: (w) => process.stderr.write(`\negan run: warning: ${w.message}${onCrawl === 'warn' ? ' (--on-crawl stop ends such a run at once)' : ''}\n`),
    });
  } finally {
    bar.stop();
    off();
    await pool.close();
  }
  if (opts.out) writeRunOutput(opts.out, config, r);
  // A finished run (or one that failed for good) needs its checkpoint no more; an interrupted one goes on from it.
  if (checkpoint && r.status !== 'interrupted') rmSync(checkpoint.path, { force: true });
  if (opts.json) process.stdout.write(JSON.stringify(runJson(r)) + '\n');
  else process.stdout.write(humanRun(r, r.metrics ? Math.max(r.metrics.occupancy.length, 1) : 0) + '\n');
  if (opts.out) process.stderr.write(`wrote ${opts.out}/{result,final,metrics,trajectory}.json, metrics.csv, trajectory.csv, config.resolved.json\n`);
  if (checkpoint && r.status === 'interrupted' && existsSync(checkpoint.path)) {
    const c = readCheckpoint(checkpoint.path, config);
    process.stderr.write(`egan run: checkpoint${c && E.isRight(c) ? ` at t = ${c.right.t}` : ''} in ${checkpoint.path}; \`egan run ${file} --out ${opts.out} --resume\` goes on from it\n`);
  }
  if (r.status === 'success') return EXIT.ok;
  if (r.status === 'interrupted' || signalled) return EXIT.interrupted;
  return EXIT.solveFailure;
};
