/**
 * RKC (Runge–Kutta–Chebyshev), error-controlled and with a fixed step, against exact solutions of stiff
 * semi-discrete parabolic problems (spectral radius ~4e4): the heat equation u_t = u_xx, and with a reaction
 * term u_t = u_xx + 20 u, whose lowest mode grows (e^{10.1 t}) while the highest decay at ~-4e4.
 */
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { solve, rkc, rkcFixed, dopri5, formatError, type OdeProblem } from '../../src/index.ts';
import { slope } from '../helpers/problems.ts';

const n = 100, dx = 1 / (n + 1);
const lam = (k: number) => (4 / dx / dx) * Math.sin((k * Math.PI * dx) / 2) ** 2; // eigenvalues of -u_xx on the grid
const mode = (k: number) => Float64Array.from({ length: n }, (_, i) => Math.sin(k * Math.PI * (i + 1) * dx));
const heat = (c: number): OdeProblem => ({
  rhs: (_t, u, du) => { for (let i = 0; i < n; i++) du[i] = ((i > 0 ? u[i - 1] : 0) - 2 * u[i] + (i < n - 1 ? u[i + 1] : 0)) / (dx * dx) + c * u[i]; },
  u0: Float64Array.from(mode(1), (x, i) => x + mode(3)[i]),
  tspan: [0, 0.5],
});
const exact = (c: number, t: number) => Float64Array.from(mode(1), (x, i) => Math.exp((c - lam(1)) * t) * x + Math.exp((c - lam(3)) * t) * mode(3)[i]);
const maxErr = (u: Float64Array, v: Float64Array) => u.reduce((m, x, i) => Math.max(m, Math.abs(x - v[i])), 0);
const run = (p: OdeProblem, s: Parameters<typeof solve>[1]) => { const r = solve(p, s); if (E.isLeft(r)) throw new Error(formatError(r.left)); return r.right; };

describe('RKC', () => {
  it(`error-controlled: the heat equation (rho ${lam(n).toFixed(0)}) at rtol 1e-6 to 1e-3 of its largest value (measured 1.2e-4: RKC's global error runs 20-100x rtol) with under a fifth of dopri5's calls (measured 1/8.8)`, () => {
    const p = heat(0), ref = exact(0, 0.5), scale = Math.max(...ref.map(Math.abs));
    const a = run(p, rkc({ rtol: 1e-6, atol: 1e-8 })), b = run(p, dopri5({ rtol: 1e-6, atol: 1e-8 }));
    expect(maxErr(a.uEnd, ref)).toBeLessThan(1e-3 * scale);
    expect(a.stats.rhsEvals).toBeLessThan(b.stats.rhsEvals / 5);
  });

  it('fixed step: second order (log error against log h), stable with a growing mode among stiff ones, far fewer calls than rk4 at its stability limit', () => {
    const p = heat(20), ref = exact(20, 0.5);
    const hs = [0.01, 0.005, 0.0025, 0.00125];
    const runs = hs.map((h) => run(p, rkcFixed({ h })));
    const errs = runs.map((s) => maxErr(s.uEnd, ref));
    expect(Math.abs(slope(hs.map(Math.log), errs.map(Math.log)) - 2)).toBeLessThan(0.2);
    expect(errs[3]).toBeLessThan(1e-3 * Math.max(...ref));
    // rk4 needs h <= 2.78 / rho: 4 calls per 6.8e-5 time units, ~29,000 calls to t = 0.5.
    expect(runs[0].stats.rhsEvals).toBeLessThan(29_000 / 5);
  });
});
