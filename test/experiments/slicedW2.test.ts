/**
 * Sliced W2 (src/experiments/metrics.ts) against closed forms in one dimension, where every projection is the
 * sample itself up to sign, and its per-target cache of directions and sorted target projections: a cached call
 * gives the bits of a fresh one, and another seed or number of projections is never served from the cache.
 */
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { slicedW2 } from '../../src/experiments/metrics.ts';
import { formatError, makeModel } from '../../src/index.ts';
import type { Target } from '../../src/model/targets.ts';

const target = (points: number[][], weights?: number[]): Target => {
  const m = makeModel({ target: { kind: 'points', points, ...(weights ? { weights } : {}) }, particles: { n: 1 } });
  if (E.isLeft(m)) throw new Error(formatError(m.left));
  return m.right.target;
};

describe('slicedW2', () => {
  it('equals the 1-D W2 in one dimension: uniform samples, and weighted targets (sqrt 21)', () => {
    // Particles {0, 1} against {2, 3}: each moves by 2, W2 = 2, whatever the direction's sign.
    for (const [p, seed] of [[64, 0], [7, 5]] as const) expect(slicedW2(Float64Array.from([0, 1]), 2, target([[2], [3]]), p, seed)).toBe(2);
    // Four particles at 1 against 0 (weight 0.75) and 10 (0.25): W2^2 = 0.75 * 1 + 0.25 * 81 = 21.
    expect(slicedW2(Float64Array.from([1, 1, 1, 1]), 4, target([[0], [10]], [3, 1]), 16, 1)).toBeCloseTo(Math.sqrt(21), 14);
    // The particles on the target: 0.
    expect(slicedW2(Float64Array.from([10, 0, 0, 0]), 4, target([[0], [10]], [3, 1]), 16, 1)).toBe(0);
  });

  it('gives the same bits from its cache as from a fresh target, and keys it by seed and projections', () => {
    const pts = Array.from({ length: 40 }, (_, i) => [Math.cos(i), Math.sin(2 * i) + i / 40]);
    const X = Float64Array.from({ length: 30 * 2 }, (_, i) => Math.sin(3 * i) * 1.5);
    const t = target(pts);
    const first = slicedW2(X, 30, t, 64, 0);
    expect(Object.is(slicedW2(X, 30, t, 64, 0), first)).toBe(true);
    const seed1 = slicedW2(X, 30, t, 64, 1), p32 = slicedW2(X, 30, t, 32, 0);
    expect(seed1).not.toBe(first);
    expect(p32).not.toBe(first);
    // A copy of the target has no cache: the same numbers computed anew.
    expect(Object.is(slicedW2(X, 30, target(pts), 64, 0), first)).toBe(true);
    expect(Object.is(slicedW2(X, 30, target(pts), 64, 1), seed1)).toBe(true);
    expect(Object.is(slicedW2(X, 30, target(pts), 32, 0), p32)).toBe(true);
  });
});
