/**
 * Failure values of the analysis layer, tagged for matching with fp-ts
 * (`E.match`, or a switch on `_tag`) and composing with config errors:
 * - `EquilibriumError`: no equilibrium where one was looked for (the feature-mean equations did not
 *   converge, their Jacobian was singular, or the found state is not at rest);
 * - `LinearizationError`: the eigen-decomposition did not converge;
 * - `ParameterError`: a scan's range or count is unusable.
 * Each carries a message for people and, inside a parameter scan, the parameter value it happened at.
 */

/** Where in a parameter scan a failure happened. */
export interface AtParameter {
  readonly path: string;
  readonly value: number;
}

export interface EquilibriumError {
  readonly _tag: 'EquilibriumError';
  readonly reason: 'notConverged' | 'singular' | 'notAtRest';
  readonly message: string;
  readonly at?: AtParameter;
}

export interface LinearizationError {
  readonly _tag: 'LinearizationError';
  readonly message: string;
  readonly at?: AtParameter;
}

export interface ParameterError {
  readonly _tag: 'ParameterError';
  /** The option or argument at fault ("lo/hi", "steps"). */
  readonly name: string;
  readonly message: string;
}

/** A scan stopped by its AbortFlag before it had enough points to report (critical: one; locus: two). */
export interface InterruptedError {
  readonly _tag: 'InterruptedError';
  readonly message: string;
}

export const interruptedError = (message: string): InterruptedError => ({ _tag: 'InterruptedError', message });
export const equilibriumError = (reason: EquilibriumError['reason'], message: string): EquilibriumError => ({ _tag: 'EquilibriumError', reason, message });
export const linearizationError = (message: string): LinearizationError => ({ _tag: 'LinearizationError', message });
export const parameterError = (name: string, message: string): ParameterError => ({ _tag: 'ParameterError', name, message });
