/**
 * Every failure value of egan's public functions, as one tagged union: match on `_tag` (and on a solve
 * failure's `code`), never on a message. `formatError` gives the one-line message the CLI prints.
 *
 * @example
 * import { pipe } from 'fp-ts/function';
 * import * as E from 'fp-ts/Either';
 * pipe(makeModel(json), E.chainW((m) => solveModel(m)), E.mapLeft(formatError));
 */
import type { ConfigError } from './model/config.ts';
import { formatConfigError } from './model/config.ts';
import type { SolveFailure } from './ode/failure.ts';
import type { EquilibriumError, InterruptedError, LinearizationError, ParameterError } from './analysis/errors.ts';
import type { ResourceError } from './model/resources.ts';
import type { ThreadError } from './model/threadedRhs.ts';
import type { SweepError } from './experiments/sweep.ts';
import type { DataError } from './model/datasets.ts';

export type EganError = ConfigError | SolveFailure | EquilibriumError | LinearizationError | ParameterError | InterruptedError | ThreadError | SweepError | DataError | ResourceError;

/** One line for people: what failed, and where (config field, parameter value, time). */
export const formatError = (e: EganError): string => {
  switch (e._tag) {
    case 'ConfigError': return formatConfigError(e);
    case 'SolveFailure': return `${e.code}: ${e.message}`;
    case 'EquilibriumError':
    case 'LinearizationError': return e.at ? `${e.at.path} = ${e.at.value}: ${e.message}` : e.message;
    case 'ParameterError': return `${e.name}: ${e.message}`;
    case 'ThreadError':
    case 'InterruptedError':
    case 'ResourceError':
    case 'SweepError': return e.message;
    case 'DataError': return `${e.file}: ${e.message}`;
  }
};
