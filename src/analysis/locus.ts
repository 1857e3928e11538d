/**
 * Root locus over an arbitrary parameter (docs/model.md, root locus): eigenvalues of the
 * linearization at equilibrium along p, with each branch followed by
 * eigenvector overlap. At every step the modes are matched to the previous
 * step's by an optimal assignment maximizing sum |<v_prev, v_new>| (cost
 * 1 - |overlap|, Hungarian algorithm), so a branch stays one curve when two
 * eigenvalues pass close to each other or cross, where sorting would swap
 * them. `trackSpectra` works on any sequence of eigen-decompositions.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Config } from '../model/config.ts';
import { overlap, type Eigen } from '../linalg/eigen.ts';
import { hungarian } from './assignment.ts';
import { spectrumAt, type ScanError } from './critical.ts';
import { interruptedError, parameterError } from './errors.ts';
import { DEFAULT_ZERO_TOL } from './damping.ts';

export interface Branch {
  readonly re: number[];
  readonly im: number[];
  /** Whether the branch is a zero mode at each point. */
  readonly zero: boolean[];
  /** Overlap of the branch's eigenvector with the previous point's (1 at the start). */
  readonly continuity: number[];
}

export interface Locus {
  readonly param: string;
  readonly p: number[];
  readonly branches: Branch[];
  readonly zeroTol: number;
  /** False when the scan was interrupted: p and the branches stop at the last point computed. */
  readonly complete: boolean;
}

/** Follow branches through a sequence of spectra of equal size. */
export const trackSpectra = (spectra: readonly Eigen[], zeroTol = DEFAULT_ZERO_TOL): Branch[] => {
  const n = spectra[0].n;
  const branches: Branch[] = Array.from({ length: n }, () => ({ re: [], im: [], zero: [], continuity: [] }));
  // order[b] = index of branch b's mode in the current spectrum
  let order: Int32Array = Int32Array.from({ length: n }, (_, k) => k);
  const cost = new Float64Array(n * n);
  spectra.forEach((e, step) => {
    let cont: Float64Array;
    if (step > 0) {
      const prev = spectra[step - 1];
      for (let b = 0; b < n; b++) for (let k = 0; k < n; k++) cost[b * n + k] = 1 - overlap(prev, order[b], e, k);
      const col = hungarian(cost, n);
      cont = new Float64Array(n);
      for (let b = 0; b < n; b++) cont[b] = 1 - cost[b * n + col[b]];
      order = col;
    } else cont = new Float64Array(n).fill(1);
    let scale = 0;
    for (let k = 0; k < n; k++) scale = Math.max(scale, Math.hypot(e.re[k], e.im[k]));
    for (let b = 0; b < n; b++) {
      const k = order[b];
      branches[b].re.push(e.re[k]);
      branches[b].im.push(e.im[k]);
      branches[b].zero.push(Math.hypot(e.re[k], e.im[k]) <= zeroTol * scale);
      branches[b].continuity.push(cont[b]);
    }
  });
  return branches;
};

/**
 * Eigenvalues at the equilibrium of `base` for `steps` values of the field `path` from `from` to `to`, each
 * branch followed by eigenvector overlap.
 * @example
 * rootLocus(config, 'regularizer.lambda', 0, 1, 21);   // Right({ p, branches: [{ re, im, zero, continuity }] })
 */
export const rootLocus = (base: Config, path: string, from: number, to: number, steps: number, zeroTol = DEFAULT_ZERO_TOL, opts: { readonly signal?: { readonly aborted: boolean } } = {}): E.Either<ScanError, Locus> => {
  if (!(Number.isInteger(steps) && steps >= 2)) return E.left(parameterError('steps', `expected an integer steps >= 2 (got ${steps})`));
  const p: number[] = [];
  const spectra: Eigen[] = [];
  for (let k = 0; k < steps; k++) {
    if (opts.signal?.aborted) {
      if (k < 2) return E.left(interruptedError(`interrupted after ${k} of ${steps} points of ${path}; a locus needs two`));
      return E.right({ param: path, p, branches: trackSpectra(spectra, zeroTol), zeroTol, complete: false });
    }
    const x = from + ((to - from) * k) / (steps - 1);
    const s = spectrumAt(base, path, x, 'all', zeroTol);
    if (E.isLeft(s)) return E.left(s.left);
    p.push(x);
    spectra.push(s.right.lin.eigen);
  }
  return E.right({ param: path, p, branches: trackSpectra(spectra, zeroTol), zeroTol, complete: true });
};
