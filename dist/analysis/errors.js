/**
 * Failure values of the analysis layer, tagged for matching with fp-ts
 * (`E.match`, or a switch on `_tag`) and composing with config errors:
 * - `EquilibriumError`: no equilibrium where one was looked for (the feature-mean equations did not
 *   converge, their Jacobian was singular, or the found state is not at rest);
 * - `LinearizationError`: the eigen-decomposition did not converge;
 * - `ParameterError`: a scan's range or count is unusable.
 * Each carries a message for people and, inside a parameter scan, the parameter value it happened at.
 */
export const equilibriumError = (reason, message) => ({ _tag: 'EquilibriumError', reason, message });
export const linearizationError = (message) => ({ _tag: 'LinearizationError', message });
export const parameterError = (name, message) => ({ _tag: 'ParameterError', name, message });
//# sourceMappingURL=errors.js.map