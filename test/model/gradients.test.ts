/**
 * Gradients of the RHS (docs/model.md §2-3) against central finite differences:
 *  - grad_x D (analytic backprop) against FD of D in x;
 *  - the critic part dtheta/dt against eta_D * FD of the scalar objective
 *    J(theta) = V - lambda R - (mu/2)|theta|^2 (with R built from the analytic
 *    grad_x D, itself checked first);
 *  - the particle part against eta_G/N sum_j K_ij s_j FD-grad D(x_j).
 * Tolerance: relative 1e-6 of the gradient's scale, smooth activations; relu
 * and leaky_relu away from kinks (states with no pre-activation near 0).
 */
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, criticAt, criticObjective, type ConfigInput } from '../../src/index.ts';
import { model, rhsAt, derivativeSetting, GRADIENT_CRITICS } from '../helpers/configs.ts';

const base = derivativeSetting;

const relErr = (a: Float64Array | number[], b: Float64Array | number[]) => {
  let num = 0, den = 0;
  for (let i = 0; i < a.length; i++) { num = Math.max(num, Math.abs(a[i] - b[i])); den = Math.max(den, Math.abs(b[i])); }
  return num / Math.max(den, 1e-12);
};

const critics = GRADIENT_CRITICS;

describe('critic and particle gradients vs central finite differences', () => {
  for (const critic of critics) for (const loss of ['wgan', 'nsgan'] as const) for (const reg of ['grad2-fake', 'grad2-real', 'gp-fake'] as const) {
    const name = critic!.kind === 'linear' ? 'linear' : `mlp ${JSON.stringify(critic!.hidden)} ${critic!.activation}`;
    it(`${name}, ${loss}, ${reg}`, () => {
      const m = model(base({ critic, loss, regularizer: { kind: reg, lambda: 0.8 } }));
      const u = m.u0.slice();
      const to = m.N * m.d;
      const du = rhsAt(m, u);
      const h = 1e-5;
      // grad_x D at each particle against FD of D.
      for (let i = 0; i < m.N; i++) {
        const x = u.slice(i * m.d, (i + 1) * m.d);
        const { g } = criticAt(m, u, x);
        const fd = Array.from({ length: m.d }, (_, k) => {
          const xp = x.slice(), xm = x.slice();
          xp[k] += h; xm[k] -= h;
          return (criticAt(m, u, xp).D - criticAt(m, u, xm).D) / (2 * h);
        });
        expect(relErr(g, fd)).toBeLessThan(1e-6);
      }
      // dtheta/dt = etaD * grad_theta J.
      const fdTheta = new Float64Array(m.p);
      for (let k = 0; k < m.p; k++) {
        const up = u.slice(), um = u.slice();
        up[to + k] += h; um[to + k] -= h;
        fdTheta[k] = (m.etaD * (criticObjective(m, up).J - criticObjective(m, um).J)) / (2 * h);
      }
      expect(relErr(du.subarray(to), fdTheta)).toBeLessThan(1e-6);
      // dx_i/dt = etaG/N sum_j K_ij s_j grad D(x_j), two-point K.
      const K = m.kernel.matrix();
      const sg: number[][] = [];
      for (let j = 0; j < m.N; j++) {
        const x = u.slice(j * m.d, (j + 1) * m.d);
        const D = criticAt(m, u, x).D;
        const s = m.loss.particleWeight(D);
        sg.push(Array.from({ length: m.d }, (_, k) => {
          const xp = x.slice(), xm = x.slice();
          xp[k] += h; xm[k] -= h;
          return (s * (criticAt(m, u, xp).D - criticAt(m, u, xm).D)) / (2 * h);
        }));
      }
      const expected = new Float64Array(to);
      for (let i = 0; i < m.N; i++) for (let k = 0; k < m.d; k++) {
        let acc = 0;
        for (let j = 0; j < m.N; j++) acc += K[i * m.N + j] * sg[j][k];
        expected[i * m.d + k] = (m.etaG / m.N) * acc;
      }
      expect(relErr(du.subarray(0, to), expected)).toBeLessThan(1e-6);
    });
  }
});
