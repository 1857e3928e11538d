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
import type { Config } from '../model/config.js';
import { type Eigen } from './eigen.js';
import { type ScanError } from './critical.js';
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
}
/** Follow branches through a sequence of spectra of equal size. */
export declare const trackSpectra: (spectra: readonly Eigen[], zeroTol?: number) => Branch[];
/**
 * Eigenvalues at the equilibrium of `base` for `steps` values of the field `path` from `from` to `to`, each
 * branch followed by eigenvector overlap.
 * @example
 * rootLocus(config, 'regularizer.lambda', 0, 1, 21);   // Right({ p, branches: [{ re, im, zero, continuity }] })
 */
export declare const rootLocus: (base: Config, path: string, from: number, to: number, steps: number, zeroTol?: number) => E.Either<ScanError, Locus>;
//# sourceMappingURL=locus.d.ts.map