/**
 * The structured finite-difference Jacobian (src/model/structuredJacobian.ts) against central differences of
 * the whole right-hand side, on the 48 critic x loss x regularizer cases of the gradient tests (plus weight
 * decay, a two-point kernel with g2 != 0, and an NTK kernel for the dense-K path), and its cost: 1 + p
 * calls of the right-hand side, the particle columns from single-point evaluations.
 */
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, centralJacobian, forwardJacobian, jacobianWork, structuredJacobian, runModel, type ConfigInput, type Rhs } from '../../src/index.ts';
import { model, derivativeSetting, GRADIENT_CRITICS } from '../helpers/configs.ts';
import { relDiff } from '../helpers/problems.ts';
import * as E from 'fp-ts/lib/Either.js';

const base = derivativeSetting;
const critics = GRADIENT_CRITICS;

describe('structured Jacobian vs central differences of the whole right-hand side', () => {
  for (const critic of critics) for (const loss of ['wgan', 'nsgan'] as const) for (const reg of ['grad2-fake', 'grad2-real', 'gp-fake'] as const) {
    const name = critic!.kind === 'linear' ? 'linear' : `mlp ${JSON.stringify(critic!.hidden)} ${critic!.activation}`;
    it(`${name}, ${loss}, ${reg}`, () => {
      const m = model(base({ critic, loss, regularizer: { kind: reg, lambda: 0.8 } }));
      const n = m.n;
      const ref = new Float64Array(n * n), got = new Float64Array(n * n), fwd = new Float64Array(n * n);
      centralJacobian(m.rhs, 0, m.u0, ref, jacobianWork(n), 1e-3);
      structuredJacobian(m, m.rhs).jacobian(0, m.u0, got);
      const f0 = new Float64Array(n);
      m.rhs(0, m.u0, f0);
      forwardJacobian(m.rhs, 0, m.u0, f0, fwd, jacobianWork(n), 1e-3);
      // Plain forward differences (the solvers' fallback) are the yardstick: measured 5e-8 to 2.3e-5 of the
      // Jacobian's scale from central ones over these cases (their truncation error, h |f''| / 2). The structured
      // Jacobian must be as close, column block by column block; its particle columns (the part it computes
      // differently, one particle at a time) must match the plain ones to rounding.
      const nx = m.N * m.d;
      const e = relDiff(got, ref), eFwd = relDiff(fwd, ref);
      expect(e).toBeLessThanOrEqual(1.01 * eFwd + 1e-12);
      // Particle columns alone: measured <= 3.4e-6 (structured) and <= 7.6e-6 (plain) over these cases; one particle's
      // difference cancels less than the whole right-hand side's.
      const eX = relDiff(got, ref, n, nx);
      expect(eX).toBeLessThan(1e-5);
      expect(eX).toBeLessThanOrEqual(1.5 * relDiff(fwd, ref, n, nx));
    });
  }
  it('a dense kernel (NTK) and a wider state: the same agreement, and 1 + p right-hand-side calls per Jacobian', () => {
    const m = model({ seed: 1, target: { kind: 'ring', samples: 16 }, particles: { n: 12 }, kernel: { kind: 'ntk' }, critic: { kind: 'mlp', hidden: [8], activation: 'tanh' }, regularizer: { kind: 'grad2-fake', lambda: 1 } });
    const n = m.n;
    const ref = new Float64Array(n * n), got = new Float64Array(n * n), fwd = new Float64Array(n * n), f0 = new Float64Array(n);
    centralJacobian(m.rhs, 0, m.u0, ref, jacobianWork(n), 1e-3);
    m.rhs(0, m.u0, f0);
    forwardJacobian(m.rhs, 0, m.u0, f0, fwd, jacobianWork(n), 1e-3);
    let calls = 0;
    const counted: Rhs = (t, u, du) => { calls++; m.rhs(t, u, du); };
    const sj = structuredJacobian(m, counted);
    sj.jacobian(0, m.u0, got);
    expect(relDiff(got, ref)).toBeLessThanOrEqual(1.01 * relDiff(fwd, ref));
    expect(relDiff(got, ref, n, m.N * m.d)).toBeLessThan(1e-5);
    expect(calls).toBe(1 + m.p);
    expect(sj.cost).toBeCloseTo(1 + m.p + (m.N * (m.d + 1)) / (m.N + m.M), 12);
    expect(sj.cost).toBeLessThan(n + 1);
  });
  it('runs with an implicit solver use it and report its cost in the stats (jacobianCost), not in rhsEvals', () => {
    const m = model({ seed: 0, target: { kind: 'ring', samples: 16 }, particles: { n: 16 }, critic: { kind: 'mlp', hidden: [8], activation: 'tanh' }, regularizer: { kind: 'grad2-fake', lambda: 1 }, t1: 5, solver: { method: 'ndf', rtol: 1e-6, atol: 1e-9 } });
    const r = runModel(m);
    if (E.isLeft(r)) throw new Error(r.left.message);
    const s = r.right.stats;
    expect(s.jacobians).toBeGreaterThan(0);
    expect(s.jacobianCost).toBeCloseTo(s.jacobians * m.fdJacobian!.cost, 9);
    // Without plain finite-difference Jacobians, every counted call is f(t0), the initial step or a Newton iteration.
    expect(s.rhsEvals).toBe(2 + s.newtonIterations);
  });
});
