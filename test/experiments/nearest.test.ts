/**
 * The paper's real-data metrics (docs/model.md §5, §9) on clouds with known answers: particles equal to the
 * targets hit every one (gap 0, distance 0); all particles on one target hit one (gap log K); cosine distance
 * ignores scale where Euclidean distance does not; a hand-computed small case; and the metrics appear in
 * runs of point-cloud targets only.
 */
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { nearestStats, buildTarget, cloudMetrics, loadMnist, parseConfig, buildModel, runModel, formatError } from '../../src/index.ts';

const mnist = (() => { const r = loadMnist({ split: 'train', offset: 0, count: 100, normalize: 'mnist' }); if (E.isLeft(r)) throw new Error(formatError(r.left)); return r.right; })();
const target = (() => {
  const c = parseConfig({ target: { kind: 'mnist', count: 100 }, particles: { n: 1 }, critic: { kind: 'linear' } });
  if (E.isLeft(c)) throw new Error(formatError(c.left));
  return buildTarget(c.right.target, 0);
})();

describe('nearest-target metrics', () => {
  it('particles = the 100 digits: 100 hit, entropy gap 0, mean nearest distance 0 (cosine and Euclidean)', () => {
    for (const metric of ['cosine', 'euclidean'] as const) {
      const s = nearestStats(mnist.points, 100, target, metric);
      expect(s.hit).toBe(100);
      expect(s.entropyGap).toBe(0);
      expect(s.meanNearest).toBeLessThan(1e-12);
    }
  });

  it('all particles on one digit: 1 hit, entropy gap log K', () => {
    const X = new Float64Array(100 * 784);
    for (let i = 0; i < 100; i++) X.set(mnist.points.subarray(7 * 784, 8 * 784), i * 784);
    const s = nearestStats(X, 100, target, 'cosine');
    expect(s.hit).toBe(1);
    expect(s.entropyGap).toBeCloseTo(Math.log(100), 12);
    expect(s.meanNearest).toBeLessThan(1e-12);
  });

  it('cosine distance ignores scale: 3 x the digits still hit all 100 at distance 0; Euclidean distance does not', () => {
    const X = mnist.points.map((x) => 3 * x);
    expect(nearestStats(X, 100, target, 'cosine').meanNearest).toBeLessThan(1e-12);
    expect(nearestStats(X, 100, target, 'euclidean').meanNearest).toBeGreaterThan(10);
  });

  it('a hand-computed case: targets (1, 0), (0, 1); particles (2, 0.1), (3, 0.5), (0.2, 1)', () => {
    const t = buildTarget({ kind: 'points', points: [[1, 0], [0, 1]] }, 0);
    const X = Float64Array.of(2, 0.1, 3, 0.5, 0.2, 1);
    const s = nearestStats(X, 3, t, 'cosine');
    expect(s.hit).toBe(2);
    // p = (2/3, 1/3): gap = log 2 + (2/3) log(2/3) + (1/3) log(1/3)
    expect(s.entropyGap).toBeCloseTo(Math.log(2) + (2 / 3) * Math.log(2 / 3) + (1 / 3) * Math.log(1 / 3), 14);
    const cos = (x: number, y: number, tx: number, ty: number) => 1 - (x * tx + y * ty) / (Math.hypot(x, y) * Math.hypot(tx, ty));
    expect(s.meanNearest).toBeCloseTo((cos(2, 0.1, 1, 0) + cos(3, 0.5, 1, 0) + cos(0.2, 1, 0, 1)) / 3, 14);
    const e = nearestStats(X, 3, t, 'euclidean');
    expect(e.meanNearest).toBeCloseTo((Math.hypot(1, 0.1) + Math.hypot(2, 0.5) + Math.hypot(0.2, 0)) / 3, 14);
  });

  it('duplicate target points are one mode: a perfect match scores collapse 0', () => {
    const t = buildTarget({ kind: 'points', points: [[1, 0], [1, 0], [0, 1]] }, 0);
    expect(t.K).toBe(2);
    const m = cloudMetrics(Float64Array.of(1, 0, 0, 1), 2, t, 0);
    expect(m.collapseScore).toBe(0);
    expect(m.modesCovered).toBe(2);
  });

  it('a run of a point-cloud target reports them; a ring run does not', () => {
    const run = (input: unknown) => { const c = parseConfig(input); if (E.isLeft(c)) throw new Error(formatError(c.left)); const r = runModel(buildModel(c.right)); if (E.isLeft(r)) throw new Error(r.left.message); return r.right.metrics; };
    const pts = run({ target: { kind: 'points', points: [[1, 0], [0, 1]] }, particles: { n: 2 }, critic: { kind: 'linear' }, t1: 1 });
    expect(pts.digitsHit).toBeGreaterThanOrEqual(1);
    expect(typeof pts.meanNearestDistanceEuclidean).toBe('number');
    expect(run({ target: { kind: 'ring', samples: 8 }, particles: { n: 2 }, critic: { kind: 'linear' }, t1: 1 }).digitsHit).toBeUndefined();
  });
});
