/**
 * Run warnings (docs/model.md §6.3): a run whose critic parameters grow without bound
 * (grad2-fake does not bound the critic) says so and names weight decay as the
 * remedy; with weight decay, or when the critic converges, it does not.
 */
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { buildModel, parseConfig, runModel, THETA_GROWTH_WARNING, type ConfigInput } from '../../src/index.ts';

const config = (etaD: number, g2: number, weightDecay: number): ConfigInput => ({
  seed: 0, target: { kind: 'ring', modes: 8, samples: 32 }, particles: { n: 16 }, kernel: { kind: 'two-point', g1: 1, g2 },
  critic: { kind: 'mlp', hidden: [16], activation: 'tanh' }, regularizer: { kind: 'grad2-fake', lambda: 0.1 }, weightDecay,
  etaD, t1: 20, solver: { method: 'rk4', h: 0.05 }, saveAt: { n: 2 },
});
const run = (c: ConfigInput) => {
  const p = parseConfig(c);
  if (E.isLeft(p)) throw new Error(JSON.stringify(p.left));
  const m = buildModel(p.right);
  const r = runModel(m);
  if (E.isLeft(r)) throw new Error(r.left.message);
  let th0 = 0;
  for (const x of m.u0.subarray(m.N * m.d)) th0 += x * x;
  return { growth: r.right.metrics.thetaNorm / Math.sqrt(th0), warnings: r.right.warnings.filter((w) => w.code === 'criticGrowth').map((w) => w.message) };
};

describe('critic growth warning', () => {
  it('fires when |theta| grows past the threshold (etaD = 10, g2/g1 = 0.9: ~24-fold by t = 20) and names weight decay', () => {
    const r = run(config(10, 0.9, 0));
    expect(r.growth).toBeGreaterThan(THETA_GROWTH_WARNING);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/grew \d+(\.\d+)?-fold by t = 20\.00 .*grad2-fake regularizer does not bound the critic.*a weightDecay > 0 bounds them$/);
  });

  it('stays silent with weight decay (growth bounded) and on a converging run', () => {
    for (const c of [config(10, 0.9, 0.1), config(1, 0, 0)]) {
      const r = run(c);
      expect(r.growth).toBeLessThan(THETA_GROWTH_WARNING);
      expect(r.warnings).toEqual([]);
    }
  });
});
