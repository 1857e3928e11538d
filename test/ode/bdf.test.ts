/**
 * NDF/BDF (src/ode/solvers/bdf.ts): accuracy against exact and reference solutions, the bookkeeping of its
 * Jacobian and LU reuse (every rhs call accounted for), dense output, events, and the method "auto" choosing
 * it for large states.
 */
import { describe, expect, it } from 'vitest';
import { solve, ndf, bdf, ndfKrylov, dopri5, auto } from '../../src/index.ts';
import { linear3, maxAbsDiff, robertson, ROBER_REF } from '../helpers/problems.ts';
import { model } from '../helpers/configs.ts';

/** The error in units of the tolerance the solve was given: max_i |u_i - ref_i| / (atol_i + rtol |ref_i|). */
const tolUnits = (u: Float64Array, ref: number[], rtol: number, atol: ArrayLike<number>) =>
  Math.max(...ref.map((r, i) => Math.abs(u[i] - r) / (atol[i] + rtol * Math.abs(r))));

describe('ndf and bdf', () => {
  for (const [name, make] of [['ndf', ndf], ['bdf', bdf]] as const) {
    it(`${name}: Robertson to 1e11 within a few tolerance units, with Jacobians and LUs reused across steps`, () => {
      for (const rtol of [1e-6, 1e-8]) {
        const atol = Float64Array.of(rtol * 1e-6, rtol * 1e-12, rtol * 1e-6);
        const r = solve(robertson, make({ rtol, atol }));
        if (r._tag === 'Left') throw new Error(r.left.message);
        const s = r.right.stats;
        const e = tolUnits(r.right.uEnd, ROBER_REF, rtol, atol);
        console.log(`Robertson ${name} rtol ${rtol}: ${e.toFixed(2)} tolerance units, ${s.rhsEvals} rhs calls, ${s.accepted} steps, ${s.jacobians} Jacobians, ${s.factorizations} LUs, ${s.newtonIterations} Newton iterations`);
        // A global error of a few tolerance units is what error-per-step control gives (measured 1.0-3.9 here).
        expect(e).toBeLessThan(10);
        expect(s.jacobians).toBeLessThan(s.accepted / 20);
        expect(s.factorizations).toBeLessThan(s.accepted / 3);
      }
    });
  }

  it('every rhs call is accounted for: f(t0), the initial step, Newton iterations, and n + 1 per refreshed Jacobian', () => {
    const m = model({ target: { kind: 'ring' }, particles: { n: 16 }, critic: { kind: 'mlp', hidden: [8], activation: 'tanh' }, regularizer: { kind: 'grad2-fake', lambda: 1 }, t1: 20 });
    const r = solve({ rhs: m.rhs, u0: m.u0, tspan: [0, 20], autonomous: true }, ndf({ rtol: 1e-6, atol: 1e-9 }));
    if (r._tag === 'Left') throw new Error(r.left.message);
    const s = r.right.stats;
    // The first Jacobian reuses f(t0, u0) (n calls); each later one is taken at the predictor (1 + n calls).
    expect(s.rhsEvals).toBe(2 + s.newtonIterations + m.n * s.jacobians + (s.jacobians - 1));
    expect(s.jacobians).toBeGreaterThan(0);
  });

  it('a linear problem with its exact Jacobian: one Jacobian for the whole solve, the exact solution to the tolerance', () => {
    const p = linear3(0.5, 2, 1, 5);
    const A = [-0.5, 2, 0, -2, -0.5, 0, 0, 0, -1];
    const r = solve({ ...p, jacobian: (_t, _u, jac) => jac.set(A), autonomous: true }, ndf({ rtol: 1e-8, atol: 1e-10 }));
    if (r._tag === 'Left') throw new Error(r.left.message);
    expect(r.right.stats.jacobians).toBe(1);
    expect(maxAbsDiff(r.right.uEnd, p.exact(5))).toBeLessThan(1e-6);
  });

  it('a stiff linear problem (eigenvalues -1 and -1e4) in far fewer steps than its stiffness would allow an explicit method', () => {
    // u(t) = e^{-t} (1, 1) + e^{-1e4 t} (1, -9998) for A = [[-2, 1], [9998, -9999]].
    const p = {
      rhs: (_t: number, u: Float64Array, du: Float64Array) => { du[0] = -2 * u[0] + u[1]; du[1] = 9998 * u[0] - 9999 * u[1]; },
      u0: Float64Array.of(2, -9997), tspan: [0, 10] as [number, number], autonomous: true,
    };
    const r = solve(p, ndf({ rtol: 1e-6, atol: 1e-9 }));
    if (r._tag === 'Left') throw new Error(r.left.message);
    const ex = Math.exp(-10);
    expect(Math.abs(r.right.uEnd[0] - ex)).toBeLessThan(1e-6);
    expect(Math.abs(r.right.uEnd[1] - ex)).toBeLessThan(1e-6);
    // dopri5 would need t1 * 1e4 / 3.3 ~ 30,000 steps for stability alone.
    expect(r.right.stats.accepted).toBeLessThan(600);
  });

  it('dense output between steps and saveAt points follow the exact solution; a terminal event stops at its root', () => {
    const p = linear3(0.5, 2, 1, 5);
    const r = solve(p, ndf({ rtol: 1e-9, atol: 1e-11 }), { dense: true, saveAt: { n: 51 } });
    if (r._tag === 'Left') throw new Error(r.left.message);
    let worst = 0;
    for (let k = 0; k <= 200; k++) { const t = (5 * k) / 200; worst = Math.max(worst, maxAbsDiff(r.right.at!(t), p.exact(t))); }
    for (let k = 0; k < r.right.t.length; k++) worst = Math.max(worst, maxAbsDiff(r.right.u[k], p.exact(r.right.t[k])));
    expect(worst).toBeLessThan(1e-6);
    // u_3 = 2 e^{-t} crosses 1 at t = ln 2.
    const ev = solve(p, ndf({ rtol: 1e-9, atol: 1e-11 }), { events: [{ g: (_t, u) => u[2] - 1, terminal: true }] });
    if (ev._tag === 'Left') throw new Error(ev.left.message);
    expect(ev.right.terminated).toBe(true);
    expect(Math.abs(ev.right.tEnd - Math.LN2)).toBeLessThan(1e-7);
  });

  it('a state that blows up ends in a failure value with the time, not NaN', () => {
    // u' = u^2, u(0) = 1: u = 1 / (1 - t) blows up at t = 1.
    const r = solve({ rhs: (_t, u, du) => { du[0] = u[0] * u[0]; }, u0: Float64Array.of(1), tspan: [0, 2] }, ndf());
    expect(r._tag).toBe('Left');
    if (r._tag === 'Left') {
      expect(['stepSizeTooSmall', 'nonFinite', 'maxSteps']).toContain(r.left.code);
      expect(r.left.t).toBeGreaterThan(0.99);
      expect(r.left.t).toBeLessThan(1.0001);
    }
  });
});

describe('ndf-krylov (Jacobian-free Newton-Krylov)', () => {
  it('the heat equation with 200 points (stiffness ratio 1.6e5) to its exact discrete solution, with no Jacobian or LU', () => {
    // u_t = u_xx on (0, 1), u = 0 at both ends, u0 = sin(pi x) + sin(5 pi x): each mode decays with the discrete
    // Laplacian's eigenvalue 4 / dx^2 sin^2(k pi dx / 2).
    const n = 200, dx = 1 / (n + 1), t1 = 0.1;
    const p = {
      rhs: (_t: number, u: Float64Array, du: Float64Array) => { for (let i = 0; i < n; i++) du[i] = ((i > 0 ? u[i - 1] : 0) - 2 * u[i] + (i < n - 1 ? u[i + 1] : 0)) / (dx * dx); },
      u0: Float64Array.from({ length: n }, (_, i) => Math.sin(Math.PI * (i + 1) * dx) + Math.sin(5 * Math.PI * (i + 1) * dx)),
      tspan: [0, t1] as [number, number], autonomous: true,
    };
    const lam = (k: number) => (4 / (dx * dx)) * Math.sin((k * Math.PI * dx) / 2) ** 2;
    const exact = Array.from({ length: n }, (_, i) => Math.exp(-lam(1) * t1) * Math.sin(Math.PI * (i + 1) * dx) + Math.exp(-lam(5) * t1) * Math.sin(5 * Math.PI * (i + 1) * dx));
    const r = solve(p, ndfKrylov({ rtol: 1e-6, atol: 1e-9 }));
    const dense = solve(p, ndf({ rtol: 1e-6, atol: 1e-9 }));
    if (r._tag === 'Left' || dense._tag === 'Left') throw new Error('solve failed');
    const s = r.right.stats;
    console.log(`heat n = 200: ndf-krylov ${s.rhsEvals} rhs calls, ${s.accepted} steps, error ${maxAbsDiff(r.right.uEnd, exact).toExponential(2)}; dense ndf ${dense.right.stats.rhsEvals} calls and ${dense.right.stats.jacobians} Jacobian(s) of ${n} calls`);
    expect(maxAbsDiff(r.right.uEnd, exact)).toBeLessThan(1e-6);
    expect(s.jacobians).toBe(0);
    expect(s.factorizations).toBe(0);
    // The same steps as with the exact LU solves (measured 106 and 106): GMRES solves Newton's systems to 5% of its tolerance.
    expect(Math.abs(s.accepted - dense.right.stats.accepted)).toBeLessThanOrEqual(5);
  });
});

describe('auto picks its stiff method by size', () => {
  it('RODAS4 for a 3-component problem, NDF-Krylov for the 257-component effective-GAN flow; the large one ends where dopri5 at rtol 1e-9 does', () => {
    const small = solve(robertson, auto({ rtol: 1e-6, atol: Float64Array.of(1e-12, 1e-18, 1e-12) }));
    if (small._tag === 'Left') throw new Error(small.left.message);
    expect(small.right.stats.switches[0]?.to).toBe('rodas4');
    const m = model({ target: { kind: 'ring' }, particles: { n: 64 }, critic: { kind: 'mlp', hidden: [32], activation: 'tanh' }, regularizer: { kind: 'grad2-fake', lambda: 1 }, t1: 60 });
    const p = { rhs: m.rhs, u0: m.u0, tspan: [0, 60] as [number, number], autonomous: true };
    const a = solve(p, auto({ rtol: 1e-6, atol: 1e-9 }));
    const ref = solve(p, dopri5({ rtol: 1e-9, atol: 1e-12 }));
    if (a._tag === 'Left' || ref._tag === 'Left') throw new Error('solve failed');
    expect(a.right.stats.switches[0]?.to).toBe('ndf-krylov');
    expect(a.right.stats.jacobians).toBe(0);
    expect(maxAbsDiff(a.right.uEnd, ref.right.uEnd)).toBeLessThan(1e-4);
  });
});
