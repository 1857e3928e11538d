/**
 * docs/model.md §4: with a linear critic (wgan, grad2-fake, mu = 0) each coordinate of
 * the mean gap y = mean(X) - mean(P) obeys y'' + 2 lambda eta_D y' + omega_0^2 y = 0.
 * A tight solve of the full flow must match the analytic solution to 1e-6.
 */
import { describe, expect, it } from 'vitest';
import { closedFormGap, dop853, lambdaCritical, solve } from '../../src/index.ts';
import { model } from '../helpers/configs.ts';

describe('linear critic: mean gap = damped oscillator', () => {
  const etaG = 0.9, etaD = 1.4, g1 = 1.2, g2 = 0.3, N = 6;
  const gbar = (g1 + (N - 1) * g2) / N;
  const lc = lambdaCritical({ etaG, etaD, gbar });
  for (const [name, f] of [['under-damped', 0.2], ['critically damped', 1], ['over-damped', 4]] as [string, number][]) {
    it(`${name} (lambda = ${f} lambda_c): |y(t) - y_exact(t)| < 1e-6 on [0, 20]`, () => {
      const lambda = f * lc;
      const m = model({
        seed: 4, target: { kind: 'gaussian', mean: [0.5, -0.25], std: 0.3, samples: 9 }, particles: { n: N, init: { kind: 'gaussian', mean: [-0.4, 0.3], std: 0.2 } },
        kernel: { kind: 'two-point', g1, g2 }, critic: { kind: 'linear' }, theta: [0.3, -0.2, 0.1], regularizer: { kind: 'grad2-fake', lambda }, etaG, etaD,
      });
      const d = m.d;
      const ybar = [0, 1].map((k) => { let s = 0; for (let j = 0; j < m.M; j++) s += m.targetWeights[j] * m.targetPoints[j * d + k]; return s; });
      const meanX = (u: Float64Array, k: number) => { let s = 0; for (let i = 0; i < N; i++) s += u[i * d + k]; return s / N; };
      const times = Array.from({ length: 41 }, (_, i) => i * 0.5);
      const r = solve({ rhs: m.rhs, u0: m.u0, tspan: [0, 20] }, dop853({ rtol: 1e-12, atol: 1e-14 }), { saveAt: { times } });
      if (r._tag === 'Left') throw new Error(r.left.message);
      let worst = 0;
      for (let k = 0; k < d; k++) {
        const y0 = meanX(m.u0, k) - ybar[k];
        const v0 = etaG * gbar * m.u0[N * d + k];
        r.right.t.forEach((t, i) => { worst = Math.max(worst, Math.abs(meanX(r.right.u[i], k) - ybar[k] - closedFormGap({ etaG, etaD, gbar, lambda }, y0, v0, t))); });
      }
      expect(worst).toBeLessThan(1e-6);
    });
  }

  it('the two-point kernel equals the explicit matrix kernel with the same g1, g2 (to 1e-12)', () => {
    const base = { seed: 5, target: { kind: 'ring' as const, samples: 16 }, particles: { n: 7, init: { kind: 'gaussian' as const, std: 0.5 } }, critic: { kind: 'mlp' as const, hidden: [5], activation: 'tanh' as const } };
    const a = model({ ...base, kernel: { kind: 'two-point', g1: 1.1, g2: -0.1 } });
    const K = Array.from({ length: 7 }, (_, i) => Array.from({ length: 7 }, (_, j) => (i === j ? 1.1 : -0.1)));
    const b = model({ ...base, kernel: { kind: 'matrix', matrix: K } });
    const da = new Float64Array(a.n), db = new Float64Array(b.n);
    a.rhs(0, a.u0, da); b.rhs(0, b.u0, db);
    let err = 0, sc = 0;
    for (let k = 0; k < a.n; k++) { err = Math.max(err, Math.abs(da[k] - db[k])); sc = Math.max(sc, Math.abs(da[k])); }
    expect(err / sc).toBeLessThan(1e-12);
  });

  it('the NTK kernel concentrates on the two-point form with g2/g1 = 1/(2 pi) for a large latent dimension', () => {
    const m = model({ seed: 1, target: { kind: 'ring', samples: 8 }, particles: { n: 20 }, kernel: { kind: 'ntk', latentDim: 4000 } });
    expect(Math.abs(m.kernel.g1 - 1)).toBeLessThan(0.05);
    expect(Math.abs(m.kernel.g2 / m.kernel.g1 - 1 / (2 * Math.PI))).toBeLessThan(0.02);
  });
});
