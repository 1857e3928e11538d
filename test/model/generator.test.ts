/**
 * Generator networks (src/model/generator.ts): reverse-mode parameter gradients equal central differences;
 * the per-layer NTK equals J J^T from finite-difference Jacobians; a linear generator's NTK is its closed form
 * (c^2 z.z' + s_b^2) I_d; and a one-hidden-layer relu generator in the NTK parametrization approaches the
 * arc-cosine kernel of the `ntk` kernel kind as its width grows, with an error falling like 1/sqrt(width).
 */
import { describe, expect, it } from 'vitest';
import { generatorShape, initGenerator, latentCodes, generate, pullback, ntkBlocks, scalarNtk, type GeneratorConfig } from '../../src/model/generator.ts';
import { ntkMatrix, makeRng } from '../../src/index.ts';

const base: GeneratorConfig = { latentDim: 5, hidden: [7, 6], activation: 'tanh', parametrization: 'ntk', weightScale: 1.3, biasScale: 0.4, latent: 'gaussian' };

describe('generator', () => {
  for (const [name, cfg] of [['ntk, tanh, two layers', base], ['standard, softplus', { ...base, parametrization: 'standard', activation: 'softplus', hidden: [9] }], ['ntk, sigmoid, no bias', { ...base, activation: 'sigmoid', biasScale: 0 }]] as const) {
    it(`${name}: the pullback sum_i J_i^T v_i equals central differences of sum_i v_i . G(z_i)`, () => {
      const g = generatorShape(cfg as GeneratorConfig, 3), N = 4;
      const w = initGenerator(g, 1), Z = latentCodes(g, N, 1);
      const rng = makeRng(2, 'test');
      const V = Float64Array.from({ length: N * 3 }, () => rng.normal());
      const grad = new Float64Array(g.P);
      pullback(g, w, Z, N, V, 1, grad);
      const X = new Float64Array(N * 3);
      const obj = (wp: Float64Array) => { generate(g, wp, Z, N, X); return X.reduce((s, x, i) => s + x * V[i], 0); };
      let worst = 0;
      for (let p = 0; p < g.P; p++) {
        const h = 1e-6, wp = w.slice(), wm = w.slice();
        wp[p] += h; wm[p] -= h;
        const fd = (obj(wp) - obj(wm)) / (2 * h);
        worst = Math.max(worst, Math.abs(fd - grad[p]) / Math.max(1, Math.abs(fd)));
      }
      expect(worst).toBeLessThan(1e-7);
    });
  }

  it('the NTK assembled per layer equals J J^T of finite-difference Jacobians', () => {
    const g = generatorShape(base, 2), N = 3;
    const w = initGenerator(g, 4), Z = latentCodes(g, N, 4);
    const K = ntkBlocks(g, w, Z, N);
    const nd = N * 2, X = new Float64Array(nd), Xp = new Float64Array(nd), Xm = new Float64Array(nd);
    const J = new Float64Array(nd * g.P);
    for (let p = 0; p < g.P; p++) {
      const h = 1e-6, wp = w.slice(), wm = w.slice();
      wp[p] += h; wm[p] -= h;
      generate(g, wp, Z, N, Xp); generate(g, wm, Z, N, Xm);
      for (let r = 0; r < nd; r++) J[r * g.P + p] = (Xp[r] - Xm[r]) / (2 * h);
    }
    generate(g, w, Z, N, X);
    for (let a = 0; a < nd; a++) for (let b = 0; b < nd; b++) {
      let s = 0;
      for (let p = 0; p < g.P; p++) s += J[a * g.P + p] * J[b * g.P + p];
      expect(Math.abs(K[a * nd + b] - s)).toBeLessThan(1e-7 * Math.max(1, Math.abs(s)));
    }
  });

  it('a linear generator x = c W z + s_b b has the NTK (c^2 z_i . z_j + s_b^2) I_d exactly (c = s_w / sqrt(d_z))', () => {
    const cfg: GeneratorConfig = { ...base, hidden: [], latentDim: 6 };
    const g = generatorShape(cfg, 3), N = 5;
    const Z = latentCodes(g, N, 7), K = ntkBlocks(g, initGenerator(g, 7), Z, N);
    const c2 = cfg.weightScale ** 2 / cfg.latentDim, nd = N * 3;
    for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) {
      let zz = 0;
      for (let q = 0; q < 6; q++) zz += Z[i * 6 + q] * Z[j * 6 + q];
      const want = a === b ? c2 * zz + cfg.biasScale ** 2 : 0;
      expect(Math.abs(K[(i * 3 + a) * nd + j * 3 + b] - want)).toBeLessThan(1e-13 * Math.max(1, Math.abs(want)));
    }
  });

  it('a one-hidden-layer relu generator (NTK parametrization) approaches the arc-cosine kernel as width grows, error ~ 1/sqrt(width)', () => {
    const N = 8, dz = 16, widths = [64, 256, 1024, 4096];
    const arc = ntkMatrix(N, dz, 1, 3);
    const frob = (A: Float64Array) => Math.sqrt(A.reduce((s, x) => s + x * x, 0));
    const errs = widths.map((m) => {
      // Averaged over 4 initializations, so that the trend is not one draw's.
      let e = 0;
      for (let s = 0; s < 4; s++) {
        const g = generatorShape({ latentDim: dz, hidden: [m], activation: 'relu', parametrization: 'ntk', weightScale: 1, biasScale: 0, latent: 'gaussian' }, 2);
        const K = scalarNtk(ntkBlocks(g, initGenerator(g, 100 + s), latentCodes(g, N, 3), N), N, 2);
        e += frob(K.map((x, i) => x - arc[i])) / frob(arc) / 4;
      }
      return e;
    });
    console.log(`NTK vs arc-cosine, relative Frobenius error at widths ${widths.join(', ')}: ${errs.map((e) => e.toExponential(2)).join(', ')}`);
    for (let k = 1; k < widths.length; k++) expect(errs[k]).toBeLessThan(errs[k - 1]);
    // 1/sqrt(width): a 64x wider network is 8x closer; allow a factor 2 either way.
    expect(errs[0] / errs[3]).toBeGreaterThan(4);
    expect(errs[0] / errs[3]).toBeLessThan(16);
  });
});
