/** Invariants of the effective-GAN flow (docs/model.md §3, §4) over random small configs. */
import { test, fc } from '@fast-check/vitest';
import { expect } from 'vitest';
import { PROP_PARAMS, smallConfig, build, rhs, close, dbl } from './arbitraries.ts';

const scale = (v: Float64Array) => v.reduce((m, x) => Math.max(m, Math.abs(x)), 0) + 1e-300;

test.prop([smallConfig(), fc.nat()], PROP_PARAMS)('docs/model.md §3: permuting particles permutes their velocities and leaves dtheta unchanged (two-point kernel)', ({ input, N, d }, shift) => {
  const m = build(input);
  const u = m.u0;
  // a permutation: rotation by `shift`, then a swap of the first two
  const p = Array.from({ length: N }, (_, i) => (i + shift) % N);
  [p[0], p[1]] = [p[1], p[0]];
  const up = u.slice();
  for (let i = 0; i < N; i++) for (let k = 0; k < d; k++) up[i * d + k] = u[p[i] * d + k];
  const du = rhs(m, u), dup = rhs(m, up);
  const sc = scale(du);
  for (let i = 0; i < N; i++) for (let k = 0; k < d; k++) expect(Math.abs(dup[i * d + k] - du[p[i] * d + k])).toBeLessThan(1e-12 * sc);
  for (let k = N * d; k < m.n; k++) expect(Math.abs(dup[k] - du[k])).toBeLessThan(1e-12 * sc);
});

test.prop([smallConfig({ critic: 'mlp' }), fc.array(dbl(-2, 2), { minLength: 3, maxLength: 3 })], PROP_PARAMS)(
  'docs/model.md §3: translating particles and target by c with b_1 -> b_1 - W_1 c leaves all velocities unchanged', ({ input, N, d }, cs) => {
    const m = build(input);
    const c = cs.slice(0, d);
    const u = m.u0.slice();
    const to = N * d;
    const s = m.shape;
    const shifted = build({ ...input, target: { kind: 'points', points: Array.from({ length: m.M }, (_, j) => Array.from({ length: d }, (_, k) => m.targetPoints[j * d + k] + c[k])) } });
    // the 'points' target has uniform weights, like the gaussian sample
    const base = build({ ...input, target: { kind: 'points', points: Array.from({ length: m.M }, (_, j) => Array.from({ length: d }, (_, k) => m.targetPoints[j * d + k])) } });
    const v = u.slice();
    for (let i = 0; i < N; i++) for (let k = 0; k < d; k++) v[i * d + k] += c[k];
    const H = s.hidden[0];
    for (let r = 0; r < H; r++) { let wc = 0; for (let k = 0; k < d; k++) wc += u[to + s.wOff[0] + r * d + k] * c[k]; v[to + s.bOff[0] + r] -= wc; }
    const du = rhs(base, u), dv = rhs(shifted, v);
    const sc = scale(du);
    // Particle velocities and the gradients of b_1, deeper layers and the output are unchanged; in these
    // coordinates W_1's velocity picks up the b_1 velocity times c: dW_1' = dW_1 + (db_1) c^T.
    for (let k = 0; k < m.n; k++) {
      let expected = du[k];
      if (k >= to + s.wOff[0] && k < to + s.bOff[0]) {
        const r = Math.floor((k - to - s.wOff[0]) / d), col = (k - to - s.wOff[0]) % d;
        expected += du[to + s.bOff[0] + r] * c[col];
      }
      expect(Math.abs(dv[k] - expected)).toBeLessThan(1e-9 * sc);
    }
  });

test.prop([smallConfig()], PROP_PARAMS)('docs/model.md §4: g2 = g1 makes every particle velocity equal (rigid motion), any critic and loss', ({ input, N, d }) => {
  const k = input.kernel as { g1: number };
  const m = build({ ...input, kernel: { kind: 'two-point', g1: k.g1, g2: k.g1 } });
  const du = rhs(m);
  const sc = scale(du);
  for (let i = 1; i < N; i++) for (let c = 0; c < d; c++) expect(Math.abs(du[i * d + c] - du[c])).toBeLessThan(1e-12 * sc);
});

test.prop([smallConfig()], PROP_PARAMS)('docs/model.md §4: d/dt mean(X) = etaG gbar mean_j(s_j grad D(x_j)) for the two-point kernel', ({ input, N, d }) => {
  const m = build(input);
  const du = rhs(m);
  // mean_j s_j grad D(x_j) from g2 = g1 = 1 (rigid) and etaG = 1: each velocity is then (1/N) sum_j s_j grad D_j
  const rigid = build({ ...input, etaG: 1, kernel: { kind: 'two-point', g1: 1, g2: 1 } });
  const dr = rhs(rigid);
  const sc = scale(du) + scale(dr);
  for (let c = 0; c < d; c++) {
    let mean = 0;
    for (let i = 0; i < N; i++) mean += du[i * d + c] / N;
    expect(Math.abs(mean - m.etaG * m.kernel.gbar * dr[c])).toBeLessThan(1e-12 * sc);
  }
});

// g2 over a wide range, and within 1e-3 (relative) of each PSD bound, where an off-by-a-little check would hide.
const g2Case = fc.record({ N: fc.integer({ min: 2, max: 40 }), g1: dbl(0.01, 3), where: fc.constantFrom('wide', 'upper', 'lower'), r: dbl(-1.5, 1.5), delta: dbl(-1e-3, 1e-3) })
  .map(({ N, g1, where, r, delta }) => ({ N, g1, g2: where === 'wide' ? r * g1 : where === 'upper' ? g1 * (1 + delta) : (-g1 / (N - 1)) * (1 + delta) }));

test.prop([g2Case], PROP_PARAMS)(
  'docs/model.md §1: the two-point kernel is PSD exactly when -g1/(N-1) <= g2 <= g1, and config validation agrees', async ({ N, g1, g2 }) => {
    // eigenvalues of the two-point matrix: g1 - g2 (N - 1 times) and g1 + (N - 1) g2
    const minEig = Math.min(g1 - g2, g1 + (N - 1) * g2);
    const inRange = g2 >= -g1 / (N - 1) && g2 <= g1;
    if (Math.abs(minEig) > 1e-12 * g1) expect(minEig > 0).toBe(inRange);
    const { parseConfig } = await import('../src/index.ts');
    const v = parseConfig({ target: { kind: 'ring', samples: 4 }, particles: { n: N }, kernel: { kind: 'two-point', g1, g2 } });
    expect(v._tag === 'Right').toBe(inRange);
    if (v._tag === 'Left') expect(v.left.path).toBe('kernel.g2');
  });

test.prop([smallConfig({ critic: 'linear', loss: 'wgan' })], PROP_PARAMS)(
  'linear critic: relative positions are conserved along a solve; energy conserved at lambda = 0 and non-increasing for lambda > 0', async ({ input, N, d }) => {
    const { solve, dop853 } = await import('../src/index.ts');
    for (const lambda of [0, (input.regularizer as { lambda: number }).lambda + 0.05]) {
      const m = build({ ...input, regularizer: { kind: 'grad2-fake', lambda } });
      const r = solve({ rhs: m.rhs, u0: m.u0, tspan: [0, 10] }, dop853({ rtol: 1e-11, atol: 1e-12 }), { saveAt: { n: 21 } });
      if (r._tag === 'Left') throw new Error(r.left.message);
      const gbar = m.kernel.gbar, w0sq = m.etaG * m.etaD * gbar;
      const ybar = Array.from({ length: d }, (_, k) => { let s = 0; for (let j = 0; j < m.M; j++) s += m.targetWeights[j] * m.targetPoints[j * d + k]; return s; });
      const energy = (u: Float64Array) => {
        let e = 0;
        for (let k = 0; k < d; k++) {
          let mean = 0;
          for (let i = 0; i < N; i++) mean += u[i * d + k] / N;
          e += 0.5 * (m.etaG * gbar * u[N * d + k]) ** 2 + 0.5 * w0sq * (mean - ybar[k]) ** 2;
        }
        return e;
      };
      const E0 = energy(m.u0);
      let prev = E0;
      r.right.u.forEach((u) => {
        for (let i = 1; i < N; i++) for (let k = 0; k < d; k++) expect(Math.abs((u[i * d + k] - u[k]) - (m.u0[i * d + k] - m.u0[k]))).toBeLessThan(1e-8);
        const e = energy(u);
        if (lambda === 0) expect(close(e, E0, 1e-7, 1e-12)).toBe(true);
        else { expect(e).toBeLessThanOrEqual(prev + 1e-9 * E0 + 1e-14); prev = e; }
      });
    }
  });
