/**
 * Does the effective model predict a real GAN? (docs/model.md §10.) Three runs from the same start: the real
 * generator of a config (its particles x_i(0) = G(z_i; w0)), and the effective model from those particles and
 * the same critic with (a) the generator's empirical NTK at initialization as a `matrix` kernel and (b) its
 * two-point fit. Reported at the config's saveAt times: the trajectory distance mean_i |x_i^real - x_i^eff|
 * relative to the target's scale (its RMS radius), and every run's particle metrics; and the damping of the
 * collective modes of each, linearized at its equilibrium: for the real generator, the effective model with
 * the NTK of its final parameters w(t1), which near an equilibrium is its particle dynamics exactly (there the
 * forces vanish, so dx/dt = J J^T (forces) / N linearizes to the kernel J(w*) J(w*)^T; the directions of w
 * that move no particle are zero modes).
 *
 * @example
 * compareGenerator(config);   // Right({ times, distance, runs: { real, ntk, twoPoint }, kernel, damping })
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Config, ConfigError } from '../model/config.ts';
import { parseConfig } from '../model/config.ts';
import { buildModel, type EganModel } from '../model/model.ts';
import { ntkBlocks, scalarNtk } from '../model/generator.ts';
import { findEquilibrium } from '../analysis/equilibrium.ts';
import { collectiveDamping, linearize } from '../analysis/linearize.ts';
import { cloudMetrics, type CloudMetrics } from './metrics.ts';
import { runModel, type RunFailure, type RunResult } from './run.ts';
import { toRows } from '../linalg/rows.ts';

export type CompareRunName = 'real' | 'ntk' | 'twoPoint';

export interface CompareRun {
  readonly status: string;
  /** Particles at the saved times (N x d each). */
  readonly particles: Float64Array[];
  readonly metrics: CloudMetrics[];
  /** Collective-mode damping at the equilibrium (alpha: slowest decay rate's negative; zeta: least damping ratio), or why not. */
  readonly damping: { readonly alpha: number; readonly zeta: number } | { readonly error: string };
}

export interface CompareResult {
  readonly times: number[];
  /** mean_i |x_i^real - x_i^eff| / target scale, at each saved time. */
  readonly distance: { readonly ntk: number[]; readonly twoPoint: number[] };
  readonly scale: number;
  /** The empirical NTK at initialization: its two-point fit, the fit's residual |K - K_2pt|_F / |K|_F, and how far
   * training moved it, |K(w(t1)) - K(w0)|_F / |K(w0)|_F (0 in the lazy limit of infinite width). */
  readonly kernel: { readonly g1: number; readonly g2: number; readonly residual: number; readonly drift: number };
  readonly runs: Readonly<Record<CompareRunName, CompareRun>>;
  readonly configs: Readonly<Record<Exclude<CompareRunName, 'real'>, Config>>;
}

/** The effective config of a real one: the particles and critic at t = 0, and a kernel. */
const effectiveConfig = (config: Config, X0: Float64Array, theta0: Float64Array, kernel: Config['kernel']): Config => {
  const { generator: _, ...rest } = config;
  const c = parseConfig({ ...rest, particles: { n: config.particles.n, init: { kind: 'points', points: toRows(X0, config.particles.n, X0.length / config.particles.n) } }, kernel, theta: Array.from(theta0) });
  if (E.isLeft(c)) throw new Error(`effective config: ${c.left.path}: ${c.left.expected}`);
  return c.right;
};

const dampingOf = (config: Config): CompareRun['damping'] => {
  const m = buildModel(config);
  const eq = findEquilibrium(m);
  if (E.isLeft(eq)) return { error: eq.left.message };
  const lin = linearize(m, eq.right.u);
  if (E.isLeft(lin)) return { error: lin.left.message };
  const c = collectiveDamping(lin.right);
  return { alpha: c.alpha, zeta: c.zeta };
};

export interface CompareOptions {
  readonly signal?: { readonly aborted: boolean };
  readonly onProgress?: (run: CompareRunName, t: number) => void;
}

/** Why a comparison has no result: the config has no generator, or one of the three runs failed (`run` says which). */
export type CompareError = ConfigError | (RunFailure & { readonly run: CompareRunName });

export const compareGenerator = (config: Config, opts: CompareOptions = {}): E.Either<CompareError, CompareResult> => {
  if (!config.generator) return E.left({ _tag: 'ConfigError', path: 'generator', value: undefined, expected: 'a generator network to compare with the effective model ({ "kind": "mlp", "latentDim": ..., "hidden": [...] })' });
  const real = buildModel(config);
  const g = real.generator!, N = real.N, d = real.d, nx = N * d;
  const start = g.effective(real.u0);
  const X0 = start.slice(0, nx), theta0 = start.slice(nx);
  const K0 = scalarNtk(ntkBlocks(g.shape, g.w0, g.Z, N), N, d);
  let diag = 0, off = 0;
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) if (i === j) diag += K0[i * N + j]; else off += K0[i * N + j];
  const g1 = diag / N, g2 = N > 1 ? off / (N * (N - 1)) : 0;
  let rr = 0, kk = 0;
  for (let k = 0; k < N * N; k++) { const fit = k % (N + 1) === 0 ? g1 : g2; rr += (K0[k] - fit) ** 2; kk += K0[k] ** 2; }
  const configs = {
    ntk: effectiveConfig(config, X0, theta0, { kind: 'matrix', matrix: toRows(K0, N, N) }),
    twoPoint: effectiveConfig(config, X0, theta0, { kind: 'two-point', g1, g2 }),
  };
  const models: Record<CompareRunName, EganModel> = { real, ntk: buildModel(configs.ntk), twoPoint: buildModel(configs.twoPoint) };
  const results = {} as Record<CompareRunName, RunResult>;
  for (const name of ['real', 'ntk', 'twoPoint'] as const) {
    const r = runModel(models[name], { signal: opts.signal, onProgress: (t) => opts.onProgress?.(name, t) });
    if (E.isLeft(r)) return E.left({ ...r.left, run: name });
    results[name] = r.right;
  }
  const target = real.target;
  let scale = 0;
  const mean = new Float64Array(d);
  for (let j = 0; j < target.M; j++) for (let c = 0; c < d; c++) mean[c] += target.weights[j] * target.points[j * d + c];
  for (let j = 0; j < target.M; j++) for (let c = 0; c < d; c++) scale += target.weights[j] * (target.points[j * d + c] - mean[c]) ** 2;
  scale = Math.sqrt(scale) || 1;
  const times = results.real.trajectory.t;
  const particles = (name: CompareRunName) => results[name].trajectory.u.map((u) => u.slice(0, nx));
  const dist = (name: Exclude<CompareRunName, 'real'>) => times.map((_, k) => {
    const a = results.real.trajectory.u[k], b = results[name].trajectory.u[k];
    let s = 0;
    for (let i = 0; i < N; i++) { let q = 0; for (let c = 0; c < d; c++) q += (a[i * d + c] - b[i * d + c]) ** 2; s += Math.sqrt(q); }
    return s / N / scale;
  });
  // The real generator's particle dynamics near its equilibrium: the effective model with the NTK at w(t1).
  const wEnd = Float64Array.from(results.real.final.generator!);
  const KEnd = scalarNtk(ntkBlocks(g.shape, wEnd, g.Z, N), N, d);
  const realLinear = effectiveConfig(config, X0, theta0, { kind: 'matrix', matrix: toRows(KEnd, N, N) });
  const run = (name: CompareRunName, cfg: Config): CompareRun => ({
    status: results[name].status,
    particles: particles(name),
    metrics: particles(name).map((X) => cloudMetrics(X, N, target, config.seed)),
    damping: dampingOf(cfg),
  });
  return E.right({
    times, scale, configs,
    distance: { ntk: dist('ntk'), twoPoint: dist('twoPoint') },
    kernel: { g1, g2, residual: Math.sqrt(rr / kk), drift: Math.sqrt(KEnd.reduce((s, x, k) => s + (x - K0[k]) ** 2, 0) / kk) },
    runs: { real: run('real', realLinear), ntk: run('ntk', configs.ntk), twoPoint: run('twoPoint', configs.twoPoint) },
  });
};
