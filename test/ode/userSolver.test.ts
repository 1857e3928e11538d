/**
 * A solver written outside src/ode, as a user would, from the public API only: Heun's method (order 2)
 * with Euler's embedded error estimate (order 1), made by defineSolver + explicitStepper. It solves through
 * `solve` with error control, saveAt, events and dense output, converges at its order with a fixed step,
 * and, once registered, is a valid `solver.method` in a config that runs a model.
 */
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { defineSolver, explicitStepper, registerSolver, solve, makeModel, runModel, formatError, type ExplicitMethod } from '../../src/index.ts';
import { linear3, maxAbsDiff, slope } from '../helpers/problems.ts';

const heunMethod = (adaptive: boolean): ExplicitMethod => ({
  name: 'heun', errorOrder: 1, adaptive, stages: 2,
  step: (f, t, u, f0, h, uNew, err, [y, k2]) => {
    const n = u.length;
    for (let i = 0; i < n; i++) y[i] = u[i] + h * f0[i];
    f(t + h, y, k2);
    for (let i = 0; i < n; i++) {
      uNew[i] = u[i] + (h / 2) * (f0[i] + k2[i]);
      err[i] = (h / 2) * (k2[i] - f0[i]);
    }
  },
});
const heun = defineSolver({ name: 'heun', adaptive: true, stepper: (p, n, ctx) => explicitStepper(heunMethod(true), p.rhs, n, ctx) });
const heunFixed = defineSolver({ name: 'heun-fixed', adaptive: false, stepper: (p, n, ctx) => explicitStepper(heunMethod(false), p.rhs, n, ctx) });

const p = linear3();
const run = (r: ReturnType<typeof solve>) => { if (E.isLeft(r)) throw new Error(formatError(r.left)); return r.right; };

describe('a user-defined solver (Heun-Euler 2(1))', () => {
  it('tracks the exact solution within its tolerance, with saveAt, events and dense output', () => {
    const s = run(solve(p, heun({ rtol: 1e-7, atol: 1e-9 }), { saveAt: { n: 11 }, dense: true, events: [{ g: (_t, u) => u[0], name: 'x = 0' }] }));
    expect(s.method).toBe('heun');
    expect(maxAbsDiff(s.uEnd, p.exact(5))).toBeLessThan(1e-5);
    s.t.forEach((t, k) => expect(maxAbsDiff(s.u[k], p.exact(t))).toBeLessThan(1e-5));
    for (let k = 0; k <= 50; k++) expect(maxAbsDiff(s.at!((5 * k) / 50), p.exact((5 * k) / 50))).toBeLessThan(1e-5);
    // u0(t) = e^{-t/2} (cos 2t + sin(2t)/2) vanishes where tan(2t) = -2.
    const zeros: number[] = [];
    for (let k = 1; (k * Math.PI - Math.atan(2)) / 2 < 5; k++) zeros.push((k * Math.PI - Math.atan(2)) / 2);
    expect(s.events.map((e) => e.t)).toHaveLength(zeros.length);
    s.events.forEach((e, k) => expect(Math.abs(e.t - zeros[k])).toBeLessThan(1e-6));
    expect(s.stats.rejected).toBeLessThan(s.stats.accepted);
  });

  it('with a fixed step converges at order 2 (slope of log error against log h within 0.2)', () => {
    const hs = [0.04, 0.02, 0.01, 0.005];
    const errs = hs.map((h) => maxAbsDiff(run(solve(p, heunFixed({ h }))).uEnd, p.exact(5)));
    expect(Math.abs(slope(hs.map(Math.log), errs.map(Math.log)) - 2)).toBeLessThan(0.2);
  });

  it('once registered, runs a model by name from a config', () => {
    registerSolver({ name: 'heun', adaptive: true, description: 'Heun-Euler 2(1), a test solver', make: heun });
    const m = makeModel({ target: { kind: 'ring', samples: 32 }, particles: { n: 8 }, critic: { kind: 'mlp', hidden: [4], activation: 'tanh' }, t1: 2, solver: { method: 'heun', rtol: 1e-6 } });
    if (E.isLeft(m)) throw new Error(formatError(m.left));
    const r = runModel(m.right);
    if (E.isLeft(r)) throw new Error(r.left.message);
    expect(r.right.t).toBe(2);
    expect(r.right.stats.rhsEvals).toBeGreaterThan(0);
    const bad = makeModel({ target: { kind: 'ring' }, particles: { n: 8 }, solver: { method: 'heunn' } });
    expect(E.isLeft(bad) && bad.left.path).toBe('solver.method');
  });
});
