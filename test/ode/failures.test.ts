/** Every failure code from a problem built to produce it; never NaN in a result. */
import { describe, expect, it } from 'vitest';
import { solve, dopri5, odex, rk4, euler } from '../../src/index.ts';
import { by } from '../helpers/problems.ts';

const blowup = { rhs: (_t: number, u: Float64Array, du: Float64Array) => { du[0] = u[0] * u[0]; }, u0: Float64Array.of(1), tspan: [0, 2] as [number, number] };

describe('failure values', () => {
  for (const method of ['dopri5', 'dop853', 'rodas4', 'auto', 'odex']) {
    it(`${method}: u' = u^2 from u(0) = 1 blows up near t = 1`, () => {
      const r = solve(blowup, by(method, { rtol: 1e-8, atol: 1e-8 }));
      expect(r._tag).toBe('Left');
      if (r._tag === 'Right') return;
      expect(['nonFinite', 'stepSizeTooSmall']).toContain(r.left.code);
      expect(Math.abs(r.left.t - 1)).toBeLessThan(1e-3);
      // The partial solution holds what was computed, all finite.
      const part = r.left.partial!;
      expect(part.u.every((u) => u.every(Number.isFinite))).toBe(true);
    });
  }

  it('rk4 with a fixed step reports nonFinite with the time it happened', () => {
    const r = solve(blowup, rk4({ h: 0.01 }));
    expect(r._tag).toBe('Left');
    if (r._tag === 'Right') return;
    expect(r.left.code).toBe('nonFinite');
    expect(r.left.t).toBeGreaterThan(0.9);
    expect(r.left.t).toBeLessThan(1.1);
  });

  it('rk4 and euler name the component that became infinite or NaN (their steps check finiteness themselves)', () => {
    // Component 1 blows up at t = 1 (u' = u^2, u(0) = 1); component 2 turns NaN once t > 0.5; 0 and 3 stay finite
    // (3 negative, whose products with 0 are -0).
    const inf = { rhs: (_t: number, u: Float64Array, du: Float64Array) => { du[0] = 0; du[1] = u[1] * u[1]; du[2] = 0; du[3] = -1; }, u0: Float64Array.of(1, 1, 0, -1), tspan: [0, 3] as [number, number] };
    const nan = { rhs: (t: number, _u: Float64Array, du: Float64Array) => { du[0] = 0; du[1] = 0; du[2] = t > 0.5 ? NaN : 0; du[3] = -1; }, u0: Float64Array.of(1, 1, 0, -1), tspan: [0, 3] as [number, number] };
    for (const method of [rk4({ h: 0.01 }), euler({ h: 0.01 })]) {
      const a = solve(inf, method);
      expect(a._tag === 'Left' && [a.left.code, a.left.component]).toEqual(['nonFinite', 1]);
      const b = solve(nan, method);
      expect(b._tag === 'Left' && [b.left.code, b.left.component]).toEqual(['nonFinite', 2]);
      if (b._tag === 'Left') { expect(b.left.t).toBeGreaterThan(0.49); expect(b.left.t).toBeLessThan(0.52); }
    }
  });

  it('maxSteps', () => {
    const r = solve({ rhs: (_t, u, du) => { du[0] = -u[0]; }, u0: Float64Array.of(1), tspan: [0, 100] }, dopri5({ maxSteps: 5 }));
    expect(r._tag === 'Left' && r.left.code).toBe('maxSteps');
    const o = solve({ rhs: (_t, u, du) => { du[0] = -u[0]; }, u0: Float64Array.of(1), tspan: [0, 100] }, odex({ maxSteps: 2 }));
    expect(o._tag === 'Left' && o.left.code).toBe('maxSteps');
  });

  it('invalidProblem: NaN in u0, empty state, fixed step without h, saveAt outside the span or of the wrong shape', () => {
    const rhs = (_t: number, u: Float64Array, du: Float64Array) => { du.set(u); };
    const cases: [Parameters<typeof solve>[0], Parameters<typeof solve>[1], Parameters<typeof solve>[2], RegExp][] = [
      [{ rhs, u0: Float64Array.of(1, NaN), tspan: [0, 1] }, dopri5(), {}, /u0\[1\] is NaN/],
      [{ rhs, u0: new Float64Array(0), tspan: [0, 1] }, dopri5(), {}, /empty/],
      [{ rhs, u0: Float64Array.of(1), tspan: [0, 1] }, by('rk4'), {}, /fixed step h/],
      [{ rhs, u0: Float64Array.of(1), tspan: [0, 1] }, dopri5(), { saveAt: { times: [2] } }, /outside tspan/],
      // what a plain-JavaScript caller can pass: the times without { times }, or a misspelt key
      [{ rhs, u0: Float64Array.of(1), tspan: [0, 1] }, dopri5(), { saveAt: [0.5, 1] as never }, /^saveAt: got \[0\.5,1\]; expected \{ times: \[t, \.\.\.\] \}, \{ n: count \} or \{ steps: true \}$/],
      [{ rhs, u0: Float64Array.of(1), tspan: [0, 1] }, dopri5(), { saveAt: { time: [0.5] } as never }, /^saveAt: got \{"time":\[0\.5\]\}; expected/],
      [{ rhs, u0: Float64Array.of(1), tspan: [0, 1] }, dopri5({ rtol: -1 }), {}, /rtol/],
      [{ rhs, u0: Float64Array.of(1, 2), tspan: [0, 1] }, dopri5({ atol: [1e-9] }), {}, /atol has 1 entries/],
      // a plain-JavaScript caller's malformed problem or solver: a failure value naming the field, not a TypeError
      [{ rhs, u0: Float64Array.of(1), t0: 0, t1: 1 } as never, dopri5(), {}, /^problem\.tspan: got undefined; expected \[t0, t1\], two numbers$/],
      [{ rhs, u0: [1], tspan: [0, 1] } as never, dopri5(), {}, /^problem\.u0: got \[1\]; expected a Float64Array/],
      [{ f: rhs, u0: Float64Array.of(1), tspan: [0, 1] } as never, dopri5(), {}, /^problem\.rhs: got undefined; expected a function/],
      [{ rhs, u0: Float64Array.of(1), tspan: [0, '1'] } as never, dopri5(), {}, /^problem\.tspan: got \[0,"1"\]/],
      [{ rhs, u0: Float64Array.of(1), tspan: [0, 1] }, 'rk4' as never, {}, /^solver: got "rk4"; expected a solver value/],
    ];
    for (const [p, s, o, msg] of cases) {
      const r = solve(p, s, o);
      expect(r._tag).toBe('Left');
      if (r._tag === 'Left') { expect(r.left.code).toBe('invalidProblem'); expect(r.left.message).toMatch(msg); }
    }
  });

  it('interrupted: an aborted signal stops the solve and keeps the partial output', () => {
    const signal = { aborted: false };
    let calls = 0;
    const r = solve({ rhs: (_t, u, du) => { calls++; if (calls > 200) signal.aborted = true; du[0] = Math.cos(u[0]); }, u0: Float64Array.of(0), tspan: [0, 1e4] },
      dopri5(), { signal, saveAt: { steps: true } });
    expect(r._tag === 'Left' && r.left.code).toBe('interrupted');
    if (r._tag === 'Left') expect(r.left.partial!.t.length).toBeGreaterThan(1);
  });
});
