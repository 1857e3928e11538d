/**
 * The flow's exact Jacobian and Jacobian-vector product (docs/model.md §4, "The Jacobian") on random small
 * configs: J v equals central differences of the right-hand side along v; the dense matrix times v equals the
 * product; the critic's block d(dtheta/dt)/dtheta is eta_D times a Hessian of the critic's objective, so it is
 * symmetric.
 */
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { PROP_PARAMS, smallConfig, build, dbl } from './arbitraries.ts';

const direction = (n: number, seed: number) => Float64Array.from({ length: n }, (_, i) => Math.sin(1.3 * i + seed));

test.prop([smallConfig({ smooth: true }), fc.integer({ min: 0, max: 100 }), dbl(0, 0.3)], PROP_PARAMS)(
  'J v = (f(u + h v) - f(u - h v)) / 2h (h = 1e-5; relative 1e-6: truncation h^2 |f\'\'\'| and rounding eps/h)',
  ({ input }, seed, mu) => {
    const m = build({ ...input, weightDecay: mu });
    const n = m.n, u = m.u0, v = direction(n, seed), h = 1e-5;
    const jv = new Float64Array(n), fp = new Float64Array(n), fm = new Float64Array(n);
    m.jvp!(0, u, v, jv);
    m.rhs(0, Float64Array.from(u, (x, i) => x + h * v[i]), fp);
    m.rhs(0, Float64Array.from(u, (x, i) => x - h * v[i]), fm);
    let err = 0, sc = 0;
    for (let i = 0; i < n; i++) { const fd = (fp[i] - fm[i]) / (2 * h); err = Math.max(err, Math.abs(fd - jv[i])); sc = Math.max(sc, Math.abs(fd)); }
    expect(err).toBeLessThanOrEqual(1e-6 * sc + 1e-9);
  },
);

test.prop([smallConfig(), fc.integer({ min: 0, max: 100 })], PROP_PARAMS)(
  'the dense exact Jacobian times v equals the exact J v (every activation, relu included), and its critic block is symmetric',
  ({ input }, seed) => {
    const m = build(input);
    const n = m.n, nx = m.N * m.d, J = new Float64Array(n * n), v = direction(n, seed), jv = new Float64Array(n);
    m.jacobian!(0, m.u0, J);
    m.jvp!(0, m.u0, v, jv);
    let err = 0, sc = 0, asym = 0, hs = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += J[i * n + j] * v[j];
      err = Math.max(err, Math.abs(s - jv[i])); sc = Math.max(sc, Math.abs(jv[i]));
    }
    for (let r = nx; r < n; r++) for (let c = nx; c < n; c++) { asym = Math.max(asym, Math.abs(J[r * n + c] - J[c * n + r])); hs = Math.max(hs, Math.abs(J[r * n + c])); }
    expect(err).toBeLessThanOrEqual(1e-12 * sc + 1e-14);
    expect(asym).toBeLessThanOrEqual(1e-12 * hs + 1e-14);
  },
);
