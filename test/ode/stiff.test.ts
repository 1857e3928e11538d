/**
 * Stiff problems from Hairer & Wanner's test set (res_exact values from the
 * "Test Set for IVP Solvers"), solved by RODAS4 and method "auto", compared
 * with dopri5's cost. Convergence order of RODAS4 on a linear stiff problem.
 * On a mildly stiff run (the 64-particle tanh run of docs/model.md's numerical character section, n = 257),
 * "auto" switches to its Jacobian-free stiff method and costs about what dopri5 costs, or less.
 */
import { describe, expect, it } from 'vitest';
import { solve, dopri5, rodas4 } from '../../src/index.ts';
import { by, slope, robertson, ROBER_REF } from '../helpers/problems.ts';
import { model } from '../helpers/configs.ts';


const EPS = 1e-6; // van der Pol with mu = 1000 in Hairer's scaled time (t -> t / mu)
const vanDerPol = {
  rhs: (_t: number, y: Float64Array, dy: Float64Array) => { dy[0] = y[1]; dy[1] = ((1 - y[0] * y[0]) * y[1] - y[0]) / EPS; },
  u0: Float64Array.of(2, 0),
  tspan: [0, 2] as [number, number],
  autonomous: true,
};
const VDP_REF = [0.1706167732170469e1, -0.8928097010248125];

const relErr = (u: Float64Array, ref: number[]) => Math.max(...ref.map((r, i) => Math.abs((u[i] - r) / r)));

describe('Robertson to t = 1e11', () => {
  for (const [method, rtol] of [['rodas4', 1e-6], ['rodas4', 1e-8], ['auto', 1e-8]] as [string, number][]) {
    it(`${method} at rtol ${rtol} matches the reference to the tolerance`, () => {
      const atol = Float64Array.of(rtol * 1e-6, rtol * 1e-12, rtol * 1e-6);
      const r = solve(robertson, by(method, { rtol, atol }));
      if (r._tag === 'Left') throw new Error(r.left.message);
      const e = relErr(r.right.uEnd, ROBER_REF);
      console.log(`Robertson ${method} rtol ${rtol}: max relative error ${e.toExponential(2)}, ${r.right.stats.rhsEvals} rhs calls, ${r.right.stats.jacobians} Jacobians`);
      expect(e).toBeLessThan(10 * rtol);
    });
  }
  it('dopri5 hits maxSteps long before t = 1e11', () => {
    const r = solve(robertson, dopri5({ rtol: 1e-6, atol: Float64Array.of(1e-12, 1e-18, 1e-12), maxSteps: 100_000 }));
    expect(r._tag === 'Left' && r.left.code).toBe('maxSteps');
    if (r._tag === 'Left') {
      console.log(`Robertson dopri5: maxSteps (1e5) at t = ${r.left.t.toPrecision(3)} after ${r.left.partial!.stats.rhsEvals} rhs calls`);
      expect(r.left.t).toBeLessThan(1e4);
    }
  });
});

describe('van der Pol, mu = 1000 (eps = 1e-6), t in [0, 2] (about 2.5 periods)', () => {
  const costs: Record<string, number> = {};
  for (const method of ['rodas4', 'auto', 'dopri5']) {
    it(`${method} at rtol = atol = 1e-6 matches the reference`, () => {
      const r = solve(vanDerPol, by(method, { rtol: 1e-6, atol: 1e-6, maxSteps: 5_000_000 }));
      if (r._tag === 'Left') throw new Error(r.left.message);
      const e = relErr(r.right.uEnd, VDP_REF);
      costs[method] = r.right.stats.rhsEvals;
      console.log(`VdP ${method}: max relative error ${e.toExponential(2)}, ${r.right.stats.rhsEvals} rhs calls, switches ${r.right.stats.switches.length}`);
      expect(e).toBeLessThan(1e-5);
    });
  }
  it('the stiff methods need far fewer rhs calls than dopri5 (at least 100x)', () => {
    console.log(`rhs calls: ${JSON.stringify(costs)}`);
    expect(costs.dopri5 / costs.rodas4).toBeGreaterThan(100);
    expect(costs.dopri5 / costs.auto).toBeGreaterThan(100);
  });
});

describe('RODAS4 convergence order on a linear stiff problem', () => {
  // u' = A u, A = [[-2, 1], [998, -999]], eigenvalues -1 and -1000 with eigenvectors (1, 1), (1, -998):
  // u(t) = e^{-t} (1, 1) + e^{-1000 t} (1, -998).
  const p = {
    rhs: (_t: number, u: Float64Array, du: Float64Array) => { du[0] = -2 * u[0] + u[1]; du[1] = 998 * u[0] - 999 * u[1]; },
    u0: Float64Array.of(2, -997),
    tspan: [0, 1] as [number, number],
    autonomous: true,
  };
  const exact = [Math.exp(-1) + Math.exp(-1000), Math.exp(-1) - 998 * Math.exp(-1000)];
  // Steps h (much larger than the stiff time scale 1e-3) forced by h0 = hmax = h and a tolerance that accepts every step.
  const hs = [0.1, 0.05, 0.025, 0.0125];
  const errs = hs.map((h) => {
    const r = solve(p, rodas4({ h0: h, hmax: h, rtol: 0.5, atol: 1e6 }));
    if (r._tag === 'Left') throw new Error(r.left.message);
    expect(r.right.stats.rejected).toBe(0);
    return Math.max(Math.abs(r.right.uEnd[0] - exact[0]), Math.abs(r.right.uEnd[1] - exact[1]));
  });
  const order = slope(hs.map(Math.log), errs.map(Math.log));
  it(`measured order ${order.toFixed(2)} is 4 ± 0.3 (errors ${errs.map((e) => e.toExponential(2)).join(', ')})`, () => {
    expect(Math.abs(order - 4)).toBeLessThan(0.3);
  });
});

describe('auto on a mildly stiff problem (64 particles, MLP [32] tanh, lambda = 1, t1 = 60)', () => {
  it('switches to the stiff method where dopri5 turns stability-bound and ends near dopri5 cost and state', () => {
    const m = model({ target: { kind: 'ring' }, particles: { n: 64 }, critic: { kind: 'mlp', hidden: [32], activation: 'tanh' }, regularizer: { kind: 'grad2-fake', lambda: 1 }, t1: 60 });
    const run = (method: string) => {
      const r = solve({ rhs: m.rhs, u0: m.u0, tspan: [0, 60], autonomous: true }, by(method, { rtol: 1e-6, atol: 1e-9 }));
      if (r._tag === 'Left') throw new Error(r.left.message);
      return r.right;
    };
    const ex = run('dopri5'), au = run('auto');
    console.log(`mildly stiff run: dopri5 ${ex.stats.rhsEvals} rhs calls (stiff at t = ${ex.stats.stiffAt}), auto ${au.stats.rhsEvals} (${au.stats.jacobians} Jacobians, switches ${JSON.stringify(au.stats.switches)})`);
    expect(ex.stats.stiffAt).toBeDefined(); // dopri5 is stability-limited there: auto does switch
    // n = 257 > AUTO_NDF_SIZE: the stiff phase is NDF-Krylov's (it was RODAS4's before NDF existed, which did
    // not pay here and went back to dopri5); Jacobian-free, it costs less than dopri5 from the switch on.
    expect(au.stats.switches[0]?.to).toBe('ndf-krylov');
    // Before the cost check auto needed 13,574 calls (40 Jacobians of 258 calls each) against dopri5's 4,286;
    // with it 6,630 (10 Rosenbrock steps before going back); with dense NDF 4,539; with NDF-Krylov 3,419.
    expect(au.stats.rhsEvals).toBeLessThan(1.75 * ex.stats.rhsEvals);
    let diff = 0;
    for (let k = 0; k < m.n; k++) diff = Math.max(diff, Math.abs(au.uEnd[k] - ex.uEnd[k]));
    expect(diff).toBeLessThan(1e-5);
  });
});
