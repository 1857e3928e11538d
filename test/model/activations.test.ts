/**
 * The inline tanh of activations.ts against Math.tanh (value, within 4 ulp) and
 * its derivatives against the closed forms 1 / cosh^2 and -2 tanh / cosh^2
 * (relative 1e-14), including the tails where 1 - tanh^2 underflows in a naive
 * formula. sigmoid and softplus (from one branch-free e^{-|x|}) against the
 * same closed forms evaluated with Math.exp. relu at and around its kink (relu'(0) := 0, docs/model.md §1).
 */
import { describe, expect, it } from 'vitest';
import { activate, activationKernels, activationLoop } from '../../src/model/activations.ts';
import { ACTIVATIONS } from '../../src/model/config.ts';

const ulp = (v: number) => (v === 0 ? Number.MIN_VALUE : 2 ** (Math.floor(Math.log2(Math.abs(v))) - 52));

describe('activations', () => {
  it('tanh within 4 ulp of Math.tanh, derivatives relative 1e-14 of the closed forms', () => {
    // Deterministic points: uniform in [-25, 25], [-1, 1], and log-spaced magnitudes 1e-300 .. 300 of both signs.
    const xs: number[] = [0, -0];
    for (let i = 0; i < 20000; i++) xs.push(-25 + (50 * (i + 0.37)) / 20000, -1 + (2 * (i + 0.61)) / 20000);
    for (let i = 0; i < 4000; i++) { const x = 10 ** (-300 + (302.5 * i) / 4000); xs.push(x, -x); }
    const a = Float64Array.from(xs), h = new Float64Array(a.length), d1 = new Float64Array(a.length), d2 = new Float64Array(a.length);
    activate('tanh', 1, a, h, d1, d2, 0, a.length);
    let worstUlp = 0, worstD1 = 0, worstD2 = 0;
    for (let i = 0; i < a.length; i++) {
      const x = a[i], t = Math.tanh(x);
      worstUlp = Math.max(worstUlp, Math.abs(h[i] - t) / ulp(t));
      if (Math.abs(x) < 300) {
        // 1/cosh^2 = 4 e^{-2|x|} / (1 + e^{-2|x|})^2, accurate in the tails.
        const q = Math.exp(-2 * Math.abs(x)), s = (4 * q) / (1 + q) ** 2;
        worstD1 = Math.max(worstD1, Math.abs(d1[i] - s) / s);
        if (t !== 0) worstD2 = Math.max(worstD2, Math.abs(d2[i] + 2 * t * s) / Math.abs(2 * t * s));
      }
    }
    expect(worstUlp).toBeLessThanOrEqual(4);
    expect(worstD1).toBeLessThan(1e-14);
    expect(worstD2).toBeLessThan(1e-14);
    expect(Object.is(h[1], -0) || h[1] === 0).toBe(true);
    expect(d1[0]).toBe(1);
  });

  it('tanh saturates to +-1 with a positive derivative below 1e-300 at |a| >= 350', () => {
    const a = Float64Array.of(350, -350, 1e6, -1e300, Infinity, -Infinity), n = a.length;
    const h = new Float64Array(n), d1 = new Float64Array(n), d2 = new Float64Array(n);
    activate('tanh', 1, a, h, d1, d2, 0, n);
    expect(Array.from(h)).toEqual([1, -1, 1, -1, 1, -1]);
    for (const s of d1) { expect(s).toBeGreaterThanOrEqual(0); expect(s).toBeLessThan(1e-300); }
  });

  // Uniform in [-40, 40], [-1, 1] and [-1190, 1190] (into the underflow of e^{-|x|}), log-spaced 1e-300 .. 300 of both signs.
  const spread = (): Float64Array => {
    const xs: number[] = [0, -0];
    for (let i = 0; i < 20000; i++) xs.push(-40 + (80 * (i + 0.37)) / 20000, -1 + (2 * (i + 0.61)) / 20000, -1190 + (2380 * (i + 0.29)) / 20000);
    for (let i = 0; i < 4000; i++) { const x = 10 ** (-300 + (302.5 * i) / 4000); xs.push(x, -x); }
    return Float64Array.from(xs);
  };
  // Relative 1e-15 (~4.5 ulp), and 1e-322 absolute where the value is subnormal.
  const near = (got: number, want: number) => Math.abs(got - want) <= 1e-15 * Math.abs(want) + 1e-322;

  it('sigmoid and softplus agree with their closed forms (relative 1e-15) from the tails to 0, without overflow', () => {
    const a = spread(), n = a.length;
    for (const [kind, beta] of [['sigmoid', 1], ['softplus', 1.7]] as const) {
      const h = new Float64Array(n), d1 = new Float64Array(n);
      activationLoop(kind, beta, a, h, d1, null)(0, n);
      let bad = 0;
      for (let i = 0; i < n; i++) {
        const x = kind === 'softplus' ? beta * a[i] : a[i], e = Math.exp(-Math.abs(x));
        const s = x >= 0 ? 1 / (1 + e) : e / (1 + e);
        const ok = kind === 'sigmoid'
          ? near(h[i], s) && near(d1[i], e / (1 + e) ** 2)
          : near(h[i], (Math.max(x, 0) + Math.log1p(e)) / beta) && near(d1[i], s);
        if (!ok && bad++ < 3) expect.soft(`${kind} at ${a[i]}: ${h[i]}, ${d1[i]}`).toBe('within 1e-15');
      }
      expect(bad, kind).toBe(0);
    }
  });

  it('relu and its derivatives around the kink', () => {
    const a = Float64Array.of(-2, -1e-300, 0, -0, 1e-300, 3), n = a.length;
    const h = new Float64Array(n).fill(7), d1 = new Float64Array(n).fill(7), d2 = new Float64Array(n).fill(7);
    activate('relu', 1, a, h, d1, d2, 0, n);
    expect(Array.from(h)).toEqual([0, 0, 0, 0, 1e-300, 3]);
    expect(Array.from(d1)).toEqual([0, 0, 0, 0, 1, 1]);
    expect(Array.from(d2)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it("s' and s'' of every activation match central differences of s and s' (1e-7 relative), and a null d2 changes nothing else", () => {
    // Points away from relu's kink at 0; step 1e-5: truncation ~1e-10 and rounding ~1e-11 relative to O(1) values.
    const n = 400, a = Float64Array.from({ length: n }, (_, i) => (i - 200) * 0.031 + 0.0123);
    const step = 1e-5, ap = a.map((x) => x + step), am = a.map((x) => x - step);
    for (const kind of ACTIVATIONS) {
      const out = () => [new Float64Array(n), new Float64Array(n), new Float64Array(n)] as const;
      const [h, d1, d2] = out(), [hp, d1p] = out(), [hm, d1m] = out();
      activationLoop(kind, 1.7, a, h, d1, d2)(0, n);
      activationLoop(kind, 1.7, ap, hp, d1p, null)(0, n);
      activationLoop(kind, 1.7, am, hm, d1m, null)(0, n);
      const hn = new Float64Array(n), d1n = new Float64Array(n);
      activationLoop(kind, 1.7, a, hn, d1n, null)(0, n);
      const second = activationKernels(kind, 1.7).second;
      let worst = 0;
      for (let i = 0; i < n; i++) {
        worst = Math.max(worst, Math.abs((hp[i] - hm[i]) / (2 * step) - d1[i]) / Math.max(1, Math.abs(d1[i])));
        worst = Math.max(worst, Math.abs((d1p[i] - d1m[i]) / (2 * step) - d2[i]) / Math.max(1, Math.abs(d2[i])));
        expect(Object.is(second(h[i], d1[i]), d2[i]) && Object.is(hn[i], h[i]) && Object.is(d1n[i], d1[i]), `${kind} at a = ${a[i]}`).toBe(true);
      }
      expect(worst, kind).toBeLessThan(1e-7);
    }
  });
});
