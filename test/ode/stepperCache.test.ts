/**
 * Stepper cores are reused across solves (stepperCache.ts) without changing a number: repeated solves of one
 * size share one core and give identical results; a solve nested inside another solve's right-hand side gets
 * its own (generic) stepper and the same bits; a failed solve releases its core; the cache keeps at most
 * MAX_CORES cores and MAX_CORE_DOUBLES doubles.
 */
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { solve, dopri5, rk4, euler, auto, type Rhs, type Solver } from '../../src/index.ts';
import { MAX_CORES, MAX_CORE_DOUBLES, acquireCore, cachedCores } from '../../src/ode/stepperCache.ts';

/** A rotation with drift in n = 2k dimensions (smooth, never decays to subnormals). */
const problem = (n: number) => {
  const u0 = Float64Array.from({ length: n }, (_, i) => Math.cos(i));
  const rhs: Rhs = (_t, u, du) => { for (let i = 0; i < n; i += 2) { du[i] = 3 * u[i + 1] + 0.01 * i; du[i + 1] = -3 * u[i]; } };
  return { rhs, u0, tspan: [0, 4] as [number, number] };
};
const same = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
const run = (p: ReturnType<typeof problem>, o: Solver) => { const r = solve(p, o); if (E.isLeft(r)) throw new Error(r.left.message); return r.right; };

describe('stepper cores', () => {
  for (const o of [dopri5({ rtol: 1e-8, atol: 1e-10 }), rk4({ h: 0.01 }), euler({ h: 0.001 }), auto({ rtol: 1e-6 })]) {
    it(`${o.name}: repeated solves reuse one core and give the same bits; a nested solve gets its own stepper`, () => {
      const p = problem(38);
      const a = run(p, o);
      const before = cachedCores().cores;
      const b = run(p, o);
      expect(cachedCores().cores).toBe(before);
      expect(same(a.uEnd, b.uEnd)).toBe(true);
      expect(b.stats.rhsEvals).toBe(a.stats.rhsEvals);
      // The outer solve holds the core while its right-hand side runs an inner solve of the same size.
      let inner: Float64Array | undefined;
      const outer = run({ ...p, rhs: (t, u, du) => { if (!inner) inner = run(p, o).uEnd; p.rhs(t, u, du); } }, o);
      expect(same(inner!, a.uEnd)).toBe(true);
      expect(same(outer.uEnd, a.uEnd)).toBe(true);
    });
  }

  it('a failed solve releases its core (the next one of that size finds it)', () => {
    const p = problem(44);
    const r = solve(p, dopri5({ maxSteps: 3 }));
    expect(E.isLeft(r) && r.left.code).toBe('maxSteps');
    const kept = cachedCores().cores;
    run(p, dopri5());
    expect(cachedCores().cores).toBe(kept);
  });

  it('keeps at most MAX_CORES cores and MAX_CORE_DOUBLES doubles; a busy one is never handed out twice', () => {
    // Factories are self-contained (specialise compiles them again from their source): values come as arguments.
    for (let k = 0; k < MAX_CORES + 5; k++) acquireCore(`test ${k}`, 1000, (j: number) => ({ j }), k).release();
    expect(cachedCores().cores).toBeLessThanOrEqual(MAX_CORES);
    const big = acquireCore('test big', MAX_CORE_DOUBLES / 2 + 1, () => ({}));
    const big2 = acquireCore('test big2', MAX_CORE_DOUBLES / 2 + 1, () => ({}));
    expect(cachedCores().doubles).toBeLessThanOrEqual(MAX_CORE_DOUBLES + MAX_CORE_DOUBLES / 2 + 1); // both busy: neither dropped
    big.release();
    big2.release();
    acquireCore('test small', 10, () => ({})).release();
    expect(cachedCores().doubles).toBeLessThanOrEqual(MAX_CORE_DOUBLES);
    const a = acquireCore('test twice', 10, () => ({ id: Math.random() }));
    const b = acquireCore('test twice', 10, () => ({ id: Math.random() }));
    expect(b.core).not.toBe(a.core);
    a.release();
    b.release();
    expect(acquireCore('test twice', 10, () => ({ id: -1 })).core).toBe(a.core);
  });
});
