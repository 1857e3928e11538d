/**
 * Coverage at the edges: a ring of width 0 (std 0) is its centres, and particles placed on them cover every
 * mode (the 3-sigma radius is floored at 1e-9 of the centres' scale, so rounding of the centres does not
 * uncover them); a particle 1e-3 away from a width-0 mode does not cover it.
 */
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { buildTarget, coverage, parseConfig, formatError } from '../../src/index.ts';

describe('coverage of a width-0 target', () => {
  it('particles on the 8 centres (written as decimals) cover 8 of 8; moved by 1e-3, none', () => {
    const c = parseConfig({ target: { kind: 'ring', std: 0, samples: 16 }, particles: { n: 8 }, critic: { kind: 'linear' } });
    if (E.isLeft(c)) throw new Error(formatError(c.left));
    const t = buildTarget(c.right.target, 0);
    expect(t.modeStd).toBe(0);
    // The centres as a user would type them (rounded to 15 digits), not the computed doubles.
    const X = Float64Array.from(Array.from(t.centres, (v) => Number(v.toPrecision(15))));
    expect(Array.from(X)).not.toEqual(Array.from(t.centres));
    const on = coverage(X, 8, t);
    expect(on.modesCovered).toBe(8);
    expect(on.quality).toBe(1);
    const off = coverage(X.map((v) => v + 1e-3), 8, t);
    expect(off.modesCovered).toBe(0);
  });
});

describe('target weights near the largest double (issue 23, failure 5)', () => {
  it('[1e308, 1e308] normalize to [0.5, 0.5] and give the dynamics of [1, 1] exactly', async () => {
    const { makeModel, runModel } = await import('../../src/index.ts');
    const cfg = (weights: number[]) => ({ target: { kind: 'points', points: [[1, 0], [-1, 0]], weights }, particles: { n: 2 }, critic: { kind: 'linear' }, t1: 2, saveAt: { n: 2 } });
    const t = buildTarget((parseConfig(cfg([1e308, 1e308])) as E.Right<{ target: Parameters<typeof buildTarget>[0] }>).right.target, 0);
    expect(Array.from(t.weights)).toEqual([0.5, 0.5]);
    const run = (w: number[]) => { const m = makeModel(cfg(w)); if (E.isLeft(m)) throw new Error(formatError(m.left)); const r = runModel(m.right); if (E.isLeft(r)) throw new Error(r.left.message); return r.right.final; };
    expect(run([1e308, 1e308])).toEqual(run([1, 1]));
  });
});
