/** Solver properties on random stable linear systems u' = A u, with the eigen-decomposition solution as reference. */
import { test, fc } from '@fast-check/vitest';
import { expect } from 'vitest';
import { Matrix, EigenvalueDecomposition, inverse } from 'ml-matrix';
import { solve, dopri5 } from '../src/index.ts';
import { by } from '../test/helpers/problems.ts';
import { PROP_PARAMS, dbl } from './arbitraries.ts';

/** A = V diag(-r_k) V^{-1} with a well-conditioned V: exact solution via the decomposition. */
const stableSystem = fc.integer({ min: 1, max: 5 }).chain((n) => fc.record({
  n: fc.constant(n),
  rates: fc.array(dbl(0.1, 3), { minLength: n, maxLength: n }),
  v: fc.array(dbl(-0.3, 0.3), { minLength: n * n, maxLength: n * n }),
  u0: fc.array(dbl(-2, 2), { minLength: n, maxLength: n }),
}));

const build = ({ n, rates, v, u0 }: { n: number; rates: number[]; v: number[]; u0: number[] }) => {
  const V = new Matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) V.set(i, j, (i === j ? 1 : 0) + v[i * n + j]);
  const Vi = inverse(V);
  const A = V.mmul(Matrix.diag(rates.map((r) => -r))).mmul(Vi);
  const exact = (t: number) => V.mmul(Matrix.diag(rates.map((r) => Math.exp(-r * t)))).mmul(Vi).mmul(Matrix.columnVector(u0)).getColumn(0);
  const a = A.to1DArray();
  return { rhs: (_t: number, u: Float64Array, du: Float64Array) => { for (let i = 0; i < n; i++) { let s = 0; for (let j = 0; j < n; j++) s += a[i * n + j] * u[j]; du[i] = s; } }, u0: Float64Array.from(u0), exact, scale: Math.max(1, ...u0.map(Math.abs)) * (V.norm() * Vi.norm()) };
};
void EigenvalueDecomposition;

for (const method of ['dopri5', 'dop853', 'odex', 'rodas4', 'ndf', 'bdf', 'ndf-krylov', 'auto']) {
  test.prop([stableSystem], PROP_PARAMS)(`${method}: matches the eigen-decomposition solution within a tolerance-proportional bound`, (sys) => {
    const p = build(sys);
    const tol = 1e-8;
    const r = solve({ rhs: p.rhs, u0: p.u0, tspan: [0, 3] }, by(method, { rtol: tol, atol: tol }));
    if (r._tag === 'Left') throw new Error(r.left.message);
    const ex = p.exact(3);
    for (let i = 0; i < sys.n; i++) expect(Math.abs(r.right.uEnd[i] - ex[i])).toBeLessThan(1000 * tol * p.scale);
  });
}

test.prop([stableSystem, fc.constantFrom('dopri5', 'dop853', 'rodas4', 'ndf', 'rk4')], PROP_PARAMS)('dense output is continuous across steps', (sys, method) => {
  const p = build(sys);
  const r = solve({ rhs: p.rhs, u0: p.u0, tspan: [0, 3] }, by(method, { rtol: 1e-6, atol: 1e-9, h: 0.1 }), { dense: true, saveAt: { steps: true } });
  if (r._tag === 'Left') throw new Error(r.left.message);
  const s = r.right;
  for (let k = 1; k < s.t.length - 1; k++) {
    const t = s.t[k];
    const left = s.at!(t * (1 - 1e-13)), right = s.at!(t * (1 + 1e-13) + 1e-15), mid = s.u[k];
    for (let i = 0; i < sys.n; i++) {
      expect(Math.abs(left[i] - mid[i])).toBeLessThan(1e-9 * p.scale);
      expect(Math.abs(right[i] - mid[i])).toBeLessThan(1e-9 * p.scale);
    }
  }
});

test.prop([dbl(0.3, 4), dbl(-1, 1), dbl(0, 6.28)], PROP_PARAMS)('every sign change of an event function on the saved grid is reported', (w, c, phase) => {
  // u = (sin(w t + phase), cos(w t + phase)); g = u0 - c
  const r = solve({ rhs: (_t, u, du) => { du[0] = w * u[1]; du[1] = -w * u[0]; }, u0: Float64Array.of(Math.sin(phase), Math.cos(phase)), tspan: [0, 10] },
    dopri5({ rtol: 1e-10, atol: 1e-12 }), { saveAt: { n: 401 }, events: [{ g: (_t, u) => u[0] - c }] });
  if (r._tag === 'Left') throw new Error(r.left.message);
  const s = r.right;
  for (let k = 1; k < s.t.length; k++) {
    const a = s.u[k - 1][0] - c, b = s.u[k][0] - c;
    if (a !== 0 && b !== 0 && (a < 0) !== (b < 0)) expect(s.events.some((e) => e.t >= s.t[k - 1] - 1e-9 && e.t <= s.t[k] + 1e-9)).toBe(true);
  }
});
