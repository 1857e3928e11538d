/**
 * Shared arbitraries for the property suites: small configs (N <= 6, d <= 3,
 * widths <= 5) built with fc.double on constrained ranges (no filters).
 * Runs are reproducible: a fixed seed unless EGAN_PROP_SEED is set, and
 * EGAN_PROP_RUNS raises the number of runs (default 100).
 */
import { fc } from '@fast-check/vitest';
import * as E from 'fp-ts/lib/Either.js';
import { parseConfig, buildModel, ACTIVATIONS, type ConfigInput, type EganModel, type Activation } from '../src/index.ts';

export const PROP_PARAMS = {
  seed: Number(process.env.EGAN_PROP_SEED ?? 20261124),
  numRuns: Number(process.env.EGAN_PROP_RUNS ?? 100),
};

export const dbl = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

export const SMOOTH: Activation[] = ['tanh', 'sigmoid', 'softplus', 'sin'];

export interface SmallConfig { input: ConfigInput; N: number; d: number }

/** A small random config; `kinds` restricts the critic, `smooth` the activations. */
export const smallConfig = (opts: { critic?: 'mlp' | 'linear' | 'any'; smooth?: boolean; loss?: 'wgan' | 'nsgan' | 'any' } = {}) =>
  fc.record({
    N: fc.integer({ min: 2, max: 6 }),
    d: fc.integer({ min: 1, max: 3 }),
    M: fc.integer({ min: 1, max: 6 }),
    seed: fc.integer({ min: 0, max: 1000 }),
    ratio: dbl(-0.15, 1),
    g1: dbl(0.2, 2),
    width: fc.integer({ min: 1, max: 5 }),
    layers: fc.integer({ min: 1, max: 2 }),
    activation: fc.constantFrom(...(opts.smooth ? SMOOTH : ACTIVATIONS)),
    critic: fc.constantFrom(...(opts.critic === 'linear' ? ['linear'] : opts.critic === 'mlp' ? ['mlp'] : ['mlp', 'linear'])),
    loss: fc.constantFrom(...(opts.loss === 'nsgan' ? ['nsgan'] : opts.loss === 'wgan' ? ['wgan'] : ['wgan', 'nsgan'])),
    reg: fc.constantFrom('grad2-fake', 'grad2-real', 'gp-fake'),
    lambda: dbl(0, 2),
    etaG: dbl(0.1, 2),
    etaD: dbl(0.1, 2),
    std: dbl(0.2, 1.5),
  }).map((r): SmallConfig => {
    const N = r.N;
    // g2 in the PSD range [-g1/(N-1), g1], mapped from ratio in [-0.15, 1]
    const g2 = r.ratio >= 0 ? r.ratio * r.g1 : (r.ratio / 0.15) * (r.g1 / (N - 1));
    return {
      N, d: r.d,
      input: {
        seed: r.seed,
        target: { kind: 'gaussian', samples: r.M, std: r.std, dim: r.d },
        particles: { n: N, init: { kind: 'gaussian', std: r.std } },
        kernel: { kind: 'two-point', g1: r.g1, g2 },
        critic: r.critic === 'linear' ? { kind: 'linear' } : { kind: 'mlp', hidden: Array.from({ length: r.layers }, () => r.width), activation: r.activation, beta: 1.3 },
        loss: r.loss as 'wgan' | 'nsgan',
        regularizer: { kind: r.reg as 'grad2-fake', lambda: r.lambda },
        etaG: r.etaG, etaD: r.etaD,
      },
    };
  });

export const build = (input: ConfigInput): EganModel => {
  const r = parseConfig(input);
  if (E.isLeft(r)) throw new Error(`arbitrary produced an invalid config: ${JSON.stringify(r.left)}`);
  return buildModel(r.right);
};

export const rhs = (m: EganModel, u: Float64Array = m.u0): Float64Array => { const du = new Float64Array(m.n); m.rhs(0, u, du); return du; };

export const close = (a: number, b: number, rel: number, abs = 1e-12) => Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)) + abs;
