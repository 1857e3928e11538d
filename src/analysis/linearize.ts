/**
 * Linearization of the flow at a state: the Jacobian (central differences,
 * per-column steps from the state's scale), its spectrum, the damping table
 * with an explicit zero tolerance, and the collective modes: the
 * 2d eigenmodes whose particle part overlaps most with rigid translations
 * (dx_i = c for all i), i.e. the modes of the linear theory (docs/model.md,
 * linearization).
 */
import * as E from 'fp-ts/lib/Either.js';
import type { EganModel } from '../model/model.ts';
import { centralJacobian, jacobianWork } from '../ode/jacobian.ts';
import { eigen, type Eigen } from '../linalg/eigen.ts';
import { dampingTable, spectralAbscissa, DEFAULT_ZERO_TOL, type DampingRow } from './damping.ts';
import { linearizationError, type LinearizationError } from './errors.ts';

export interface Linearization {
  readonly n: number;
  readonly jacobian: Float64Array;
  readonly eigen: Eigen;
  readonly table: DampingRow[];
  readonly zeroTol: number;
  readonly zeroModes: number;
  /** Spectral abscissa over non-zero modes (max real part). */
  readonly alpha: number;
  /** Indices (into eigen) of the collective modes, most rigid first. */
  readonly collective: number[];
  /** Fraction of each mode's particle part in rigid translations. */
  readonly rigidOverlap: Float64Array;
}

/**
 * The Jacobian at u: the model's analytic one when it has it (unless
 * `finiteDifferences`), else central differences with typical scale 1.
 */
export const jacobianAt = (m: Pick<EganModel, 'rhs' | 'n' | 'jacobian'>, u: Float64Array, finiteDifferences = false): Float64Array => {
  const J = new Float64Array(m.n * m.n);
  if (m.jacobian && !finiteDifferences) m.jacobian(0, u, J);
  else centralJacobian(m.rhs, 0, u, J, jacobianWork(m.n), 1);
  return J;
};

/** Fraction of |v|^2 in the rigid translations of the particles (the first N d entries). */
export const rigidOverlaps = (e: Eigen, N: number, d: number): Float64Array => {
  const n = e.n;
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let f = 0;
    for (let c = 0; c < d; c++) {
      let sr = 0, si = 0;
      for (let i = 0; i < N; i++) { sr += e.vre[k * n + i * d + c]; si += e.vim[k * n + i * d + c]; }
      f += (sr * sr + si * si) / N;
    }
    out[k] = f;
  }
  return out;
};

/** The linearization at u; throws when the eigen-decomposition does not converge (`linearize` returns that as a value). */
const linearizeOrThrow = (m: EganModel, u: Float64Array, zeroTol: number, finiteDifferences: boolean): Linearization => {
  const J = jacobianAt(m, u, finiteDifferences);
  const e = eigen(J, m.n);
  const table = dampingTable(e.re, e.im, zeroTol);
  const zeroModes = table.filter((r) => r.kind === 'zero').length;
  const ov = rigidOverlaps(e, m.N, m.d);
  let scale = 0;
  for (let k = 0; k < m.n; k++) scale = Math.max(scale, Math.hypot(e.re[k], e.im[k]));
  const nonZero = Array.from({ length: m.n }, (_, k) => k).filter((k) => Math.hypot(e.re[k], e.im[k]) > zeroTol * scale);
  const collective = nonZero.sort((a, b) => ov[b] - ov[a] || e.im[b] - e.im[a]).slice(0, 2 * m.d);
  return { n: m.n, jacobian: J, eigen: e, table, zeroTol, zeroModes, alpha: spectralAbscissa(table), collective, rigidOverlap: ov };
};

export interface LinearizeOptions {
  /** Relative tolerance below which |s| counts as a zero mode (default 1e-7 of the largest |s|). */
  readonly zeroTol?: number;
  /** Central differences even where the model has an analytic Jacobian (for cross-checks). */
  readonly finiteDifferences?: boolean;
}

/**
 * The flow linearized at a state u (usually an equilibrium, findEquilibrium): its Jacobian, spectrum,
 * damping table with an explicit zero tolerance, and the collective modes. An eigen-decomposition that does
 * not converge is a LinearizationError value, not an exception.
 * @example
 * pipe(findEquilibrium(model), E.chainW((eq) => linearize(model, eq.u)), E.map((lin) => lin.alpha));
 */
export const linearize = (m: EganModel, u: Float64Array, opts: LinearizeOptions = {}): E.Either<LinearizationError, Linearization> =>
  E.tryCatch(() => linearizeOrThrow(m, u, opts.zeroTol ?? DEFAULT_ZERO_TOL, opts.finiteDifferences ?? false), (e) => linearizationError(`linearization failed: ${e instanceof Error ? e.message : String(e)}`));

/** Damping rows of the collective modes, and their abscissa and smallest damping ratio. */
export const collectiveDamping = (lin: Linearization) => {
  const rows = dampingTable(lin.collective.map((k) => lin.eigen.re[k]), lin.collective.map((k) => lin.eigen.im[k]), 0);
  return { rows, alpha: spectralAbscissa(rows), zeta: Math.min(...rows.map((r) => r.zeta ?? 1)) };
};
