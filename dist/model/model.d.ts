/**
 * A resolved effective-GAN model: everything a config determines (target
 * samples, initial particles, kernel, critic shape and initial theta, the
 * flat initial state and the right-hand side), built once.
 *
 * @example
 * const model = buildModel(config);          // config from parseConfig
 * const du = new Float64Array(model.n);
 * model.rhs(0, model.u0, du);
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Config, ConfigError } from './config.js';
import { type Target } from './targets.js';
import { type Kernel } from './kernels.js';
import { type CriticShape } from './critic.js';
import type { EganParts } from './parts.js';
import type { JacobianFn, Rhs } from '../ode/problem.js';
export interface EganModel extends EganParts {
    readonly config: Config;
    readonly target: Target;
    readonly kernel: Kernel;
    readonly shape: CriticShape;
    readonly M: number;
    readonly p: number;
    /** State size N d + p. */
    readonly n: number;
    readonly u0: Float64Array;
    readonly rhs: Rhs;
    /** Exact Jacobian where the model has one (linear critic, wgan, grad2-*), else undefined. */
    readonly jacobian?: JacobianFn;
}
export declare const buildModel: (config: Config) => EganModel;
/**
 * A model straight from a JSON value: parseConfig, then buildModel.
 * @example
 * makeModel({ target: { kind: 'ring' }, particles: { n: 64 } });   // Right(EganModel)
 * makeModel({ target: { kind: 'ring' }, particles: { n: 0 } });    // Left({ _tag: 'ConfigError', path: 'particles.n', ... })
 */
export declare const makeModel: (input: unknown) => E.Either<ConfigError, EganModel>;
//# sourceMappingURL=model.d.ts.map