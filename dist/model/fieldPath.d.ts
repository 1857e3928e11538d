/**
 * Setting one config field by its path ("regularizer.lambda", "kernel.g2",
 * "etaD", "critic.hidden.0", ...) and re-validating, so that a parameter
 * scan can never produce an invalid config silently.
 */
import * as E from 'fp-ts/lib/Either.js';
import { type Config, type ConfigError } from './config.js';
export declare const getField: (config: unknown, path: string) => unknown;
export declare const setField: (config: Config, path: string, value: unknown) => E.Either<ConfigError, Config>;
//# sourceMappingURL=fieldPath.d.ts.map