/**
 * Critical damping over any scalar config parameter p (a field path such as
 * "regularizer.lambda", "etaD", "kernel.g2"; SPEC §4):
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
import type { Config } from '../model/config.ts';
import { setField } from '../model/fieldPath.ts';
import { formatConfigError } from '../model/config.ts';
import { buildModel, type EganModel } from '../model/model.ts';
import { findEquilibrium } from './equilibrium.ts';
import { collectiveDamping, tryLinearize, type Linearization } from './linearize.ts';
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
}

export const spectrumAt = (base: Config, path: string, p: number, modes: ModeSet = 'all', zeroTol = DEFAULT_ZERO_TOL): E.Either<string, SpectrumAt> => {
  const c = setField(base, path, p);
  if (E.isLeft(c)) return E.left(formatConfigError(c.left));
  const model = buildModel(c.right);
  const eq = findEquilibrium(model);
  if (E.isLeft(eq)) return E.left(`${path} = ${p}: ${eq.left}`);
  const linearized = tryLinearize(model, eq.right.u, zeroTol);
  if (E.isLeft(linearized)) return E.left(`${path} = ${p}: ${linearized.left}`);
  const lin = linearized.right;
  const e = lin.eigen;
  if (modes === 'collective') {
    const cd = collectiveDamping(lin);
    const top = lin.collective.reduce((b, k) => (e.re[k] > e.re[b] ? k : b), lin.collective[0]);
    return E.right({ p, model, lin, alpha: cd.alpha, complex: Math.abs(e.im[top]) > 1e-7 * Math.hypot(e.re[top], e.im[top]) });
  }
  let row: (typeof lin.table)[number] | undefined;
  for (const r of lin.table) if (r.kind === 'mode' && (!row || r.re > row.re)) row = r;
  return E.right({ p, model, lin, alpha: lin.alpha, complex: row !== undefined && Math.abs(row.im) > 1e-7 * row.omegaN });
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
  readonly zeroTol: number;
  /** For a linear critic (wgan, grad2-fake, mu = 0) and p = regularizer.lambda: SPEC §4's closed form. */
  readonly closedForm?: { lambdaC: number; omega0: number };
}

export const criticalDamping = (base: Config, path: string, lo: number, hi: number, opts: CriticalOptions = {}): E.Either<string, CriticalResult> => {
  if (!(lo < hi)) return E.left(`expected lo < hi (got ${lo}, ${hi})`);
  const modes = opts.modes ?? 'all';
  const zeroTol = opts.zeroTol ?? DEFAULT_ZERO_TOL;
  const relTol = opts.relTol ?? 1e-10;
  const grid = scanGrid(lo, hi, opts.grid ?? 25);
  const at = (p: number) => spectrumAt(base, path, p, modes, zeroTol);
  const pts: SpectrumAt[] = [];
  for (const p of grid) {
    const s = at(p);
    if (E.isLeft(s)) return E.left(s.left);
    pts.push(s.right);
  }
  let kBest = 0;
  pts.forEach((s, k) => { if (s.alpha < pts[kBest].alpha) kBest = k; });
  const a = grid[Math.max(0, kBest - 1)], b = grid[Math.min(grid.length - 1, kBest + 1)];
  let failure: string | undefined;
  const f = (p: number) => { const s = at(p); if (E.isLeft(s)) { failure = s.left; return Infinity; } return s.right.alpha; };
  const min = brentMinimize(f, a, b, relTol);
  if (failure) return E.left(failure);
  // zeta = 1: the first grid cell where the least-damped mode changes from complex to real.
  let zetaOne: number | null = null, zetaOneUnc: number | null = null;
  for (let k = 0; k + 1 < pts.length; k++) {
    if (pts[k].complex && !pts[k + 1].complex) {
      let x0 = grid[k], x1 = grid[k + 1];
      for (let it = 0; it < 200 && x1 - x0 > relTol * Math.abs(x1); it++) {
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
  return E.right({
    param: path, modes, argminAlpha: min.x, argminUncertainty: min.uncertainty, alphaMin: min.fx, zetaOne, zetaOneUncertainty: zetaOneUnc,
    grid: { p: grid, alpha: pts.map((s) => s.alpha) }, zeroTol,
    ...(linearCase ? { closedForm: { lambdaC: lambdaCritical({ etaG: base.etaG, etaD: base.etaD, gbar: m0.kernel.gbar }), omega0: omega0({ etaG: base.etaG, etaD: base.etaD, gbar: m0.kernel.gbar, lambda: 0 }) } } : {}),
  });
};
