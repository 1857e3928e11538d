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
import type { Config, ConfigError } from '../model/config.js';
import { type EganModel } from '../model/model.js';
import { type Linearization } from './linearize.js';
import { type EquilibriumError, type LinearizationError, type ParameterError } from './errors.js';
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
/** What can go wrong at one parameter value: the config it makes, its equilibrium, or its linearization. */
export type SpectrumError = ConfigError | EquilibriumError | LinearizationError;
/** What can go wrong in a scan: any SpectrumError, or an unusable range or count. */
export type ScanError = SpectrumError | ParameterError;
/** The spectrum at the equilibrium of `base` with the field `path` set to p. */
export declare const spectrumAt: (base: Config, path: string, p: number, modes?: ModeSet, zeroTol?: number) => E.Either<SpectrumError, SpectrumAt>;
export interface CriticalResult {
    readonly param: string;
    readonly modes: ModeSet;
    readonly argminAlpha: number;
    readonly argminUncertainty: number;
    readonly alphaMin: number;
    readonly zetaOne: number | null;
    readonly zetaOneUncertainty: number | null;
    readonly grid: {
        p: number[];
        alpha: number[];
    };
    readonly zeroTol: number;
    /** For a linear critic (wgan, grad2-fake, mu = 0) and p = regularizer.lambda: the closed form (docs/model.md). */
    readonly closedForm?: {
        lambdaC: number;
        omega0: number;
    };
}
/**
 * Critical damping of `base` over the field `path` on [lo, hi].
 * @example
 * criticalDamping(config, 'regularizer.lambda', 0.01, 10);   // Right({ argminAlpha, zetaOne, closedForm, ... })
 */
export declare const criticalDamping: (base: Config, path: string, lo: number, hi: number, opts?: CriticalOptions) => E.Either<ScanError, CriticalResult>;
//# sourceMappingURL=critical.d.ts.map