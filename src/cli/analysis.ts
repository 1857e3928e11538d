/**
 * `egan damp`, `egan critical`, `egan locus` (docs/model.md §8): linearize at the
 * equilibrium of a config and print a damping table, critical damping over a
 * parameter, or a root locus, as a human table or JSON. With --out DIR each also writes its JSON
 * (damp.json, critical.json, locus.json), a CSV of its numbers and an SVG: the spectrum in the complex
 * plane (damp), alpha over the parameter (critical), the eigenvalue branches (locus).
 */
import * as E from 'fp-ts/lib/Either.js';
import { buildModel } from '../model/model.ts';
import { estimateResources } from '../model/resources.ts';
import { findEquilibrium } from '../analysis/equilibrium.ts';
import { collectiveDamping, linearize } from '../analysis/linearize.ts';
import { formatError, type EganError } from '../errors.ts';
import type { CriticalResult, ModeSet } from '../analysis/critical.ts';
import type { Locus } from '../analysis/locus.ts';
import { siblingModule, startWorker } from '../runtime/workers.ts';
import { onInterrupt } from './progress.ts';
import type { ScanRequest } from './analysisWorker.ts';
import { getField } from '../model/fieldPath.ts';
import { configJsonSchema, type JsonSchema } from '../model/configReference.ts';
import { simultaneousMaxStep } from '../analysis/discrete.ts';
import { DEFAULT_ZERO_TOL, type DampingRow } from '../analysis/damping.ts';
import { EXIT, UsageError, loadConfig, parseInteger, parseNumber, prepareOutDir, toCsv, writeAtomic, writeJson } from './io.ts';
import { join } from 'node:path';
import { totalmem } from 'node:os';
import { lineChart, renderSvg, type VlSpec } from '../plot/svg.ts';

/** --out for an analysis command: NAME.json, NAME.csv and NAME.svg, said on stderr. */
const writeAnalysis = async (dir: string, name: string, json: unknown, header: string[], rows: (number | string | null)[][], spec: VlSpec) => {
  writeJson(dir, `${name}.json`, json);
  writeAtomic(join(dir, `${name}.csv`), toCsv(header, rows));
  writeAtomic(join(dir, `${name}.svg`), await renderSvg(spec));
  process.stderr.write(`wrote ${dir}/${name}.json, ${name}.csv, ${name}.svg\n`);
};

const planeSpec = (title: string, data: Record<string, unknown>[], colour: string, order?: string): VlSpec => ({
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  title, width: 360, height: 300, data: { values: data },
  layer: [
    { mark: { type: 'rule', color: '#bbb' }, encoding: { x: { datum: 0, type: 'quantitative' } } },
    {
      mark: order ? { type: 'line', point: true } : { type: 'point', filled: true },
      encoding: {
        x: { field: 're', type: 'quantitative', title: 'Re s (decay < 0 < growth)', scale: { padding: 12 } },
        y: { field: 'im', type: 'quantitative', title: 'Im s (oscillation frequency)', scale: { padding: 12 } },
        color: { field: colour, type: 'nominal', title: colour },
        ...(order ? { order: { field: order, type: 'quantitative' } } : {}),
      },
    },
  ],
} as VlSpec);

const f = (x: number | null, w = 12) => (x === null ? 'null' : x === 0 ? '0' : Math.abs(x) >= 1e-3 && Math.abs(x) < 1e5 ? x.toFixed(6) : x.toExponential(4)).padStart(w);

export const dampingText = (rows: readonly DampingRow[]): string => {
  const head = `${'re'.padStart(12)} ${'im'.padStart(12)} ${'omegaN'.padStart(12)} ${'zeta'.padStart(12)} ${'tau'.padStart(12)}  kind`;
  return [head, ...rows.map((r) => `${f(r.re)} ${f(r.im)} ${f(r.omegaN)} ${f(r.zeta)} ${f(r.tau)}  ${r.unstable ? `UNSTABLE (grows, e-folding time ${f(r.growthTime, 0).trim()})` : r.kind}`)].join('\n');
};

/**
 * What a dense linearization costs before it starts: the Jacobian and its eigen-decomposition hold ~6 dense
 * n x n matrices, and one decomposition took 0.69 s at n = 321 on the bench machine (bench section 4), growing
 * as n³. Refused (one line, exit 2) beyond half the machine's memory or an hour; said on stderr beyond a minute.
 */
export const guardDense = (n: number, decompositions: number, command: string, mem = totalmem()): void => {
  const bytes = 6 * 8 * n * n;
  const seconds = decompositions * 0.69 * (n / 321) ** 3;
  const gb = (b: number) => `${(b / 2 ** 30).toFixed(1)} GB`;
  const nMem = Math.floor(Math.sqrt((0.5 * mem) / 48));
  if (bytes > 0.5 * mem) throw new UsageError(`${command}: the state has n = ${n} coordinates (particles x d + critic parameters); its dense Jacobian and eigen-decomposition need ~${gb(bytes)} and this machine has ${gb(mem)}; expected n up to ~${nMem} (fewer particles or hidden units)`);
  const time = seconds >= 3600 ? `${(seconds / 3600).toFixed(1)} hours` : `${(seconds / 60).toFixed(0)} min`;
  if (seconds > 3600) throw new UsageError(`${command}: n = ${n} coordinates and ${decompositions} eigen-decomposition(s) would take ~${time} (n³ each); expected at most an hour: fewer particles or hidden units${decompositions > 1 ? ', or fewer --grid/--steps points' : ''}`);
  if (seconds > 60) process.stderr.write(`egan ${command}: n = ${n} coordinates, ${decompositions} eigen-decomposition(s): expect ~${time}\n`);
};

/** damp, critical and locus linearize the effective model around its equilibria; a real generator's state is [w, theta]. */
const effectiveOnly = (config: { generator?: unknown }, command: string) => {
  if (config.generator) throw new UsageError(`egan ${command} linearizes the effective model (particles and critic); this config trains a real generator (config.generator): compare it with its effective model with egan compare`);
};

const zeroTolOf = (s?: string) => {
  if (s === undefined) return DEFAULT_ZERO_TOL;
  const v = parseNumber('--zero-tol', s);
  if (!(v >= 0 && v < 1)) throw new UsageError(`--zero-tol: got ${JSON.stringify(s)}; expected a number in [0, 1) (a mode is zero when |s| <= zero-tol x the largest |s|)`);
  return v;
};

/** What the stability of an equilibrium is, in one line: the unstable modes' count, growth rate and e-folding time. */
export const stabilityLine = (rows: readonly DampingRow[], alpha: number): string => {
  const bad = rows.filter((r) => r.unstable);
  if (bad.length === 0) return `stable: every non-zero mode decays; slowest decay rate ${(-alpha).toPrecision(8)} (alpha = ${alpha.toPrecision(8)}, the spectral abscissa)`;
  return `UNSTABLE equilibrium: ${bad.length} mode(s) grow; fastest growth rate ${alpha.toPrecision(8)} (alpha, the spectral abscissa), e-folding time ${(1 / alpha).toPrecision(6)}; zeta < 0 and tau < 0 in their rows mean growth`;
};

export const dampCommand = async (file: string, opts: { json?: boolean; zeroTol?: string; all?: boolean; out?: string }): Promise<number> => {
  const config = loadConfig(file);
  if (opts.out) prepareOutDir(opts.out);
  effectiveOnly(config, 'damp');
  const m = buildModel(config);
  guardDense(m.n, 1, 'damp');
  const eq = findEquilibrium(m);
  if (E.isLeft(eq)) { process.stderr.write(`egan damp: ${formatError(eq.left)}\n`); return EXIT.solveFailure; }
  const linearized = linearize(m, eq.right.u, { zeroTol: zeroTolOf(opts.zeroTol) });
  if (E.isLeft(linearized)) { process.stderr.write(`egan damp: ${formatError(linearized.left)}\n`); return EXIT.solveFailure; }
  const lin = linearized.right;
  const coll = collectiveDamping(lin);
  const out = {
    modes: lin.table, alpha: lin.alpha, decayRate: -lin.alpha, zeroTol: lin.zeroTol, zeroModes: lin.zeroModes,
    collective: { modes: coll.rows, alpha: coll.alpha, zeta: coll.zeta },
    gdMaxStep: simultaneousMaxStep(lin.table) || null, unstableModes: lin.table.filter((r) => r.unstable).length,
    jacobian: m.jacobian ? 'exact' : 'central differences',
  };
  if (opts.out) {
    const label = (r: DampingRow) => (r.kind === 'zero' ? 'zero mode' : r.unstable ? 'unstable' : 'stable');
    await writeAnalysis(opts.out, 'damp', out, ['re', 'im', 'omegaN', 'zeta', 'tau', 'kind', 'unstable', 'growthTime'],
      lin.table.map((r) => [r.re, r.im, r.omegaN, r.zeta, r.tau, r.kind, String(r.unstable), r.growthTime]),
      planeSpec(`Spectrum of the Jacobian at the equilibrium (alpha = ${lin.alpha.toPrecision(4)})`, lin.table.map((r) => ({ re: r.re, im: r.im, mode: label(r) })), 'mode'));
  }
  if (opts.json) { process.stdout.write(JSON.stringify(out) + '\n'); return EXIT.ok; }
  const nonZero = lin.table.filter((r) => r.kind === 'mode');
  const shown = opts.all ? lin.table : nonZero.slice(0, 40);
  process.stdout.write(`equilibrium: ${eq.right.iterations} Gauss-Newton iterations, |rhs| = ${eq.right.rhsNorm.toExponential(2)}; Jacobian ${out.jacobian}, n = ${m.n}\n`);
  process.stdout.write(`zero modes: ${lin.zeroModes} (|s| <= ${lin.zeroTol} x max|s|); non-zero modes: ${nonZero.length}${!opts.all && nonZero.length > 40 ? ' (first 40 shown; --all for every mode)' : ''}\n`);
  process.stdout.write(dampingText(shown) + '\n');
  process.stdout.write(stabilityLine(lin.table, lin.alpha) + '\n');
  process.stdout.write(`collective modes (rigid translations): alpha ${coll.alpha.toPrecision(6)}, min zeta ${coll.zeta.toPrecision(6)}; largest stable GD step (simultaneous) ${out.gdMaxStep === null ? 'none: no step size makes gradient descent stable at an unstable (or marginal) equilibrium' : out.gdMaxStep.toPrecision(6)}\n`);
  return EXIT.ok;
};

/**
 * Run a critical/locus scan in a worker thread, so that SIGINT/SIGTERM reach the main thread during it: the
 * first signal sets the shared flag, the scan returns what it has at its next point (`complete: false`), and
 * the command prints that and exits 130.
 */
const scanInWorker = async <T>(command: string, request: ScanRequest): Promise<{ result: E.Either<EganError, T>; interrupted: boolean }> => {
  const flag = new SharedArrayBuffer(4);
  const worker = startWorker(siblingModule(import.meta.url, 'analysisWorker'));
  let interrupted = false;
  const off = onInterrupt(() => {
    interrupted = true;
    Atomics.store(new Int32Array(flag), 0, 1);
    process.stderr.write(`egan ${command}: interrupted; printing the points computed so far\n`);
  });
  try {
    const result = await new Promise<E.Either<EganError, T>>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the ${command} worker exited (code ${code}) before its result`)));
      worker.postMessage({ request, flag });
    });
    return { result, interrupted };
  } finally {
    off();
    await worker.terminate();
  }
};

/** Scan points of critical/locus: each one is an equilibrium and an eigen-decomposition. */
const MAX_SCAN = 10_000;

/** The JSON Schema node of a config field path (following every variant of a union), or undefined. */
const schemaNodes = (path: string): JsonSchema[] => {
  let nodes: JsonSchema[] = [configJsonSchema()];
  for (const key of path.split('.')) {
    nodes = nodes.flatMap((n) => [n, ...(n.oneOf ?? []), ...(n.anyOf ?? [])]).map((n) => n.properties?.[key]).filter((n): n is JsonSchema => n !== undefined);
  }
  return nodes.flatMap((n) => [n, ...(n.anyOf ?? []), ...(n.oneOf ?? [])]);
};

const checkParam = (config: unknown, path: string) => {
  if (typeof getField(config, path) !== 'number') throw new UsageError(`--param ${path}: expected the path of a numeric config field (e.g. regularizer.lambda, etaD, kernel.g2)`);
  if (schemaNodes(path).some((n) => n.type === 'integer')) throw new UsageError(`--param ${path}: an integer field (a count or a seed); expected a continuous parameter (e.g. regularizer.lambda, etaD, kernel.g2)`);
};

export const criticalCommand = async (file: string, opts: { param: string; lo: string; hi: string; json?: boolean; modes?: string; zeroTol?: string; grid?: string; out?: string }): Promise<number> => {
  const config = loadConfig(file);
  if (opts.out) prepareOutDir(opts.out);
  effectiveOnly(config, 'critical');
  checkParam(config, opts.param);
  const lo = parseNumber('--lo', opts.lo), hi = parseNumber('--hi', opts.hi);
  if (!(lo < hi)) throw new UsageError(`--lo ${lo} --hi ${hi}: expected lo < hi`);
  const modes = (opts.modes ?? (config.critic.kind === 'linear' ? 'all' : 'collective')) as ModeSet;
  if (modes !== 'all' && modes !== 'collective') throw new UsageError(`--modes: got ${JSON.stringify(opts.modes)}; expected "all" or "collective"`);
  const grid = opts.grid ? parseInteger('--grid', opts.grid, 3, MAX_SCAN) : undefined;
  guardDense(estimateResources(config).n, (grid ?? 25) + 60, 'critical'); // the scan, then Brent and bisection (~60 more)
  const { result: r, interrupted } = await scanInWorker<CriticalResult>('critical', { command: 'critical', config, param: opts.param, lo, hi, options: { modes, zeroTol: zeroTolOf(opts.zeroTol), ...(grid ? { grid } : {}) } });
  if (E.isLeft(r)) { process.stderr.write(`egan critical: ${formatError(r.left)}\n`); return interrupted ? EXIT.interrupted : EXIT.solveFailure; }
  const c = r.right;
  const done = interrupted ? EXIT.interrupted : EXIT.ok;
  const out = { param: c.param, modes: c.modes, argminAlpha: c.argminAlpha, argminUncertainty: c.argminUncertainty, alphaMin: c.alphaMin, zetaOne: c.zetaOne, zetaOneUncertainty: c.zetaOneUncertainty, zeroTol: c.zeroTol, ...(c.closedForm ? { closedForm: c.closedForm } : {}), ...(c.linearTheory ? { linearTheory: c.linearTheory } : {}), grid: c.grid, complete: c.complete };
  if (opts.out) {
    const rules = [{ value: c.argminAlpha, label: 'argmin alpha' }, ...(c.zetaOne !== null ? [{ value: c.zetaOne, label: 'zeta = 1' }] : [])];
    await writeAnalysis(opts.out, 'critical', out, [c.param, 'alpha'], c.grid.p.map((p, i) => [p, c.grid.alpha[i]]),
      lineChart({ title: `Slowest decay rate over ${c.param} (${c.modes} modes)`, data: c.grid.p.map((p, i) => ({ p, alpha: c.grid.alpha[i] })), x: 'p', y: 'alpha', xTitle: c.param, yTitle: 'alpha = max Re s', points: true, rulesX: rules }));
  }
  if (opts.json) { process.stdout.write(JSON.stringify(out) + '\n'); return done; }
  if (!c.complete) process.stdout.write(`INTERRUPTED: partial result from ${c.grid.p.length} scanned point(s); the numbers below are the best found so far\n`);
  process.stdout.write(`parameter ${c.param} on [${lo}, ${hi}], ${c.modes} modes (zero tolerance ${c.zeroTol})\n`);
  process.stdout.write(`argmin alpha: ${c.argminAlpha.toPrecision(10)} +- ${c.argminUncertainty.toExponential(1)}   alpha there: ${c.alphaMin.toPrecision(8)}\n`);
  process.stdout.write(`zeta = 1 (least-damped pair turns real): ${c.zetaOne === null ? 'not in range' : `${c.zetaOne.toPrecision(10)} +- ${c.zetaOneUncertainty!.toExponential(1)}`}\n`);
  if (c.alphaMin > 0) process.stdout.write(`unstable over the whole range: alpha > 0 at every value scanned (smallest growth rate ${c.alphaMin.toPrecision(6)}, e-folding time ${(1 / c.alphaMin).toPrecision(6)})\n`);
  if (c.closedForm) process.stdout.write(`closed form (docs/model.md §4): lambda_c = ${c.closedForm.lambdaC.toPrecision(10)}, omega_0 = ${c.closedForm.omega0.toPrecision(10)}\n`);
  if (c.linearTheory) process.stdout.write(`linear-critic theory for the same etaG, etaD and kernel (docs/model.md §4): lambda_c = ${c.linearTheory.lambdaC.toPrecision(6)}; this critic's argmin alpha is ${(c.argminAlpha / c.linearTheory.lambdaC).toPrecision(4)} times it\n`);
  return done;
};

export const locusCommand = async (file: string, opts: { param: string; from: string; to: string; steps: string; json?: boolean; zeroTol?: string; out?: string }): Promise<number> => {
  const config = loadConfig(file);
  if (opts.out) prepareOutDir(opts.out);
  effectiveOnly(config, 'locus');
  checkParam(config, opts.param);
  const from = parseNumber('--from', opts.from), to = parseNumber('--to', opts.to);
  const steps = parseInteger('--steps', opts.steps, 2, MAX_SCAN);
  guardDense(estimateResources(config).n, steps, 'locus');
  const { result: r, interrupted } = await scanInWorker<Locus>('locus', { command: 'locus', config, param: opts.param, from, to, steps, zeroTol: zeroTolOf(opts.zeroTol) });
  if (E.isLeft(r)) { process.stderr.write(`egan locus: ${formatError(r.left)}\n`); return interrupted ? EXIT.interrupted : EXIT.solveFailure; }
  const done = interrupted ? EXIT.interrupted : EXIT.ok;
  const branches = r.right.branches.filter((b) => !b.zero.every(Boolean));
  const json = { param: r.right.param, p: r.right.p, zeroTol: r.right.zeroTol, complete: r.right.complete, branches };
  if (opts.out) {
    const rows = branches.flatMap((b, k) => r.right.p.map((p, i) => [k, p, b.re[i], b.im[i], b.continuity[i]]));
    await writeAnalysis(opts.out, 'locus', json, ['branch', r.right.param, 're', 'im', 'continuity'], rows,
      planeSpec(`Root locus over ${r.right.param} from ${from} to ${to}`, rows.map(([k, p, re, im]) => ({ branch: `branch ${k}`, p, re, im })), 'branch', 'p'));
  }
  if (opts.json) { process.stdout.write(JSON.stringify(json) + '\n'); return done; }
  if (!r.right.complete) process.stdout.write(`INTERRUPTED: partial locus, ${r.right.p.length} of ${steps} points\n`);
  process.stdout.write(`root locus over ${r.right.param}: ${r.right.p.length} points, ${branches.length} non-zero branches (of ${r.right.branches.length}), followed by eigenvector overlap\n`);
  const show = branches.slice(0, 8);
  process.stdout.write(`${'p'.padStart(12)} ${show.map((_, k) => `branch ${k}`.padStart(26)).join(' ')}\n`);
  r.right.p.forEach((p, i) => process.stdout.write(`${f(p)} ${show.map((b) => `${f(b.re[i])}${b.im[i] >= 0 ? '+' : '-'}${f(Math.abs(b.im[i]), 11)}i`).join(' ')}\n`));
  if (branches.length > show.length) process.stdout.write(`(${branches.length - show.length} more branches in --json)\n`);
  return done;
};
