/**
 * A run's outcome crosses from the worker to the main thread packed (src/experiments/wire.ts): the particle
 * rows as one transferred Float64Array, the saved states transferred. What arrives must equal what was sent,
 * bit for bit, whatever the rows hold.
 */
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { fromWire, toWire } from '../../src/experiments/wire.ts';
import { formatError, makeModel, runModel } from '../../src/index.ts';
import type { RunOutcome } from '../../src/experiments/pool.ts';

/** What the main thread receives: postMessage's structured clone, buffers moved as the worker lists them. */
const send = (out: RunOutcome): RunOutcome => {
  const { wire, transfer } = toWire(out);
  return fromWire(structuredClone(wire, { transfer }));
};

const outcome = (): RunOutcome => {
  const m = makeModel({ target: { kind: 'ring', samples: 16 }, particles: { n: 12 }, critic: { kind: 'mlp', hidden: [4], activation: 'tanh' }, t1: 0.2, solver: { method: 'rk4', h: 0.05 }, saveAt: { n: 3 } });
  if (E.isLeft(m)) throw new Error(formatError(m.left));
  const r = runModel(m.right);
  return E.isLeft(r) ? r.left : r.right;
};

/** A deep copy taken before sending (sending moves the saved states' buffers away). */
const snapshot = (o: RunOutcome) => ({ ...o, final: structuredClone(o.final), trajectory: { t: [...o.trajectory.t], u: o.trajectory.u.map((u) => Float64Array.from(u)) } });

describe('run outcome on the wire', () => {
  it('arrives equal to a run\'s outcome: particle rows, critic, metrics, saved states', () => {
    const out = outcome();
    const before = snapshot(out);
    const got = send(out);
    expect(got.final.particles).toHaveLength(12);
    expect(got.final.particles[0]).toHaveLength(2);
    expect(got).toEqual(before);
    // The saved states were moved, not copied: the sender's are detached.
    expect(out.trajectory.u[0]!.length).toBe(0);
  });

  it('keeps every bit of the rows (signed zeros, NaN, infinities, subnormals) and handles no particles', () => {
    const out = outcome();
    const rows = [[-0, 0], [NaN, Infinity], [-Infinity, 5e-324], [1 / 3, -2.5e300]];
    const got = send({ ...out, final: { ...out.final, particles: rows } });
    expect(got.final.particles).toEqual(rows);
    expect(Object.is(got.final.particles[0]![0], -0)).toBe(true);
    const other = outcome();
    expect(send({ ...other, final: { ...other.final, particles: [] } }).final.particles).toEqual([]);
  });

  it('sends saved states that share one buffer once, and copies views into a larger buffer', () => {
    const out = outcome();
    const buf = new Float64Array(8);
    buf.set([1, 2, 3, 4, 5, 6, 7, 8]);
    const shared = { ...out, trajectory: { t: [0, 1, 2], u: [buf, buf, buf.subarray(4)] } };
    const got = send(shared);
    expect(got.trajectory.u.map((u) => Array.from(u))).toEqual([[1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 3, 4, 5, 6, 7, 8], [5, 6, 7, 8]]);
  });
});
