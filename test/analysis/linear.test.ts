/**
 * Linear critic (docs/model.md §4): the numerical spectrum at equilibrium against the
 * closed form over a grid of (etaG, etaD, g1, g2/g1, N, lambda), zero-mode
 * counts, critical damping and the discrete-time step bound.
 */
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  closedFormEigenvalues, criticalDamping, findEquilibrium, jacobianAt, lambdaCritical, linearize,
  simultaneousMaxStep, simultaneousRadius, maxStableStep, closedFormAlpha, type ConfigInput, formatError } from '../../src/index.ts';
import { model, linearized } from '../helpers/configs.ts';

const cfg = (etaG: number, etaD: number, g1: number, ratio: number, N: number, lambda: number): ConfigInput => ({
  seed: 2, target: { kind: 'gaussian', samples: 7, std: 0.5 }, particles: { n: N, init: { kind: 'gaussian', std: 0.4 } },
  kernel: { kind: 'two-point', g1, g2: ratio * g1 }, critic: { kind: 'linear' }, regularizer: { kind: 'grad2-fake', lambda }, etaG, etaD,
});

const grid: [number, number, number, number, number][] = [
  [0.8, 1.7, 1.3, 0.3, 5], [1, 1, 1, 0, 3], [2, 0.5, 1, 0.9, 8], [0.3, 3, 2, -0.2, 4], [1, 0.1, 1, 0.5, 2],
];

describe('linear critic: spectrum at equilibrium = closed form', () => {
  for (const [etaG, etaD, g1, r, N] of grid) {
    const gbar = (g1 + (N - 1) * r * g1) / N;
    const lc = lambdaCritical({ etaG, etaD, gbar });
    for (const f of [0, 0.3, 1, 3]) {
      const lambda = f * lc;
      // At lambda_c the two eigenvalues form a Jordan block: an O(eps) error in J moves them by O(sqrt(eps)).
      const tol = f === 1 ? 1e-6 : 1e-7;
      it(`etaG ${etaG} etaD ${etaD} g1 ${g1} g2/g1 ${r} N ${N} lambda ${f} lambda_c: relative error < ${tol}, ${(N - 1) * 2 + 1} zero modes`, () => {
        const m = model(cfg(etaG, etaD, g1, r, N, lambda));
        const eq = findEquilibrium(m);
        if (E.isLeft(eq)) throw new Error(formatError(eq.left));
        const lin = linearized(m, eq.right.u);
        expect(lin.zeroModes).toBe((N - 1) * 2 + 1);
        const cf = closedFormEigenvalues({ etaG, etaD, gbar, lambda });
        const modes = lin.table.filter((row) => row.kind === 'mode');
        expect(modes).toHaveLength(4);
        const scale = Math.hypot(...cf[0]);
        for (const row of modes) {
          const err = Math.min(...cf.map(([a, b]) => Math.hypot(row.re - a, row.im - b))) / scale;
          expect(err).toBeLessThan(tol);
        }
        // each closed-form eigenvalue appears d = 2 times (at lambda_c the two coincide)
        if (f !== 1) for (const [a, b] of cf) expect(modes.filter((row) => Math.hypot(row.re - a, row.im - b) < 1e-6 * scale).length).toBe(2);
      });
    }
  }

  it('the analytic Jacobian equals central finite differences (relative 1e-8)', () => {
    const m = model(cfg(0.8, 1.7, 1.3, 0.3, 5, 0.6));
    const u = m.u0.slice();
    const A = jacobianAt(m, u), F = jacobianAt(m, u, true);
    let err = 0, sc = 0;
    for (let k = 0; k < A.length; k++) { err = Math.max(err, Math.abs(A[k] - F[k])); sc = Math.max(sc, Math.abs(A[k])); }
    expect(err / sc).toBeLessThan(1e-8);
  });
});

describe('critical damping (linear critic)', () => {
  for (const [etaG, etaD, g1, r, N] of grid.slice(0, 3)) {
    const gbar = (g1 + (N - 1) * r * g1) / N;
    const lc = lambdaCritical({ etaG, etaD, gbar });
    it(`finds lambda_c = ${lc.toPrecision(6)} (argmin alpha and zeta = 1) to relative 1e-6`, () => {
      const m = model(cfg(etaG, etaD, g1, r, N, 1));
      const res = criticalDamping(m.config, 'regularizer.lambda', lc / 30, lc * 30);
      if (E.isLeft(res)) throw new Error(formatError(res.left));
      expect(Math.abs(res.right.argminAlpha / lc - 1)).toBeLessThan(1e-6);
      expect(Math.abs(res.right.zetaOne! / lc - 1)).toBeLessThan(1e-6);
      expect(Math.abs(res.right.alphaMin + Math.sqrt(etaG * etaD * gbar)) / Math.sqrt(etaG * etaD * gbar)).toBeLessThan(1e-6);
      expect(res.right.closedForm!.lambdaC).toBeCloseTo(lc, 12);
    });
  }
});

describe('discrete time: largest stable GD step (linear critic)', () => {
  // At exactly lambda_c the double eigenvalue is known only to ~sqrt(eps) (Jordan block), so the bound there to 1e-7.
  for (const f of [0.3, 0.9, 1, 3]) {
    const tol = f === 1 ? 1e-7 : 1e-8;
    it(`simultaneous map at lambda = ${f} lambda_c: bisection on rho(I + hJ) matches the bound from |1 + h s| < 1 to ${tol}`, () => {
      const [etaG, etaD, g1, r, N] = grid[0];
      const gbar = (g1 + (N - 1) * r * g1) / N;
      const lambda = f * lambdaCritical({ etaG, etaD, gbar });
      const m = model(cfg(etaG, etaD, g1, r, N, lambda));
      const eq = findEquilibrium(m);
      if (E.isLeft(eq)) throw new Error(formatError(eq.left));
      const lin = linearized(m, eq.right.u);
      const cf = closedFormEigenvalues({ etaG, etaD, gbar, lambda });
      const analytic = Math.min(...cf.map(([s, w]) => (-2 * s) / (s * s + w * w)));
      const fromTable = simultaneousMaxStep(lin.table);
      const bisected = maxStableStep((h) => simultaneousRadius(lin.table, h), 100, 1e-12);
      expect(Math.abs(fromTable / analytic - 1)).toBeLessThan(tol);
      expect(Math.abs(bisected / analytic - 1)).toBeLessThan(tol);
      expect(closedFormAlpha({ etaG, etaD, gbar, lambda })).toBeLessThan(0);
    });
  }
});
