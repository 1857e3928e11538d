/**
 * The threaded right-hand side (the native kernel's threads for the models it
 * covers, worker threads on a SharedArrayBuffer for the others) gives bitwise
 * the same derivative as the single-thread fused RHS, for 2 and 4 threads
 * (which take chunks in whatever order their timing gives), at several states
 * along a solve, and the same solve end to end. A dead worker makes a call
 * throw (after stallMs), not hang; a closed native team throws too.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { dopri5, solve, threadModel, type ConfigInput, type ThreadedModel, formatError } from '../../src/index.ts';
import { makeOneLayerCore } from '../../src/model/rhsOneLayer.ts';
import { model, rhsAt } from '../helpers/configs.ts';

const opened: ThreadedModel[] = [];
afterAll(() => { for (const t of opened) t.close(); });

const open = (m: ReturnType<typeof model>, threads: number): ThreadedModel => {
  const r = threadModel(m, threads);
  if (E.isLeft(r)) throw new Error(formatError(r.left));
  opened.push(r.right);
  return r.right;
};

const same = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

describe('threaded RHS', () => {
  const cases: [string, ConfigInput][] = [
    ['tanh, grad2-fake, d = 2, N not a multiple of the chunks', { seed: 3, target: { kind: 'ring', samples: 37 }, particles: { n: 29 }, critic: { kind: 'mlp', hidden: [9], activation: 'tanh' }, kernel: { kind: 'two-point', g1: 1, g2: 0.3 }, regularizer: { kind: 'grad2-fake', lambda: 0.7 }, t1: 2 }],
    ['tanh, gp-fake, 8 chunks (N = 600, M = 300) shared dynamically', { seed: 8, target: { kind: 'ring', samples: 300 }, particles: { n: 600 }, critic: { kind: 'mlp', hidden: [5], activation: 'tanh' }, regularizer: { kind: 'gp-fake', lambda: 0.3 }, t1: 1 }],
    ['relu, nsgan, grad2-real, d = 3', { seed: 5, target: { kind: 'ring', samples: 400, dim: 3 }, particles: { n: 700 }, critic: { kind: 'mlp', hidden: [6], activation: 'relu' }, loss: 'nsgan', regularizer: { kind: 'grad2-real', lambda: 0.4 }, weightDecay: 0.01, t1: 2 }],
  ];
  for (const [name, input] of cases) {
    it(`${name}: bitwise equal to one thread with 2 and 4 threads`, () => {
      const m = model(input);
      const t2 = open(m, 2), t4 = open(m, 4);
      expect(t2.threads).toBe(2);
      expect(t4.threads).toBe(4);
      const u = m.u0.slice();
      for (let s = 0; s < 3; s++) {
        const one = rhsAt(m, u);
        const two = new Float64Array(m.n), four = new Float64Array(m.n);
        t2.model.rhs(0, u, two);
        t4.model.rhs(0, u, four);
        expect(same(one, two)).toBe(true);
        expect(same(one, four)).toBe(true);
        for (let k = 0; k < m.n; k++) u[k] += 0.05 * one[k]; // move the state along
      }
      const a = solve({ rhs: m.rhs, u0: m.u0, tspan: [0, 2], autonomous: true }, dopri5({ rtol: 1e-7, atol: 1e-10 }));
      const b = solve({ rhs: t2.model.rhs, u0: m.u0, tspan: [0, 2], autonomous: true }, dopri5({ rtol: 1e-7, atol: 1e-10 }));
      if (E.isLeft(a) || E.isLeft(b)) throw new Error('solve failed');
      expect(b.right.stats.rhsEvals).toBe(a.right.stats.rhsEvals);
      expect(same(a.right.uEnd, b.right.uEnd)).toBe(true);
    });
  }

  it('native kernel: its own threads, no worker threads; a sleeping worker wakes; a call after close() throws', () => {
    const m = model(cases[0][1]);
    const t = open(m, 2);
    expect(t.workers).toHaveLength(makeOneLayerCore(m).kernel === 'native' ? 0 : 1);
    const du = new Float64Array(m.n);
    t.model.rhs(0, m.u0, du);
    expect(same(du, rhsAt(m, m.u0))).toBe(true);
    // A worker that went to sleep (no call for far longer than its 0.2 ms spin) wakes for the next call.
    for (let k = 0; k < 3; k++) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30);
      const again = new Float64Array(m.n);
      t.model.rhs(0, m.u0, again);
      expect(same(again, du)).toBe(true);
    }
    t.close();
    t.close();
    expect(() => t.model.rhs(0, m.u0, du)).toThrow(/after close/);
  });

  it('a call whose worker died throws after stallMs instead of waiting forever, and closes the model', async () => {
    // softplus: a model the native kernel does not cover, so worker threads run it (the native kernel's threads
    // live and die with the process).
    const m = model({ ...cases[0][1], critic: { kind: 'mlp', hidden: [9], activation: 'softplus' } });
    const r = threadModel(m, 2, { stallMs: 300 });
    if (E.isLeft(r)) throw new Error(formatError(r.left));
    opened.push(r.right);
    const du = new Float64Array(m.n);
    r.right.model.rhs(0, m.u0, du);
    expect(same(du, rhsAt(m, m.u0))).toBe(true);
    await r.right.workers[0].terminate();
    const t0 = Date.now();
    expect(() => r.right.model.rhs(0, m.u0, du)).toThrow(/no right-hand side worker finished its share for 300 ms \(1 of 1 missing\)/);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(() => r.right.model.rhs(0, m.u0, du)).toThrow(/after close/);
  });

  it('falls back to one thread with a note for a critic without the chunked core, rejects threads < 1', () => {
    const m = model({ seed: 1, target: { kind: 'ring', samples: 8 }, particles: { n: 4 }, critic: { kind: 'mlp', hidden: [3, 3] } });
    const r = open(m, 2);
    expect(r.threads).toBe(1);
    expect(r.note).toMatch(/one-hidden-layer/);
    expect(r.model.rhs).toBe(m.rhs);
    const bad = threadModel(m, 0);
    expect(E.isLeft(bad) && bad.left.message).toMatch(/threads: got 0; expected an integer >= 1/);
  });
});
