/**
 * Critical damping over any scalar config parameter p (a field path such as
 * "regularizer.lambda", "etaD", "kernel.g2"; docs/model.md, critical damping):
 *  - alpha(p): the spectral abscissa over the non-zero modes at the
 *    equilibrium (or over the collective modes, for a nonlinear critic),
 *  - argminAlpha: where alpha is smallest (fastest slowest mode), by a scan
 *    on a grid (log-spaced for wide ranges) and Brent's minimizer in the best
 *    grid cell,
 *  - zetaOne: where the least-damped mode stops being complex (the
 *    least-damped complex pair turns real, zeta = 1), by bisection between
 *    grid points where that changes,
 * each with its uncertainty (the final bracket half-width).
 */
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { Config, ConfigError } from '../model/config.ts';
import { setField } from '../model/fieldPath.ts';
import { buildModel, type EganModel } from '../model/model.ts';
import { findEquilibrium } from './equilibrium.ts';
import { collectiveDamping, linearize, type Linearization } from './linearize.ts';
import { interruptedError, parameterError, type EquilibriumError, type InterruptedError, type LinearizationError, type ParameterError } from './errors.ts';
import { brentMinimize, scanGrid } from './brent.ts';
import { DEFAULT_ZERO_TOL } from './damping.ts';
import { lambdaCritical, omega0 } from './closedForm.ts';

export type ModeSet = 'all' | 'collective';

export interface SpectrumAt {
  readonly p: number;
  readonly model: EganModel;
  readonly lin: Linearization;
  /** Abscissa of the chosen mode set. */
  readonly alpha: number;
  /** Whether the least-damped mode of the set is complex. */
  readonly complex: boolean;
}

export interface CriticalOptions {
  readonly modes?: ModeSet;
  readonly grid?: number;
  readonly relTol?: number;
  readonly zeroTol?: number;
  /**
   * Read before each spectrum: once set, the scan stops and returns what it has, marked `complete: false`
   * (the grid so far and its best point; or the minimizer's best point and bracket; or the zeta = 1 bracket).
   */
  readonly signal?: { readonly aborted: boolean };
}

/** What can go wrong at one parameter value: the config it makes, its equilibrium, or its linearization. */
export type SpectrumError = ConfigError | EquilibriumError | LinearizationError;
/** What can go wrong in a scan: any SpectrumError, an unusable range or count, or an interruption before the first point. */
export type ScanError = SpectrumError | ParameterError | InterruptedError;

/** The spectrum at the equilibrium of `base` with the field `path` set to p. */
export const spectrumAt = (base: Config, path: string, p: number, modes: ModeSet = 'all', zeroTol = DEFAULT_ZERO_TOL): E.Either<SpectrumError, SpectrumAt> => {
  const at = { path, value: p };
  return pipe(
    setField(base, path, p),
    E.map(buildModel),
    E.chainW((model) => pipe(
      findEquilibrium(model),
      E.mapLeft((e): SpectrumError => ({ ...e, at })),
      E.chainW((eq) => pipe(linearize(model, eq.u, { zeroTol }), E.mapLeft((e): SpectrumError => ({ ...e, at })))),
      E.map((lin) => ({ model, lin })),
    )),
    E.map(({ model, lin }) => {
      const e = lin.eigen;
      if (modes === 'collective') {
        const cd = collectiveDamping(lin);
        const top = lin.collective.reduce((b, k) => (e.re[k] > e.re[b] ? k : b), lin.collective[0]);
        return { p, model, lin, alpha: cd.alpha, complex: Math.abs(e.im[top]) > 1e-7 * Math.hypot(e.re[top], e.im[top]) };
      }
      let row: (typeof lin.table)[number] | undefined;
      for (const r of lin.table) if (r.kind === 'mode' && (!row || r.re > row.re)) row = r;
      return { p, model, lin, alpha: lin.alpha, complex: row !== undefined && Math.abs(row.im) > 1e-7 * row.omegaN };
    }),
  );
};

export interface CriticalResult {
  readonly param: string;
  readonly modes: ModeSet;
  readonly argminAlpha: number;
  readonly argminUncertainty: number;
  readonly alphaMin: number;
  readonly zetaOne: number | null;
  readonly zetaOneUncertainty: number | null;
  readonly grid: { p: number[]; alpha: number[] };
  /** False when the scan was interrupted (CriticalOptions.signal): the numbers are the best found so far. */
  readonly complete: boolean;
  readonly zeroTol: number;
  /** For a linear critic (wgan, grad2-fake, mu = 0) and p = regularizer.lambda: the closed form (docs/model.md). */
  readonly closedForm?: { lambdaC: number; omega0: number };
  /**
   * For a non-linear critic scanned over regularizer.lambda: what the linear-critic closed form,
   * lambda_c = sqrt(etaG gbar / etaD), would predict for the same learning rates and kernel; a yardstick to
   * set the MLP's critical lambda beside, not a prediction for it.
   */
  readonly linearTheory?: { lambdaC: number; omega0: number };
}

/**
 * Critical damping of `base` over the field `path` on [lo, hi].
 * @example
 * criticalDamping(config, 'regularizer.lambda', 0.01, 10);   // Right({ argminAlpha, zetaOne, closedForm, ... })
 */
export const criticalDamping = (base: Config, path: string, lo: number, hi: number, opts: CriticalOptions = {}): E.Either<ScanError, CriticalResult> => {
  if (!(lo < hi)) return E.left(parameterError('lo/hi', `expected lo < hi (got ${lo}, ${hi})`));
  const modes = opts.modes ?? 'all';
  const zeroTol = opts.zeroTol ?? DEFAULT_ZERO_TOL;
  const relTol = opts.relTol ?? 1e-10;
  const grid = scanGrid(lo, hi, opts.grid ?? 25);
  const at = (p: number) => spectrumAt(base, path, p, modes, zeroTol);
  const stopped = () => opts.signal?.aborted === true;
  const pts: SpectrumAt[] = [];
  for (const p of grid) {
    if (stopped()) break;
    const s = at(p);
    if (E.isLeft(s)) return E.left(s.left);
    pts.push(s.right);
  }
  if (pts.length === 0) return E.left(interruptedError(`interrupted before the first of ${grid.length} points of ${path} was computed`));
  const scanned = grid.slice(0, pts.length);
  let kBest = 0;
  pts.forEach((s, k) => { if (s.alpha < pts[kBest].alpha) kBest = k; });
  const a = scanned[Math.max(0, kBest - 1)], b = scanned[Math.min(scanned.length - 1, kBest + 1)];
  let failure: SpectrumError | undefined;
  // The best point evaluated, kept for an interruption inside the minimizer.
  let best = { x: scanned[kBest], fx: pts[kBest].alpha };
  const f = (p: number) => {
    if (stopped()) return Infinity;
    const s = at(p);
    if (E.isLeft(s)) { failure = s.left; return Infinity; }
    if (s.right.alpha < best.fx) best = { x: p, fx: s.right.alpha };
    return s.right.alpha;
  };
  // Brent only on a whole scan; stopped before or during it, the best point evaluated, bracketed by its grid cell.
  const min = stopped() ? undefined : brentMinimize(f, a, b, relTol);
  if (failure) return E.left(failure);
  const argmin = min && !stopped() ? min : { x: best.x, fx: best.fx, uncertainty: 0.5 * (b - a) };
  // zeta = 1: the first grid cell where the least-damped mode changes from complex to real.
  let zetaOne: number | null = null, zetaOneUnc: number | null = null;
  for (let k = 0; k + 1 < pts.length; k++) {
    if (pts[k].complex && !pts[k + 1].complex) {
      let x0 = grid[k], x1 = grid[k + 1];
      for (let it = 0; it < 200 && x1 - x0 > relTol * Math.abs(x1); it++) {
        if (stopped()) break;
        const xm = 0.5 * (x0 + x1);
        const s = at(xm);
        if (E.isLeft(s)) return E.left(s.left);
        if (s.right.complex) x0 = xm; else x1 = xm;
      }
      zetaOne = 0.5 * (x0 + x1);
      zetaOneUnc = 0.5 * (x1 - x0);
      break;
    }
  }
  const m0 = pts[0].model;
  const linearCase = base.critic.kind === 'linear' && base.loss === 'wgan' && base.regularizer.kind === 'grad2-fake' && base.weightDecay === 0 && path === 'regularizer.lambda';
  const linear = { lambdaC: lambdaCritical({ etaG: base.etaG, etaD: base.etaD, gbar: m0.kernel.gbar }), omega0: omega0({ etaG: base.etaG, etaD: base.etaD, gbar: m0.kernel.gbar, lambda: 0 }) };
  return E.right({
    param: path, modes, argminAlpha: argmin.x, argminUncertainty: argmin.uncertainty, alphaMin: argmin.fx, zetaOne, zetaOneUncertainty: zetaOneUnc,
    grid: { p: scanned, alpha: pts.map((s) => s.alpha) }, zeroTol, complete: !stopped(),
    ...(linearCase ? { closedForm: linear } : path === 'regularizer.lambda' ? { linearTheory: linear } : {}),
  });
};
