/** Dense output and saveAt. */
import { describe, expect, it } from 'vitest';
import { solve, dopri5 } from '../../src/index.ts';
import { by, linear3, maxAbsDiff } from '../helpers/problems.ts';

const p = linear3();

describe('dense output', () => {
  for (const method of ['dopri5', 'dop853', 'odex', 'rodas4', 'auto', 'rk4']) {
    it(`${method}: solution.at(t) matches the exact solution on the whole span`, () => {
      const r = solve(p, by(method, { rtol: 1e-10, atol: 1e-12, h: 0.01 }), { dense: true });
      if (r._tag === 'Left') throw new Error(r.left.message);
      let worst = 0;
      for (let k = 0; k <= 200; k++) {
        const t = (5 * k) / 200;
        worst = Math.max(worst, maxAbsDiff(r.right.at!(t), p.exact(t)));
      }
      expect(worst).toBeLessThan(method === 'rk4' ? 1e-6 : 1e-7);
    });
  }

  it('saveAt: explicit times, n points and every step', () => {
    const tight = dopri5({ rtol: 1e-10, atol: 1e-12 });
    const times = solve(p, tight, { saveAt: { times: [0, 0.3, 2.5, 5] } });
    const npts = solve(p, tight, { saveAt: { n: 11 } });
    const steps = solve(p, dopri5(), { saveAt: { steps: true } });
    if (times._tag === 'Left' || npts._tag === 'Left' || steps._tag === 'Left') throw new Error('solve failed');
    expect(times.right.t).toEqual([0, 0.3, 2.5, 5]);
    times.right.t.forEach((t, k) => expect(maxAbsDiff(times.right.u[k], p.exact(t))).toBeLessThan(1e-8));
    expect(npts.right.t).toHaveLength(11);
    expect(npts.right.t[10]).toBe(5);
    expect(steps.right.t).toHaveLength(steps.right.stats.accepted + 1);
  });
});
