/**
 * The native kernel gives the JavaScript kernel's bits (every chunk's parameter gradient and forces) on
 * random one-hidden-layer models it covers: relu, leaky_relu, tanh, sigmoid; wgan; any regularizer and
 * lambda (0 included); d = 1 to 3; N and M from 1 to 200 (partial blocks of 32, one to several chunks);
 * at u0 and at a random state with weights scaled up to 100x (the activations' tails and clamps).
 * Skipped, with the reason, where no usable native build exists (test/model/native.test.ts requires one
 * wherever a C compiler is installed).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { kernelMismatch, nativeStatus } from '../src/index.ts';
import { PROP_PARAMS, build, dbl } from './arbitraries.ts';

const status = nativeStatus();

const covered = fc.record({
  N: fc.integer({ min: 1, max: 200 }),
  M: fc.integer({ min: 1, max: 200 }),
  d: fc.integer({ min: 1, max: 3 }),
  H: fc.integer({ min: 1, max: 9 }),
  seed: fc.integer({ min: 0, max: 1000 }),
  activation: fc.constantFrom('relu', 'leaky_relu', 'tanh', 'sigmoid'),
  reg: fc.constantFrom('grad2-fake', 'grad2-real', 'gp-fake'),
  lambda: fc.oneof(fc.constant(0), dbl(0, 3)),
  std: dbl(0.05, 2),
});

describe.skipIf(!status.available)(`native kernel${status.available ? '' : ` (skipped: ${status.reason})`}`, () => {
  test.prop([covered, dbl(-1, 1), dbl(1, 100)], { ...PROP_PARAMS, numRuns: Math.min(PROP_PARAMS.numRuns, 60) })('equals the JavaScript kernel bit for bit', (c, shift, scale) => {
    const m = build({
      seed: c.seed, target: { kind: 'gaussian', samples: c.M, std: c.std, dim: c.d }, particles: { n: c.N, init: { kind: 'gaussian', std: c.std } },
      critic: { kind: 'mlp', hidden: [c.H], activation: c.activation }, regularizer: { kind: c.reg as 'grad2-fake', lambda: c.lambda },
    });
    const moved = m.u0.map((x, k) => (k >= m.N * m.d ? scale * x : x) + shift * Math.sin(3 * k + 1));
    if (!status.available) return;
    expect(kernelMismatch(status.addon, m, [m.u0, moved])).toBeUndefined();
  });
});
