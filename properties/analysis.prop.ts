/** Properties of the linearization and damping table (docs/model.md §4). */
import { test, fc } from '@fast-check/vitest';
import { expect } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { linearized } from '../test/helpers/configs.ts';
import { dampingTable, eigen, findEquilibrium, closedFormEigenvalues, formatError } from '../src/index.ts';
import { PROP_PARAMS, dbl, smallConfig, build } from './arbitraries.ts';

const matrix = (n: number) => fc.array(dbl(-3, 3), { minLength: n * n, maxLength: n * n }).map((a) => Float64Array.from(a));

test.prop([fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(fc.constant(n), matrix(n)))], PROP_PARAMS)(
  'eigenvalues of a real matrix come in conjugate pairs', ([n, a]) => {
    const e = eigen(a, n, false);
    for (let k = 0; k < n; k++) {
      if (e.im[k] === 0) continue;
      const partner = Array.from({ length: n }, (_, j) => j).find((j) => Math.abs(e.re[j] - e.re[k]) <= 1e-9 * (1 + Math.abs(e.re[k])) && Math.abs(e.im[j] + e.im[k]) <= 1e-9 * (1 + Math.abs(e.im[k])));
      expect(partner).toBeDefined();
    }
  });

test.prop([fc.array(fc.tuple(dbl(-5, 5), dbl(0, 5)), { minLength: 1, maxLength: 10 })], PROP_PARAMS)(
  'docs/model.md §4: the damping table has zeta in [-1, 1], no NaN, and is sorted by omega_n then sigma', (poles) => {
    const re = poles.flatMap(([s, w]) => (w === 0 ? [s] : [s, s]));
    const im = poles.flatMap(([, w]) => (w === 0 ? [0] : [w, -w]));
    const t = dampingTable(re, im);
    for (const r of t) {
      if (r.zeta !== null) { expect(r.zeta).toBeGreaterThanOrEqual(-1); expect(r.zeta).toBeLessThanOrEqual(1); }
      for (const v of [r.re, r.im, r.omegaN, r.zeta, r.tau]) if (v !== null) expect(Number.isNaN(v)).toBe(false);
    }
    for (let k = 1; k < t.length; k++) expect(t[k].omegaN).toBeGreaterThanOrEqual(t[k - 1].omegaN * (1 - 1e-12));
  });

test.prop([smallConfig({ critic: 'linear', loss: 'wgan' }), dbl(0.05, 3), dbl(0, 1)], PROP_PARAMS)(
  'docs/model.md §4: the spectrum of a random linear-critic config equals the closed form', ({ input, N, d }, lambda, ratio) => {
    // g2 in [0, g1] keeps gbar >= g1/N: with gbar -> 0 the slow eigenvalue -omega_0^2/(2 lambda etaD) would fall
    // below the zero-mode tolerance (1e-7 of the spectrum's scale) and be counted as a zero mode, as it should.
    const g1 = (input.kernel as { g1: number }).g1;
    const m = build({ ...input, kernel: { kind: 'two-point', g1, g2: ratio * g1 }, regularizer: { kind: 'grad2-fake', lambda } });
    const eq = findEquilibrium(m);
    if (E.isLeft(eq)) throw new Error(formatError(eq.left));
    const lin = linearized(m, eq.right.u);
    const cf = closedFormEigenvalues({ etaG: m.etaG, etaD: m.etaD, gbar: m.kernel.gbar, lambda });
    const sc = Math.hypot(...cf[0]);
    const modes = lin.table.filter((r) => r.kind === 'mode');
    expect(lin.zeroModes).toBe((N - 1) * d + 1);
    for (const r of modes) expect(Math.min(...cf.map(([a, b]) => Math.hypot(r.re - a, r.im - b))) / sc).toBeLessThan(1e-6);
  });
