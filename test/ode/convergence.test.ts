/**
 * Convergence order against an exact solution (linear system solved by its
 * eigen-decomposition). Fixed-step methods: the slope of log(error) against
 * log(h) must lie within ±0.3 of the order. Adaptive methods: the global
 * error must track the tolerance (slope of log error vs log tol in
 * [0.7, 1.3], and error below 50 * tol).
 */
import { describe, expect, it } from 'vitest';
import { solve } from '../../src/index.ts';
import { by, linear3, maxAbsDiff, slope } from '../helpers/problems.ts';

const p = linear3();
const exact = p.exact(p.tspan[1]);

const fixedOrder = (method: string, hs: number[]) => {
  const errs = hs.map((h) => {
    const r = solve(p, by(method, { h }));
    if (r._tag === 'Left') throw new Error(r.left.message);
    return maxAbsDiff(r.right.uEnd, exact);
  });
  return slope(hs.map(Math.log), errs.map(Math.log));
};

const rk4Order = fixedOrder('rk4', [0.1, 0.05, 0.025, 0.0125]);
const eulerOrder = fixedOrder('euler', [0.01, 0.005, 0.0025, 0.00125]);

describe('fixed-step convergence order', () => {
  it(`rk4 measured order ${rk4Order.toFixed(3)} is 4 ± 0.3`, () => {
    expect(Math.abs(rk4Order - 4)).toBeLessThan(0.3);
  });
  it(`euler measured order ${eulerOrder.toFixed(3)} is 1 ± 0.3`, () => {
    expect(Math.abs(eulerOrder - 1)).toBeLessThan(0.3);
  });
});

const tols = [1e-4, 1e-6, 1e-8, 1e-10];
const adaptive = (method: string) => tols.map((tol) => {
  const r = solve(p, by(method, { rtol: tol, atol: tol }));
  if (r._tag === 'Left') throw new Error(r.left.message);
  return maxAbsDiff(r.right.uEnd, exact);
});

describe('adaptive methods: the error tracks the tolerance', () => {
  for (const method of ['dopri5', 'dop853', 'odex', 'rodas4', 'auto']) {
    const errs = adaptive(method);
    const s = slope(tols.map(Math.log), errs.map(Math.log));
    it(`${method}: log-error vs log-tol slope ${s.toFixed(2)}, errors ${errs.map((e) => e.toExponential(1)).join(' ')}`, () => {
      for (let k = 0; k < tols.length; k++) expect(errs[k]).toBeLessThan(50 * tols[k]);
      expect(s).toBeGreaterThan(0.7);
      expect(s).toBeLessThan(1.3);
    });
  }
});

describe('backward integration', () => {
  it('dopri5 and rk4 integrate from t1 back to 0 and recover u0', () => {
    const t1 = p.tspan[1];
    for (const method of ['dopri5', 'dop853', 'rodas4', 'odex', 'rk4']) {
      const back = solve({ ...p, u0: Float64Array.from(exact), tspan: [t1, 0] }, by(method, { rtol: 1e-10, atol: 1e-12, h: 0.01 }));
      if (back._tag === 'Left') throw new Error(`${method}: ${back.left.message}`);
      expect(back.right.tEnd).toBe(0);
      expect(maxAbsDiff(back.right.uEnd, p.u0)).toBeLessThan(1e-6);
    }
  });
});
