/**
 * Sweeps: a base config plus axes over field paths, expanded into cells
 * (the cartesian product, first axis slowest), each cell a resolved config
 * with a key (a hash of the resolved config). Results are one JSON line per
 * finished cell in results.jsonl, appended and flushed as they come, so an
 * interrupted sweep loses nothing and `--resume` skips what is there.
 *
 * Seeds: with "seedMode": "per-cell" (default) a cell's seed derives from
 * (sweep seed, the cell's axis values), with "shared" every cell uses the
 * sweep seed (same target samples and initial state across the grid, the
 * cleaner choice for a phase diagram); an axis over "seed" overrides both.
 * Either way a cell's numbers depend only on its resolved config: the same
 * whatever the number of workers or shards.
 *
 * Rules: `"rules": [{ "when": { path: value, ... }, "set": { path: value, ... } }]`
 * change a cell's config where the axes alone cannot, e.g. a fixed-step
 * solver for relu critics and an adaptive one for smooth activations in one
 * sweep. After the axes (and the seed) are set, each rule in order whose
 * `when` fields all equal the cell's resolved config values (defaults filled
 * in, so an object value must be given whole) sets its `set` fields;
 * a `when` path that is not a field of the config is an error (a typo would
 * otherwise never match). What a rule sets is part of the resolved config,
 * hence of the cell's key, not of its assignment (the axis values).
 */
import { z } from 'zod';
import * as E from 'fp-ts/lib/Either.js';
import { createHash } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { configSchema, defaultSolver, formatConfigError, type Config } from '../model/config.ts';
import { issueText } from '../model/issues.ts';
import { checkResources } from '../model/resources.ts';
import { getField, setField } from '../model/fieldPath.ts';
import { hashString } from '../model/random.ts';
import type { Warning } from '../ode/solution.ts';

const num = z.number().refine(Number.isFinite, { message: 'expected a finite number' });
const Axis = z.union([
  z.strictObject({ path: z.string().min(1), values: z.array(z.union([num, z.string(), z.boolean()])).min(1) }),
  z.strictObject({ path: z.string().min(1), linspace: z.strictObject({ from: num, to: num, n: z.int().min(1) }) }),
  z.strictObject({ path: z.string().min(1), logspace: z.strictObject({ from: num.refine((x) => x > 0, { message: 'expected > 0' }), to: num.refine((x) => x > 0, { message: 'expected > 0' }), n: z.int().min(1) }) }),
]);

const nonEmpty = (r: Record<string, unknown>) => Object.keys(r).length > 0;
const Rule = z.strictObject({
  when: z.record(z.string().min(1), z.unknown()).refine(nonEmpty, { message: 'expected at least one field path' }),
  set: z.record(z.string().min(1), z.unknown()).refine(nonEmpty, { message: 'expected at least one field path' }),
});

export const SweepSchema = z.strictObject({
  seed: z.int().min(0).default(0),
  seedMode: z.enum(['per-cell', 'shared']).default('per-cell'),
  base: z.record(z.string(), z.unknown()),
  axes: z.array(Axis).min(1),
  rules: z.array(Rule).optional(),
  tauEps: z.strictObject({ distance: z.enum(['meanGap', 'mmd2', 'slicedW2']).default('meanGap'), eps: num.refine((x) => x > 0), relative: z.boolean().default(true), samples: z.int().min(1).default(4) }).optional(),
});
export type SweepSpec = z.infer<typeof SweepSchema>;

export interface Cell {
  readonly index: number;
  readonly assignment: Record<string, number | string | boolean>;
  readonly config: Config;
  readonly key: string;
}

const axisValues = (a: z.infer<typeof Axis>): (number | string | boolean)[] => {
  if ('values' in a) return a.values;
  if ('linspace' in a) { const { from, to, n } = a.linspace; return Array.from({ length: n }, (_, k) => (k === 0 ? from : k === n - 1 ? to : from + ((to - from) * k) / (n - 1))); }
  const { from, to, n } = a.logspace;
  return Array.from({ length: n }, (_, k) => (k === 0 ? from : k === n - 1 ? to : Math.exp(Math.log(from) + ((Math.log(to) - Math.log(from)) * k) / (n - 1))));
};

/** JSON with object keys sorted, for hashing. */
export const canonical = (v: unknown): string =>
  Array.isArray(v) ? `[${v.map(canonical).join(',')}]`
    : v !== null && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`
      : JSON.stringify(v);

export const configKey = (c: Config): string => createHash('sha256').update(canonical(c)).digest('hex').slice(0, 16);

/** A sweep spec or one of its cells is invalid: the message names the field path (sweep.axes.0.path, ...) or the cell. */
export interface SweepError {
  readonly _tag: 'SweepError';
  readonly message: string;
}
const sweepError = (message: string): SweepError => ({ _tag: 'SweepError', message });

/** Validate a JSON value as a sweep spec, filling defaults. */
export const parseSweep = (input: unknown): E.Either<SweepError, SweepSpec> => {
  if (input !== null && typeof input === 'object' && !Array.isArray(input) && !('base' in input) && ('target' in input || 'particles' in input))
    return E.left(sweepError('sweep: this is a run config (it has target/particles), not a sweep; egan sweep wants { "base": <a run config>, "axes": [{ "path": "kernel.g2", "values": [0, 0.5] }] } (egan run runs a config)'));
  const r = SweepSchema.safeParse(input);
  if (!r.success) {
    const t = issueText(r.error.issues[0], SweepSchema, input);
    return E.left(sweepError(`sweep.${t.path}: ${t.value === undefined ? 'missing' : `got ${JSON.stringify(t.value)?.slice(0, 80)}`}; ${t.expected}`));
  }
  return E.right(r.data);
};

/** Most cells one sweep expands to (1e5: ~25 min at the bench's 65 cells/s; a 1e8-cell axis would take gigabytes before the first cell ran). */
export const MAX_CELLS = 100_000;

/**
 * All cells of a sweep, validated; the first invalid cell is an error naming its assignment, as is a cell too
 * large for this machine's memory (checkResources) and a sweep of more than MAX_CELLS cells.
 */
export const expandSweep = (spec: SweepSpec): E.Either<SweepError, Cell[]> => {
  const base = configSchema().safeParse(spec.base);
  if (!base.success) {
    const t = issueText(base.error.issues[0], configSchema(), spec.base);
    return E.left(sweepError(`sweep.base.${t.path}: ${t.value === undefined ? 'missing' : `got ${JSON.stringify(t.value)?.slice(0, 80)}`}; ${t.expected}`));
  }
  const paths = spec.axes.map((a) => a.path);
  const twice = paths.find((p, k) => paths.indexOf(p) !== k);
  if (twice !== undefined) return E.left(sweepError(`sweep.axes.${paths.lastIndexOf(twice)}.path: "${twice}" is already axis ${paths.indexOf(twice)}; expected each config path on one axis only (list all its values there)`));
  const lengths = spec.axes.map((a) => ('values' in a ? a.values.length : 'linspace' in a ? a.linspace.n : a.logspace.n));
  const count = lengths.reduce((a, b) => a * b, 1);
  if (count > MAX_CELLS) {
    const big = lengths.indexOf(Math.max(...lengths));
    return E.left(sweepError(`sweep.axes: ${count.toPrecision(3)} cells (${lengths.join(' x ')}; axis ${big} "${spec.axes[big].path}" has ${lengths[big]} values); expected at most ${MAX_CELLS.toLocaleString('en-US')} cells in one sweep (each is a config in memory and a line of results.jsonl): fewer values, or several sweep files`));
  }
  const values = spec.axes.map(axisValues);
  const cells: Cell[] = [];
  // A cell whose solver nobody named gets the default for its own config (defaultSolver: rk4 for relu critics,
  // with a step that follows the cell's learning rates), as egan run would give it.
  const isSolver = (path: string) => path === 'solver' || path.startsWith('solver.');
  const solverGiven = 'solver' in spec.base || spec.axes.some((a) => isSolver(a.path));
  const total = values.reduce((a, v) => a * v.length, 1);
  for (let index = 0; index < total; index++) {
    let rest = index;
    const assignment: Record<string, number | string | boolean> = {};
    for (let a = spec.axes.length - 1; a >= 0; a--) {
      const v = values[a];
      assignment[spec.axes[a].path] = v[rest % v.length];
      rest = Math.floor(rest / v.length);
    }
    let c: Config = base.data;
    const ordered = Object.fromEntries(spec.axes.map((a) => [a.path, assignment[a.path]]));
    if (!('seed' in ordered)) {
      const seed = spec.seedMode === 'shared' ? spec.seed : hashString(`${spec.seed}:${canonical(ordered)}`) % 2147483647;
      const s = setField(c, 'seed', seed);
      if (E.isLeft(s)) return E.left(sweepError(formatConfigError(s.left)));
      c = s.right;
    }
    for (const [path, v] of Object.entries(ordered)) {
      const s = setField(c, path, v);
      if (E.isLeft(s)) return E.left(sweepError(`cell ${index} ${JSON.stringify(ordered)}: ${formatConfigError(s.left)}`));
      c = s.right;
    }
    let ruleSolver = false;
    for (const [r, rule] of (spec.rules ?? []).entries()) {
      let match = true;
      for (const [path, v] of Object.entries(rule.when)) {
        const have = getField(c, path);
        if (have === undefined) return E.left(sweepError(`sweep.rules.${r}.when: "${path}" is not a field of the config of cell ${index} ${JSON.stringify(ordered)}`));
        if (canonical(have) !== canonical(v)) match = false;
      }
      if (!match) continue;
      for (const [path, v] of Object.entries(rule.set)) {
        if (isSolver(path)) ruleSolver = true;
        const s = setField(c, path, v);
        if (E.isLeft(s)) return E.left(sweepError(`cell ${index} ${JSON.stringify(ordered)}, sweep.rules.${r}.set: ${formatConfigError(s.left)}`));
        c = s.right;
      }
    }
    if (!solverGiven && !ruleSolver) c = { ...c, solver: defaultSolver(c) };
    const res = checkResources(c);
    if (E.isLeft(res)) return E.left(sweepError(`cell ${index} ${JSON.stringify(ordered)}: ${res.left.message}`));
    cells.push({ index, assignment: ordered, config: c, key: configKey(c) });
  }
  return E.right(cells);
};

/** The cells of shard i (1-based) of n: every n-th cell starting at i - 1. */
export const shardCells = (cells: readonly Cell[], i: number, n: number): Cell[] => cells.filter((c) => c.index % n === i - 1);

export interface ResultLine {
  readonly key: string;
  readonly index: number;
  readonly assignment: Record<string, unknown>;
  readonly status: string;
  readonly t: number;
  readonly message?: string;
  readonly stats: Record<string, unknown>;
  readonly metrics?: Record<string, number | number[]>;
  readonly tauEps?: number | null;
  readonly seed: number;
  /**
   * The run's warnings, when it had any ({ code, message }; lines written by egan 0.1 carry the message
   * strings alone, and lines written before warnings were recorded have none).
   */
  readonly warnings?: readonly (Warning | string)[];
}

/** Read results.jsonl; a torn (unparsable) line is reported and dropped, so its cell is redone. */
/** A parsed line has the fields every reader relies on. */
const isResultLine = (v: unknown): v is ResultLine => {
  if (v === null || typeof v !== 'object') return false;
  const l = v as Record<string, unknown>;
  return typeof l.key === 'string' && typeof l.index === 'number' && typeof l.status === 'string' && typeof l.t === 'number'
    && l.assignment !== null && typeof l.assignment === 'object' && !Array.isArray(l.assignment);
};

/**
 * The lines of a results.jsonl. A line that is not JSON or lacks a result's fields (key, index, assignment,
 * status, t) counts as torn (an interrupted write, or a file edited by hand) and its 1-based line number is
 * listed in `tornAt`; the cell it was is redone by --resume.
 */
export const readResults = (path: string): { lines: ResultLine[]; torn: number; tornAt: number[] } => {
  if (!existsSync(path)) return { lines: [], torn: 0, tornAt: [] };
  const lines: ResultLine[] = [];
  const tornAt: number[] = [];
  readFileSync(path, 'utf8').split('\n').forEach((raw, k) => {
    if (!raw.trim()) return;
    let v: unknown;
    try { v = JSON.parse(raw); } catch { tornAt.push(k + 1); return; }
    if (isResultLine(v)) lines.push(v); else tornAt.push(k + 1);
  });
  return { lines, torn: tornAt.length, tornAt };
};

export const OBSERVABLES = ['collapseScore', 'modesCovered', 'quality', 'meanGap', 'mmd2', 'slicedW2', 'criticValue', 'regularizer', 'gradNormMean', 'gradNormMax', 'thetaNorm'] as const;
/** The paper's nearest-target metrics (point-cloud targets): columns of cells.csv when any line has them. */
export const NEAREST_OBSERVABLES = ['digitsHit', 'entropyGap', 'meanNearestDistance', 'digitsHitEuclidean', 'entropyGapEuclidean', 'meanNearestDistanceEuclidean'] as const;

/**
 * Cells x observables, sorted by cell index, ready to plot. Given the sweep's cells, two columns derived from
 * each cell's resolved config come after the axes: g2g1 (kernel.g2 / kernel.g1, two-point kernels) and
 * etaDetaG (etaD / etaG), the coordinates of the phase diagram whatever the axes were.
 */
export const aggregate = (spec: SweepSpec, lines: readonly ResultLine[], cells?: readonly Cell[]): { header: string[]; rows: (number | string | null)[][] } => {
  const paths = spec.axes.map((a) => a.path);
  const byKey = new Map((cells ?? []).map((c) => [c.key, c.config]));
  const nearest = NEAREST_OBSERVABLES.filter((o) => lines.some((l) => l.metrics && typeof l.metrics[o] === 'number'));
  const derived = cells ? ['g2g1', 'etaDetaG'] : [];
  const header = ['index', 'key', ...paths, ...derived, 'status', 't', 'rhsEvals', ...OBSERVABLES, ...nearest, 'tauEps'];
  const rows = [...lines].sort((a, b) => a.index - b.index).map((l) => {
    const c = byKey.get(l.key);
    const g2g1 = c && c.kernel.kind === 'two-point' && c.kernel.g1 > 0 ? c.kernel.g2 / c.kernel.g1 : null;
    return [
      l.index, l.key, ...paths.map((p) => l.assignment[p] as number | string), ...(cells ? [g2g1, c ? c.etaD / c.etaG : null] : []),
      l.status, l.t, (l.stats.rhsEvals as number) ?? null,
      ...[...OBSERVABLES, ...nearest].map((o) => (l.metrics && typeof l.metrics[o] === 'number' ? (l.metrics[o] as number) : null)),
      l.tauEps ?? null,
    ];
  });
  return { header, rows };
};

/** One cell of a phase diagram (the shape plot/phase.ts draws). */
export interface PhaseCellData {
  readonly activation: string;
  readonly g2: number;
  readonly etaD: number;
  readonly status: string;
  /** The cell's metrics by field name (null where it has none: a failed run). */
  readonly values: Readonly<Record<string, number | null>>;
}

/**
 * The cells of a sweep over kernel.g2 and etaD (and optionally critic.activation) that have a result line, as
 * phase-diagram cells at (g2/g1, etaD/etaG) with every numeric metric of their line, plus modesCoveredFraction
 * (modes covered / K). Cells without a line are left out (a partial sweep); `K` is the target's number of modes.
 */
export const phaseCells = (cells: readonly Cell[], lines: readonly ResultLine[], K: number): PhaseCellData[] => {
  const byKey = new Map(lines.map((l) => [l.key, l]));
  const out: PhaseCellData[] = [];
  for (const c of cells) {
    const { kernel, critic } = c.config;
    const l = byKey.get(c.key);
    if (!l || kernel.kind !== 'two-point') continue;
    const m = l.metrics ?? {};
    const values: Record<string, number | null> = {};
    for (const [k, v] of Object.entries(m)) if (typeof v === 'number') values[k] = v;
    if (typeof m.modesCovered === 'number') values.modesCoveredFraction = m.modesCovered / K;
    out.push({ activation: critic.kind === 'mlp' ? critic.activation : 'linear', g2: kernel.g2 / kernel.g1, etaD: c.config.etaD / c.config.etaG, status: l.status, values });
  }
  return out;
};
