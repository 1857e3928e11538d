/**
 * Nonlinear critic at the equilibrium with particles on the targets and
 * w_out = 0 (docs/model.md §4): the numerical Jacobian's (X, w) block equals
 *   dx_i' = (eta_G/N) sum_j K_ij J_j^T dw,
 *   dw'   = -(eta_D/N) sum_i J_i dx_i - 2 lambda eta_D M dw,
 * with J_i = diag(s'(a_i)) W_1 and M = (1/N) sum_i J_i J_i^T; hidden weights and
 * biases are exact zero modes; J v matches a directional finite difference.
 * Then the collective-mode damping in the reference setting of docs/model.md §4.
 */
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  buildTarget, criticalDamping, findEquilibrium, jacobianAt, lambdaCritical, alternatingMaxStep,
  type ConfigInput, type Activation, formatError } from '../../src/index.ts';
import { model, linearized } from '../helpers/configs.ts';

const H = 32;
const specSetting = (activation: Activation, seed = 0, lambda = 0.5): ConfigInput => {
  const t = buildTarget({ kind: 'ring', modes: 8, radius: 0.75, std: 0.075, samples: 16, dim: 2 }, seed);
  const pts = Array.from({ length: 16 }, (_, i) => [t.points[2 * i], t.points[2 * i + 1]]);
  return {
    seed, target: { kind: 'points', points: pts }, particles: { n: 16, init: { kind: 'points', points: pts } },
    kernel: { kind: 'two-point', g1: 1, g2: 0.5 }, critic: { kind: 'mlp', hidden: [H], activation },
    regularizer: { kind: 'grad2-fake', lambda }, etaG: 1, etaD: 1,
  };
};

describe('(X, w) block of the Jacobian at equilibrium (docs/model.md §4)', () => {
  for (const activation of ['relu', 'tanh'] as Activation[]) {
    it(`${activation}: numerical Jacobian = exact block; W_1, b_1 columns are zero; J v = directional FD`, () => {
      const lambda = 0.7;
      const m = model(specSetting(activation, 0, lambda));
      const eq = findEquilibrium(m);
      if (E.isLeft(eq)) throw new Error(formatError(eq.left));
      const u = eq.right.u;
      const n = m.n, N = m.N, d = m.d, to = N * d, s = m.shape;
      const J = jacobianAt(m, u);
      const th = u.subarray(to);
      const W1 = (r: number, c: number) => th[s.wOff[0] + r * d + c];
      const sp = (i: number, r: number) => {
        let a = th[s.bOff[0] + r];
        for (let c = 0; c < d; c++) a += W1(r, c) * u[i * d + c];
        if (activation === 'relu') return a > 0 ? 1 : 0;
        return 1 - Math.tanh(a) ** 2;
      };
      const K = m.kernel.matrix();
      const wcol = (r: number) => to + s.outOff + r;
      let err = 0, scale = 0;
      const cmp = (num: number, exact: number) => { err = Math.max(err, Math.abs(num - exact)); scale = Math.max(scale, Math.abs(exact)); };
      for (let i = 0; i < N; i++) for (let c = 0; c < d; c++) for (let r = 0; r < H; r++) {
        let acc = 0;
        for (let j = 0; j < N; j++) acc += K[i * N + j] * sp(j, r) * W1(r, c);
        cmp(J[(i * d + c) * n + wcol(r)], (m.etaG / N) * acc);
        cmp(J[wcol(r) * n + i * d + c], (-m.etaD / N) * sp(i, r) * W1(r, c));
      }
      for (let r = 0; r < H; r++) for (let q = 0; q < H; q++) {
        let Mrq = 0;
        for (let i = 0; i < N; i++) { let dot = 0; for (let c = 0; c < d; c++) dot += W1(r, c) * W1(q, c); Mrq += (sp(i, r) * sp(i, q) * dot) / N; }
        cmp(J[wcol(r) * n + wcol(q)], -2 * lambda * m.etaD * Mrq);
      }
      console.log(`${activation}: max |J_num - J_exact| = ${err.toExponential(2)} (block scale ${scale.toFixed(3)})`);
      expect(err / scale).toBeLessThan(1e-6);
      // Columns of hidden weights and biases vanish (exact zero modes).
      let hid = 0;
      for (let k = 0; k < s.outOff; k++) for (let i = 0; i < n; i++) hid = Math.max(hid, Math.abs(J[i * n + to + k]));
      expect(hid / scale).toBeLessThan(1e-6);
      // Directional finite difference of the rhs.
      const v = Float64Array.from({ length: n }, (_, k) => Math.sin(1.7 * k + 0.3));
      const eps = 1e-6;
      const up = u.map((x, k) => x + eps * v[k]), um = u.map((x, k) => x - eps * v[k]);
      const fp = new Float64Array(n), fm = new Float64Array(n);
      m.rhs(0, up, fp); m.rhs(0, um, fm);
      let dErr = 0, dSc = 0;
      for (let i = 0; i < n; i++) {
        let jv = 0;
        for (let k = 0; k < n; k++) jv += J[i * n + k] * v[k];
        const fd = (fp[i] - fm[i]) / (2 * eps);
        dErr = Math.max(dErr, Math.abs(jv - fd)); dSc = Math.max(dSc, Math.abs(fd));
      }
      expect(dErr / dSc).toBeLessThan(1e-6);
    });
  }
});

describe('collective modes in the docs/model.md §4 measured setting (MLP [32], 16 points, g2/g1 = 0.5, linear lambda_c = 0.729)', () => {
  const lc = lambdaCritical({ etaG: 1, etaD: 1, gbar: (1 + 15 * 0.5) / 16 });
  // Reference measurement: the collective decay rate peaks at ~0.33 lambda_c (relu) and ~0.40 lambda_c (tanh); the pair turns
  // real at ~0.43 lambda_c (tanh). Measured here (seeds 0-3): relu 0.35-0.60, tanh 0.33-0.35 (and zeta = 1 there).
  for (const [activation, lo, hi] of [['relu', 0.25, 0.7], ['tanh', 0.25, 0.5]] as [Activation, number, number][]) {
    it(`${activation}: collective argmin of alpha lies in [${lo}, ${hi}] lambda_c; the full spectrum's slowest modes are ~0 (ill-posed)`, () => {
      const m = model(specSetting(activation, 0));
      const res = criticalDamping(m.config, 'regularizer.lambda', 0.05 * lc, 5 * lc, { modes: 'collective', grid: 12, relTol: 1e-6 });
      if (E.isLeft(res)) throw new Error(formatError(res.left));
      const r = res.right;
      console.log(`${activation}: collective argmin alpha = ${(r.argminAlpha / lc).toFixed(3)} lambda_c (alpha ${r.alphaMin.toFixed(4)}), zeta = 1 at ${r.zetaOne === null ? 'none' : (r.zetaOne / lc).toFixed(3)} lambda_c`);
      expect(r.argminAlpha / lc).toBeGreaterThan(lo);
      expect(r.argminAlpha / lc).toBeLessThan(hi);
      expect(r.alphaMin).toBeLessThan(-0.05);
      // Full spectrum at the same point: M has near-zero eigenvalues, so the slowest non-zero mode is far slower.
      const eq = findEquilibrium(model(specSetting(activation, 0, r.argminAlpha)));
      if (E.isLeft(eq)) throw new Error(formatError(eq.left));
      const lin = linearized(model(specSetting(activation, 0, r.argminAlpha)), eq.right.u);
      expect(lin.alpha).toBeGreaterThan(r.alphaMin / 10);
    });
  }
});

describe('alternating updates (linear critic)', () => {
  for (const f of [0.05, 0.5, 2]) {
    it(`largest stable step of the alternating map at lambda = ${f} lambda_c matches min(2(sqrt(l^2 + w0^2) - l)/w0^2, 1/l), l = lambda etaD`, () => {
      const etaG = 1.2, etaD = 0.8, N = 4, g1 = 1, g2 = 0.25;
      const gbar = (g1 + (N - 1) * g2) / N;
      const lambda = f * lambdaCritical({ etaG, etaD, gbar });
      const m = model({ seed: 1, target: { kind: 'gaussian', samples: 5 }, particles: { n: N }, kernel: { kind: 'two-point', g1, g2 }, critic: { kind: 'linear' }, regularizer: { kind: 'grad2-fake', lambda }, etaG, etaD });
      const eq = findEquilibrium(m);
      if (E.isLeft(eq)) throw new Error(formatError(eq.left));
      const lin = linearized(m, eq.right.u);
      const l = lambda * etaD, w2 = etaG * etaD * gbar;
      const exact = Math.min((2 * (Math.sqrt(l * l + w2) - l)) / w2, 1 / l);
      const h = alternatingMaxStep(lin.jacobian, m.n, m.N * m.d, lin.zeroModes, 50, 1e-10);
      expect(Math.abs(h / exact - 1)).toBeLessThan(1e-6);
    });
  }
});
