/**
 * kthSmallest (the selection behind the MMD's median bandwidth) gives the value sort would put at index k:
 * on arrays with repeats, ties, signed zeros, infinities and NaN, for every k.
 */
import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { kthSmallest } from '../src/experiments/metrics.ts';

/** Values with many repeats and the special ones. */
const value = fc.oneof(
  fc.double({ noNaN: false }),
  fc.constantFrom(0, -0, 1, -1, Infinity, -Infinity, NaN),
  fc.integer({ min: -3, max: 3 }),
);

describe('kthSmallest', () => {
  test.prop([fc.array(value, { minLength: 1, maxLength: 300 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })], { numRuns: 400, seed: 20261203 })(
    'equals the sorted array at k, NaN last', (xs, f) => {
      const k = Math.floor(f * xs.length);
      const want = Float64Array.from(xs).sort()[k];
      const got = kthSmallest(Float64Array.from(xs), k);
      // -0 and +0 count as equal (sort orders them, selection need not; distances are never -0).
      expect(Number.isNaN(want) ? Number.isNaN(got) : got === want, `k = ${k}: got ${got}, sort gives ${want}`).toBe(true);
    });
});
