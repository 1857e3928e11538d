/**
 * Linearization of the flow at a state: the Jacobian (central differences,
 * per-column steps from the state's scale), its spectrum, the damping table
 * with an explicit zero tolerance, and the collective modes: the
 * 2d eigenmodes whose particle part overlaps most with rigid translations
 * (dx_i = c for all i), i.e. the modes of the linear theory (docs/model.md,
 * linearization).
 */
import * as E from 'fp-ts/lib/Either.js';
import type { EganModel } from '../model/model.js';
import { type Eigen } from './eigen.js';
import { type DampingRow } from './damping.js';
import { type LinearizationError } from './errors.js';
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
export declare const jacobianAt: (m: Pick<EganModel, "rhs" | "n" | "jacobian">, u: Float64Array, finiteDifferences?: boolean) => Float64Array;
/** Fraction of |v|^2 in the rigid translations of the particles (the first N d entries). */
export declare const rigidOverlaps: (e: Eigen, N: number, d: number) => Float64Array;
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
export declare const linearize: (m: EganModel, u: Float64Array, opts?: LinearizeOptions) => E.Either<LinearizationError, Linearization>;
/** Damping rows of the collective modes, and their abscissa and smallest damping ratio. */
export declare const collectiveDamping: (lin: Linearization) => {
    rows: DampingRow[];
    alpha: number;
    zeta: number;
};
//# sourceMappingURL=linearize.d.ts.map