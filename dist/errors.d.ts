/**
 * Every failure value of egan's public functions, as one tagged union: match on `_tag` (and on a solve
 * failure's `code`), never on a message. `formatError` gives the one-line message the CLI prints.
 *
 * @example
 * import { pipe } from 'fp-ts/function';
 * import * as E from 'fp-ts/Either';
 * pipe(makeModel(json), E.chainW((m) => solveModel(m)), E.mapLeft(formatError));
 */
import type { ConfigError } from './model/config.js';
import type { SolveFailure } from './ode/failure.js';
import type { EquilibriumError, LinearizationError, ParameterError } from './analysis/errors.js';
import type { ThreadError } from './model/threadedRhs.js';
import type { SweepError } from './experiments/sweep.js';
export type EganError = ConfigError | SolveFailure | EquilibriumError | LinearizationError | ParameterError | ThreadError | SweepError;
/** One line for people: what failed, and where (config field, parameter value, time). */
export declare const formatError: (e: EganError) => string;
//# sourceMappingURL=errors.d.ts.map