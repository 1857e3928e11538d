/**
 * `egan sweep <sweep.json> [--workers K] [--shard I/N] [--resume] [--out DIR]`
 * and `egan merge <dir...> --out DIR [--sweep sweep.json]`.
 *
 * Each finished cell is appended to DIR/results.jsonl as one line, flushed at
 * once (appendFileSync); cells stopped by SIGINT/SIGTERM are not recorded, so
 * `--resume` redoes exactly them, each fixed-step cell (rk4, euler) going on from the checkpoint it writes
 * into DIR/.egan-checkpoints every --checkpoint-every seconds and when interrupted (experiments/checkpoint.ts:
 * the same numbers as an uninterrupted cell; a sweep killed outright loses at most that much of each running
 * cell). A cell whose solve fails is recorded with
 * its failure status and the sweep goes on; so is a cell whose worker dies
 * (status "crashed", with the cause; the pool starts a new worker), which
 * `--resume` redoes. At the end (also after an
 * interruption) DIR/cells.csv holds cells x observables and DIR/summary.json
 * says whether the sweep is complete.
 */
import { appendFileSync, closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { checkpointFor, readCheckpoint, type RunCheckpoint } from '../experiments/checkpoint.ts';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { resolveDataPaths } from '../model/config.ts';
import * as E from 'fp-ts/lib/Either.js';
import { aggregate, expandSweep, parseSweep, readResults, shardCells, type Cell, type ResultLine, type SweepSpec } from '../experiments/sweep.ts';
import { makePool, WorkerCrash, type RunOutcome } from '../experiments/pool.ts';
import { EXIT, UsageError, readJsonFile, toCsv, writeAtomic, writeJson, parseWorkers, prepareOutDir, processAlive } from './io.ts';
import { cellProgress, onInterrupt, progressBar } from './progress.ts';
import { parseCheckpointEvery, parseOnCrawl } from './run.ts';

/** Where a sweep keeps the checkpoints of its running fixed-step cells (one file per cell key, removed when the cell is recorded). */
export const CHECKPOINT_DIR = '.egan-checkpoints';
/** The keys of the cells whose checkpoints are in the folder (their files are KEY.egan). */
const cellCheckpoints = (dir: string): string[] => {
  try { return readdirSync(join(dir, CHECKPOINT_DIR)).filter((f) => f.endsWith('.egan')).map((f) => f.slice(0, -'.egan'.length)); } catch { return []; }
};

/**
 * An output folder belongs to one sweep process at a time: DIR/.egan-sweep.lock holds the pid of the sweep
 * writing there, created exclusively; a second sweep refuses at once, naming that pid. A lock left by a
 * process that no longer runs (kill -9) is taken over, and said so. Returns the release function.
 */
export const lockSweepDir = (dir: string): (() => void) => {
  const path = join(dir, '.egan-sweep.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => { try { if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path); } catch { /* already gone */ } };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(path, 'utf8').trim());
      if (processAlive(pid) && pid !== process.pid) throw new UsageError(`--out ${dir}: another egan sweep (pid ${pid}) is writing there; expected a folder no running sweep uses (wait for it, or choose another --out)`);
      process.stderr.write(`egan sweep: ${path} was left by process ${pid}, which no longer runs; taking it over\n`);
      unlinkSync(path);
    }
  }
  throw new UsageError(`--out ${dir}: could not take the folder's lock (${path})`);
};

/** Status of a cell whose worker died (pool.ts); not a solver failure code, and redone by --resume. */
export const CRASHED = 'crashed';

export const loadSweep = (file: string): { spec: SweepSpec; cells: Cell[] } => {
  const json = readJsonFile(file, 'sweep') as Record<string, unknown>;
  // Data files named in the base config are relative to the sweep file's folder.
  const spec = parseSweep(json !== null && typeof json === 'object' && 'base' in json ? { ...json, base: resolveDataPaths(json.base, dirname(resolvePath(file))) } : json);
  if (E.isLeft(spec)) throw new UsageError(`${file}: ${spec.left.message}`);
  const cells = expandSweep(spec.right);
  if (E.isLeft(cells)) throw new UsageError(`${file}: ${cells.left.message}`);
  return { spec: spec.right, cells: cells.right };
};

const parseShard = (s: string): [number, number] => {
  const m = /^(\d+)\/(\d+)$/.exec(s);
  if (!m || +m[1] < 1 || +m[1] > +m[2]) throw new UsageError(`--shard: got ${JSON.stringify(s)}; expected I/N with 1 <= I <= N`);
  return [+m[1], +m[2]];
};

export const resultLine = (cell: Cell, r: RunOutcome): ResultLine => ({
  key: cell.key, index: cell.index, assignment: cell.assignment, seed: cell.config.seed,
  status: r.status, t: r.t,
  ...(r.status !== 'success' ? { message: (r as { message: string }).message } : {}),
  stats: { steps: r.stats.steps, rejected: r.stats.rejected, rhsEvals: r.stats.rhsEvals },
  ...(r.metrics ? { metrics: r.metrics as unknown as Record<string, number | number[]> } : {}),
  ...('tauEps' in r && r.tauEps !== undefined ? { tauEps: r.tauEps } : {}),
  // The run's warnings (a crawling solver at relu kinks, stiffness, unbounded critic growth), when it has any.
  ...(r.warnings.length ? { warnings: r.warnings } : {}),
});

/** The line of a cell whose worker died: status "crashed", the cause, the last time it reported (t0 if none); --resume redoes it. */
export const crashLine = (cell: Cell, e: WorkerCrash): ResultLine => ({
  key: cell.key, index: cell.index, assignment: cell.assignment, seed: cell.config.seed,
  status: CRASHED, t: e.t ?? 0, message: e.message, stats: {},
});

export const writeAggregate = (dir: string, spec: SweepSpec, lines: readonly ResultLine[], extra: Record<string, unknown>, cells?: readonly Cell[]) => {
  const agg = aggregate(spec, lines, cells);
  writeAtomic(join(dir, 'cells.csv'), toCsv(agg.header, agg.rows));
  writeJson(dir, 'summary.json', { cells: lines.length, ...extra });
};

export const sweepCommand = async (file: string, opts: { workers?: string; shard?: string; resume?: boolean; out?: string; onCrawl?: string; checkpointEvery?: string }): Promise<number> => {
  const onCrawl = parseOnCrawl(opts.onCrawl);
  const every = parseCheckpointEvery(opts.checkpointEvery);
  const { spec, cells: all } = loadSweep(file);
  const workers = parseWorkers(opts.workers);
  const [si, sn] = opts.shard ? parseShard(opts.shard) : [1, 1];
  const dir = opts.out ?? 'out/sweep';
  prepareOutDir(dir);
  const resultsPath = join(dir, 'results.jsonl');
  // The lock first: a sweep started while another writes here is told so (naming its pid), whatever the folder holds.
  const unlock = lockSweepDir(dir);
  try {
    if (existsSync(resultsPath) && !opts.resume) throw new UsageError(`${resultsPath} exists: pass --resume to continue that sweep, or choose another --out`);
    const ck = cellCheckpoints(dir).length;
    if (ck > 0 && !opts.resume) throw new UsageError(`--out ${dir}: holds the checkpoints of ${ck} unfinished cell(s) (${join(dir, CHECKPOINT_DIR)}): pass --resume to go on from them, or choose another --out`);
    return await runSweep(file, dir, resultsPath, spec, all, si, sn, workers, onCrawl, every);
  } finally {
    unlock();
  }
};

const runSweep = async (file: string, dir: string, resultsPath: string, spec: SweepSpec, all: Cell[], si: number, sn: number, workers: number, onCrawl: 'warn' | 'stop', every: number): Promise<number> => {
  const cells = shardCells(all, si, sn);
  const prior = readResults(resultsPath);
  // Lines of another sweep (keys that are no cell of this one) mean the folder is another sweep's: refuse rather
  // than mix. A sweep extended with more axis values keeps every old key, so resuming it is fine.
  const known = new Set(all.map((c) => c.key));
  const foreign = prior.lines.filter((l) => !known.has(l.key)).length;
  if (foreign > 0) throw new UsageError(`--out ${dir}: ${foreign} of the ${prior.lines.length} lines of ${resultsPath} are not cells of ${file}: the folder holds another sweep's results; expected the folder of this sweep (or a new one)`);
  const foreignCk = cellCheckpoints(dir).filter((key) => !known.has(key)).length;
  if (foreignCk > 0) throw new UsageError(`--out ${dir}: ${foreignCk} checkpoint(s) in ${join(dir, CHECKPOINT_DIR)} are not of cells of ${file}: the folder holds another sweep's unfinished cells; expected the folder of this sweep (or a new one)`);
  const crashed = prior.lines.filter((l) => l.status === CRASHED).length;
  if (crashed > 0) {
    process.stderr.write(`egan sweep: ${crashed} cell(s) in ${resultsPath} crashed their worker last time; they are redone\n`);
    prior.lines = prior.lines.filter((l) => l.status !== CRASHED);
  }
  if (prior.torn > 0 || crashed > 0) {
    if (prior.torn > 0) process.stderr.write(`egan sweep: ${prior.torn} torn line(s) in ${resultsPath} (an interrupted write); those cells are redone\n`);
    // Rewrite the file without the torn and crashed lines (valid JSONL; crashed cells are redone).
    writeAtomic(resultsPath, prior.lines.map((l) => JSON.stringify(l)).join('\n') + (prior.lines.length ? '\n' : ''));
  }
  // A line's key identifies its resolved config; its index and assignment belong to the sweep spec. When the spec changed
  // since the line was written (an axis added, say), take them from the current expansion and rewrite the file.
  const byKey = new Map(all.map((c) => [c.key, c]));
  let relabelled = false;
  prior.lines = prior.lines.map((l) => {
    const c = byKey.get(l.key);
    if (!c || (l.index === c.index && JSON.stringify(l.assignment) === JSON.stringify(c.assignment))) return l;
    relabelled = true;
    return { ...l, index: c.index, assignment: c.assignment };
  });
  if (relabelled) writeAtomic(resultsPath, prior.lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const done = new Set(prior.lines.map((l) => l.key));
  const todo = cells.filter((c) => !done.has(c.key));
  writeJson(dir, 'sweep.resolved.json', spec);
  // Checkpoints: those of recorded cells are stale (a sweep killed between recording a cell and removing its
  // checkpoint); the others continue their cells.
  const ckFile = (key: string) => join(dir, CHECKPOINT_DIR, `${key}.egan`);
  const ckPath = (c: Cell) => ckFile(c.key);
  for (const key of cellCheckpoints(dir)) if (done.has(key)) rmSync(ckFile(key), { force: true });
  const checkpoints = new Map<string, RunCheckpoint>();
  let resumed = 0;
  for (const c of todo) {
    const found = readCheckpoint(ckPath(c), c.config);
    if (found && E.isLeft(found)) { process.stderr.write(`egan sweep: cell ${c.index}'s checkpoint ${ckPath(c)} cannot be used (${found.left}); the cell starts over\n`); rmSync(ckPath(c), { force: true }); }
    const ck = checkpointFor(c.config, ckPath(c), every, found && E.isRight(found) ? found.right : undefined);
    if (ck) checkpoints.set(c.key, ck);
    if (ck?.resume) resumed++;
  }
  process.stderr.write(`egan sweep: ${all.length} cells${sn > 1 ? `, shard ${si}/${sn}: ${cells.length}` : ''}; ${cells.length - todo.length} already done, ${todo.length} to run on ${workers} worker(s)${resumed ? ` (${resumed} going on from their checkpoints)` : ''}\n`);
  const pool = makePool(Math.min(workers, Math.max(1, todo.length)));
  const bar = progressBar(cells.length, 'egan sweep');
  // Progress counts the running cells by their time reached (a resumed one from its checkpoint's time on).
  const progress = cellProgress(cells.length - todo.length);
  for (const c of todo) { const r = checkpoints.get(c.key)?.resume; if (r) progress.set(c.key, r.t / c.config.t1); }
  bar.update(progress.value());
  let interrupted = false;
  const off = onInterrupt(() => { interrupted = true; pool.interrupt(); });
  const shardKeys = new Set(cells.map((c) => c.key));
  const lines = prior.lines.filter((l) => shardKeys.has(l.key));
  let failures = 0;
  try {
    const record = (line: ResultLine, cell: Cell) => {
      appendFileSync(resultsPath, JSON.stringify(line) + '\n');
      // A crashed cell is redone by --resume and may go on from its checkpoint; a recorded outcome needs it no more.
      if (line.status !== CRASHED) rmSync(ckPath(cell), { force: true });
      lines.push(line);
      if (line.status !== 'success') failures++;
      progress.finish(cell.key);
      bar.update(progress.value());
    };
    await Promise.all(todo.map((cell) => pool.run(cell.config, { tauEps: spec.tauEps, onCrawl, onProgress: (t) => { progress.set(cell.key, t / cell.config.t1); bar.update(progress.value()); }, onWarning: (w) => { if (w.code === 'checkpoint') process.stderr.write(`\negan sweep: cell ${cell.index}: warning: ${w.message}\n`); }, ...(checkpoints.has(cell.key) ? { checkpoint: checkpoints.get(cell.key)! } : {}) }).then(
      (r) => { if (r.status !== 'interrupted' && !interrupted) record(resultLine(cell, r), cell); },
      (e: unknown) => {
        // The cell's worker died or threw: record it and go on (the pool has replaced the worker).
        if (!(e instanceof WorkerCrash)) throw e;
        if (!interrupted) record(crashLine(cell, e), cell);
      },
    )));
  } finally {
    bar.stop();
    off();
    await pool.close();
  }
  const complete = !interrupted && lines.length === cells.length;
  writeAggregate(dir, spec, lines, { complete, shard: `${si}/${sn}`, total: cells.length, failures }, all);
  process.stderr.write(`egan sweep: ${lines.length}/${cells.length} cells in ${resultsPath}${failures ? ` (${failures} failed solves recorded with their status)` : ''}; table ${join(dir, 'cells.csv')}${complete ? '' : '; incomplete: rerun with --resume'}\n`);
  return interrupted ? EXIT.interrupted : EXIT.ok;
};

export const mergeCommand = async (dirs: string[], opts: { out: string; sweep?: string }): Promise<number> => {
  const seen = new Map<string, ResultLine>();
  const duplicates: string[] = [];
  const conflicts: string[] = [];
  for (const d of dirs) {
    const path = join(d, 'results.jsonl');
    if (!existsSync(path)) throw new UsageError(`${path} does not exist`);
    const { lines, torn, tornAt } = readResults(path);
    if (torn) process.stderr.write(`egan merge: ${torn} malformed or torn line(s) in ${path} ignored (line${torn > 1 ? 's' : ''} ${tornAt.slice(0, 10).join(', ')}${torn > 10 ? ', ...' : ''})\n`);
    for (const l of lines) {
      const prev = seen.get(l.key);
      if (!prev) { seen.set(l.key, l); continue; }
      if (JSON.stringify(prev) === JSON.stringify(l)) duplicates.push(`${l.key} (cell ${l.index})`);
      else conflicts.push(`${l.key} (cell ${l.index})`);
    }
  }
  const merged = [...seen.values()].sort((a, b) => a.index - b.index);
  let missing: number[] = [];
  let spec: SweepSpec | undefined;
  let cells: Cell[] | undefined;
  if (opts.sweep) {
    const s = loadSweep(opts.sweep);
    spec = s.spec;
    cells = s.cells;
    missing = s.cells.filter((c) => !seen.has(c.key)).map((c) => c.index);
    const known = new Set(s.cells.map((c) => c.key));
    const foreign = [...seen.values()].filter((l) => !known.has(l.key));
    if (foreign.length) throw new UsageError(`${foreign.length} of the ${seen.size} result lines are not cells of ${opts.sweep} (first: key ${foreign[0].key}, ${JSON.stringify(foreign[0].assignment)}): those folders hold another sweep's results; expected shards of this sweep`);
  } else {
    const first = readJsonFile(join(dirs[0], 'sweep.resolved.json'), 'sweep');
    const p = parseSweep(first);
    if (E.isLeft(p)) throw new UsageError(p.left.message);
    spec = p.right;
    const expanded = expandSweep(spec);
    if (E.isRight(expanded)) cells = expanded.right;
  }
  prepareOutDir(opts.out);
  writeFileSync(join(opts.out, 'results.jsonl'), merged.map((l) => JSON.stringify(l)).join('\n') + '\n');
  writeJson(opts.out, 'sweep.resolved.json', spec);
  writeAggregate(opts.out, spec, merged, { complete: opts.sweep ? missing.length === 0 : undefined, missing, duplicates, conflicts, sources: dirs }, cells);
  process.stdout.write(`merged ${merged.length} cells from ${dirs.length} director${dirs.length === 1 ? 'y' : 'ies'} into ${opts.out}\n`);
  if (duplicates.length) process.stdout.write(`duplicates (identical, kept once): ${duplicates.join(', ')}\n`);
  if (conflicts.length) process.stdout.write(`conflicts (same cell, different results): ${conflicts.join(', ')}\n`);
  if (opts.sweep) process.stdout.write(missing.length ? `missing cells: ${missing.join(', ')}\n` : 'no cell missing\n');
  return conflicts.length || missing.length ? EXIT.solveFailure : EXIT.ok;
};
