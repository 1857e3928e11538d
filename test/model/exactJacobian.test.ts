/**
 * The flow's exact Jacobian and Jacobian-vector product (src/model/exactJacobian.ts, src/model/tangent.ts) against
 * fourth-order finite differences of the whole right-hand side (Richardson's extrapolation of central
 * differences at steps h and h/2), on the 48 critic x loss x regularizer cases of the gradient tests (with weight
 * decay and a two-point kernel with g2 != 0), a dense kernel (NTK) with a three-layer critic, and the linear
 * critic's closed-form Jacobian.
 */
import { describe, expect, it } from 'vitest';
import { exactJacobian, flowJvp, type EganModel } from '../../src/index.ts';
import { model, derivativeSetting, GRADIENT_CRITICS } from '../helpers/configs.ts';
import { relDiff } from '../helpers/problems.ts';

/** Richardson-extrapolated central differences, fixed step h: error O(h^4). */
const richardson = (m: EganModel, u: Float64Array, h: number): Float64Array => {
  const n = m.n, J = new Float64Array(n * n), w = Float64Array.from(u);
  const a = new Float64Array(n), b = new Float64Array(n), c = new Float64Array(n), e = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const uj = u[j];
    w[j] = uj + h; m.rhs(0, w, a);
    w[j] = uj - h; m.rhs(0, w, b);
    w[j] = uj + h / 2; m.rhs(0, w, c);
    w[j] = uj - h / 2; m.rhs(0, w, e);
    w[j] = uj;
    for (let i = 0; i < n; i++) J[i * n + j] = ((4 * (c[i] - e[i])) / h - (a[i] - b[i]) / (2 * h)) / 3;
  }
  return J;
};
const exactAt = (m: EganModel, u = m.u0) => {
  const J = new Float64Array(m.n * m.n);
  exactJacobian(m).jacobian(0, u, J);
  return J;
};
/** J v from the dense matrix against flowJvp, relative to max |J v|. */
const jvpDiff = (m: EganModel, J: Float64Array, u = m.u0) => {
  const n = m.n, v = Float64Array.from({ length: n }, (_, i) => Math.sin(1.7 * i + 0.3)), out = new Float64Array(n);
  flowJvp(m)(0, u, v, out);
  const Jv = new Float64Array(n);
  for (let i = 0; i < n; i++) { let s = 0; for (let j = 0; j < n; j++) s += J[i * n + j] * v[j]; Jv[i] = s; }
  return relDiff(out, Jv);
};

describe('exact Jacobian vs fourth-order differences of the right-hand side', () => {
  for (const critic of GRADIENT_CRITICS) for (const loss of ['wgan', 'nsgan'] as const) for (const reg of ['grad2-fake', 'grad2-real', 'gp-fake'] as const) {
    const name = critic!.kind === 'linear' ? 'linear' : `mlp ${JSON.stringify(critic!.hidden)} ${critic!.activation}`;
    it(`${name}, ${loss}, ${reg}`, () => {
      const m = model(derivativeSetting({ critic, loss, regularizer: { kind: reg, lambda: 0.8 } }));
      const J = exactAt(m);
      // Measured over these cases at h = 1e-3: <= 6.2e-9 of the Jacobian's scale (relu with gp-fake, whose |g|
      // term has the largest fourth derivatives), falling as h^4 (x 80-125 per step from h = 1e-2 to 3e-3 to
      // 1e-3): the differences converge to this Jacobian. A wrong term would leave an O(1e-2..1) gap.
      expect(relDiff(J, richardson(m, m.u0, 1e-3))).toBeLessThan(2e-8);
      // The Jacobian-vector product is the same derivative, one tangent pass: equal to rounding (measured <= 1.8e-15).
      expect(jvpDiff(m, J)).toBeLessThan(1e-13);
    });
  }
  it('the differences converge to it as h^4 (tanh [5, 4], nsgan, gp-fake): the gap is their truncation error', () => {
    const m = model(derivativeSetting({ critic: { kind: 'mlp', hidden: [5, 4], activation: 'tanh' }, loss: 'nsgan', regularizer: { kind: 'gp-fake', lambda: 0.8 } }));
    const J = exactAt(m);
    const e1 = relDiff(J, richardson(m, m.u0, 1e-2)), e2 = relDiff(J, richardson(m, m.u0, 5e-3));
    // h^4: a ratio of 16 for a halved step (measured 16.0); a wrong derivative would not shrink at all.
    expect(e1 / e2).toBeGreaterThan(12);
    expect(e1 / e2).toBeLessThan(20);
  });
  it('a dense kernel (NTK) and a three-layer critic, away from the initial state', () => {
    const m = model({ seed: 1, target: { kind: 'ring', samples: 10 }, particles: { n: 6 }, kernel: { kind: 'ntk' }, critic: { kind: 'mlp', hidden: [4, 3, 3], activation: 'softplus', beta: 2 }, loss: 'nsgan', weightDecay: 0.1, regularizer: { kind: 'grad2-real', lambda: 0.5 } });
    const u = Float64Array.from(m.u0, (x, i) => x + 0.2 * Math.cos(i));
    const J = exactAt(m, u);
    expect(relDiff(J, richardson(m, u, 1e-3))).toBeLessThan(2e-8);
    expect(jvpDiff(m, J, u)).toBeLessThan(1e-13);
  });
  it('equals the linear critic\'s closed-form Jacobian (wgan, grad2) to rounding', () => {
    for (const reg of ['grad2-fake', 'grad2-real'] as const) {
      const m = model(derivativeSetting({ critic: { kind: 'linear' }, regularizer: { kind: reg, lambda: 0.8 } }));
      const closed = new Float64Array(m.n * m.n);
      m.jacobian!(0, m.u0, closed);
      expect(relDiff(exactAt(m), closed)).toBeLessThan(1e-15);
    }
  });
});
