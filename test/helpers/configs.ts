/** Small configs for model tests. */
import * as E from 'fp-ts/lib/Either.js';
import { parseConfig, buildModel, linearize, formatError, ACTIVATIONS, type ConfigInput, type EganModel, type Linearization, type LinearizeOptions } from '../../src/index.ts';

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

/**
 * The small setting of the derivative tests (3 weighted target points, 4 particles, a two-point kernel with
 * g2 != 0, weight decay), with `extra` on top; with GRADIENT_CRITICS x 2 losses x 3 regularizers, the 48 cases.
 */
export const derivativeSetting = (extra: Partial<ConfigInput>): ConfigInput => ({
  seed: 3,
  target: { kind: 'points', points: [[0.3, -0.2], [-0.5, 0.4], [0.1, 0.7]], weights: [1, 2, 1] },
  particles: { n: 4, init: { kind: 'gaussian', std: 0.6 } },
  kernel: { kind: 'two-point', g1: 1, g2: 0.3 },
  etaG: 0.7, etaD: 1.3, weightDecay: 0.05,
  ...extra,
});

/** The critics of the derivative tests: linear, every activation in [5, 4], and a one-layer tanh. */
export const GRADIENT_CRITICS: ConfigInput['critic'][] = [
  { kind: 'linear' },
  ...ACTIVATIONS.map((activation) => ({ kind: 'mlp' as const, hidden: [5, 4], activation, beta: 1.5 })),
  { kind: 'mlp', hidden: [6], activation: 'tanh' },
];
