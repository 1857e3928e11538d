/**
 * The native kernel gives the JavaScript kernel's bits (every chunk's parameter gradient and forces) on
 * random one-hidden-layer models it covers: relu, leaky_relu, tanh, sigmoid; wgan; any regularizer and
 * lambda (0 included); d = 1 to 3; N and M from 1 to 200 (partial blocks of 32, one to several chunks);
 * at u0 and at a random state with weights scaled up to 100x (the activations' tails and clamps); and the
 * whole right-hand side (two-point kernel, weight decay, etaG, etaD) at the random state.
 * Skipped, with the reason, where no usable native build exists (test/model/native.test.ts requires one
 * wherever a C compiler is installed).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { nativeStatus } from '../src/index.ts';
import { kernelMismatch } from '../src/model/nativeCheck.ts';
import { makeOneLayerCore } from '../src/model/rhsOneLayer.ts';
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
  g2: dbl(-0.004, 1),
  weightDecay: fc.oneof(fc.constant(0), dbl(0, 1)),
  etaG: dbl(0.1, 3),
  etaD: dbl(0.1, 3),
});

describe.skipIf(!status.available)(`native kernel${status.available ? '' : ` (skipped: ${status.reason})`}`, () => {
  test.prop([covered, dbl(-1, 1), dbl(1, 100)], { ...PROP_PARAMS, numRuns: Math.min(PROP_PARAMS.numRuns, 60) })('equals the JavaScript kernel bit for bit', (c, shift, scale) => {
    const m = build({
      seed: c.seed, target: { kind: 'gaussian', samples: c.M, std: c.std, dim: c.d }, particles: { n: c.N, init: { kind: 'gaussian', std: c.std } },
      critic: { kind: 'mlp', hidden: [c.H], activation: c.activation }, regularizer: { kind: c.reg as 'grad2-fake', lambda: c.lambda },
      kernel: { kind: 'two-point', g1: 1, g2: c.g2 }, weightDecay: c.weightDecay, etaG: c.etaG, etaD: c.etaD,
    });
    const moved = m.u0.map((x, k) => (k >= m.N * m.d ? scale * x : x) + shift * Math.sin(3 * k + 1));
    if (!status.available) return;
    expect(kernelMismatch(status.addon, m, [m.u0, moved])).toBeUndefined();
    // The whole right-hand side too (team.c's finish: the chunk sums, etaD, weight decay, the two-point kernel).
    const a = new Float64Array(m.n), b = new Float64Array(m.n);
    makeOneLayerCore(m, 'js').rhs(0, moved, a);
    makeOneLayerCore(m).rhs(0, moved, b);
    for (let k = 0; k < m.n; k++) expect(Object.is(a[k], b[k]), `du[${k}]: ${a[k]} vs ${b[k]}`).toBe(true);
  });
});
