/** Small configs for model tests. */
import * as E from 'fp-ts/lib/Either.js';
import { parseConfig, buildModel, linearize, formatError, type ConfigInput, type EganModel, type Linearization, type LinearizeOptions } from '../../src/index.ts';

export const model = (input: ConfigInput): EganModel => {
  const r = parseConfig(input);
  if (E.isLeft(r)) throw new Error(`bad test config: ${JSON.stringify(r.left)}`);
  return buildModel(r.right);
};

export const rhsAt = (m: EganModel, u: Float64Array = m.u0): Float64Array => {
  const du = new Float64Array(m.n);
  m.rhs(0, u, du);
  return du;
};

/** linearize, unwrapped (a failure throws with its message). */
export const linearized = (m: EganModel, u: Float64Array, opts: LinearizeOptions = {}): Linearization => {
  const r = linearize(m, u, opts);
  if (E.isLeft(r)) throw new Error(formatError(r.left));
  return r.right;
};
