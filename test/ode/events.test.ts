/** Event location on the dense output: accuracy, direction and terminal flags, in-step excursions. */
import { describe, expect, it } from 'vitest';
import { solve, dopri5, dop853 } from '../../src/index.ts';
import { by } from '../helpers/problems.ts';

// u = (sin t, cos t)
const circle = { rhs: (_t: number, u: Float64Array, du: Float64Array) => { du[0] = u[1]; du[1] = -u[0]; }, u0: Float64Array.of(0, 1), tspan: [0, 10] as [number, number] };

describe('events', () => {
  for (const method of ['dopri5', 'dop853', 'odex', 'rodas4']) {
    it(`${method}: zeros of sin(t) on (0, 10] found to 1e-10`, () => {
      const r = solve(circle, by(method, { rtol: 1e-12, atol: 1e-12 }), { events: [{ g: (_t, u) => u[0], name: 'sin' }] });
      if (r._tag === 'Left') throw new Error(r.left.message);
      const ts = r.right.events.map((e) => e.t);
      expect(ts.length).toBe(3);
      ts.forEach((t, k) => expect(Math.abs(t - (k + 1) * Math.PI)).toBeLessThan(1e-10));
      expect(r.right.events.map((e) => e.direction)).toEqual([-1, 1, -1]);
    });
  }

  it('direction filter: "up" keeps only upward crossings', () => {
    const r = solve(circle, dopri5({ rtol: 1e-12, atol: 1e-12 }), { events: [{ g: (_t, u) => u[0], direction: 'up' }] });
    if (r._tag === 'Left') throw new Error(r.left.message);
    expect(r.right.events.map((e) => e.t)).toHaveLength(1);
    expect(Math.abs(r.right.events[0].t - 2 * Math.PI)).toBeLessThan(1e-10);
  });

  it('terminal event stops the solve at the crossing, with u there', () => {
    const r = solve(circle, dopri5({ rtol: 1e-12, atol: 1e-12 }), { saveAt: { n: 101 }, events: [{ g: (_t, u) => u[1], terminal: true, direction: 'down' }] });
    if (r._tag === 'Left') throw new Error(r.left.message);
    expect(r.right.terminated).toBe(true);
    expect(Math.abs(r.right.tEnd - Math.PI / 2)).toBeLessThan(1e-10);
    expect(Math.abs(r.right.uEnd[0] - 1)).toBeLessThan(1e-10);
    expect(r.right.t[r.right.t.length - 1]).toBe(r.right.tEnd);
    expect(r.right.t.every((t) => t <= r.right.tEnd)).toBe(true);
  });

  it('damped oscillator: zeros of x(t) = e^{-g t} cos(wd t) found to 1e-10', () => {
    const g = 0.3, w0 = 2, wd = Math.sqrt(w0 * w0 - g * g);
    const p = { rhs: (_t: number, u: Float64Array, du: Float64Array) => { du[0] = u[1]; du[1] = -2 * g * u[1] - w0 * w0 * u[0]; }, u0: Float64Array.of(1, -g), tspan: [0, 8] as [number, number] };
    const r = solve(p, dop853({ rtol: 1e-13, atol: 1e-14 }), { events: [{ g: (_t, u) => u[0] }] });
    if (r._tag === 'Left') throw new Error(r.left.message);
    const expected: number[] = [];
    for (let k = 0; (Math.PI / 2 + k * Math.PI) / wd < 8; k++) expected.push((Math.PI / 2 + k * Math.PI) / wd);
    expect(r.right.events.map((e) => e.t).length).toBe(expected.length);
    r.right.events.forEach((e, k) => expect(Math.abs(e.t - expected[k])).toBeLessThan(1e-10));
  });

  it('an excursion that starts and ends inside one step is missed by the endpoint test and found by the extremum check', () => {
    // u' = 1 is integrated exactly, so dopri5 covers [0, 3] in one step. g = 1e-4 - (u - 1.5)^2 is
    // positive only on (1.49, 1.51): both crossings lie inside that single step.
    const p = { rhs: (_t: number, _u: Float64Array, du: Float64Array) => { du[0] = 1; }, u0: Float64Array.of(0), tspan: [0, 3] as [number, number] };
    const g = (_t: number, u: Float64Array) => 1e-4 - (u[0] - 1.5) ** 2;
    const plain = solve(p, dopri5({ h0: 3 }), { events: [{ g }] });
    const sampled = solve(p, dopri5({ h0: 3 }), { events: [{ g, samples: 1 }] });
    if (plain._tag === 'Left' || sampled._tag === 'Left') throw new Error('solve failed');
    expect(sampled.right.stats.accepted).toBe(1);
    expect(plain.right.events).toHaveLength(0);
    expect(sampled.right.events.map((e) => e.direction)).toEqual([1, -1]);
    expect(Math.abs(sampled.right.events[0].t - 1.49)).toBeLessThan(1e-10);
    expect(Math.abs(sampled.right.events[1].t - 1.51)).toBeLessThan(1e-10);
  });
});
