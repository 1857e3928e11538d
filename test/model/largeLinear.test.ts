/**
 * A linear critic with many particles under an explicit solver builds no dense N x N matrix: its analytic
 * Jacobian (for the stiff solvers) computes the kernel's row sums at its first call, not when the model is
 * built. N = 60,000 would need a 28.8 GB kernel matrix; the run takes one Euler step and succeeds.
 */
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { makeModel, runModel, formatError } from '../../src/index.ts';

describe('a linear critic with N = 60,000 particles and Euler', () => {
  it('runs without the dense kernel', () => {
    const m = makeModel({ target: { kind: 'ring', samples: 16 }, particles: { n: 60_000 }, critic: { kind: 'linear' }, t1: 1, solver: { method: 'euler', h: 1 }, saveAt: { n: 2 } });
    if (E.isLeft(m)) throw new Error(formatError(m.left));
    expect(m.right.jacobian).toBeDefined();
    const r = runModel(m.right);
    if (E.isLeft(r)) throw new Error(`${r.left.status}: ${r.left.message}`);
    expect(r.right.status).toBe('success');
    expect(r.right.stats.rhsEvals).toBeLessThanOrEqual(3);
  }, 60_000);
});
