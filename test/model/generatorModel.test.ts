/**
 * A real generator trained in the ODE (src/model/generatorModel.ts): its particles move exactly as the
 * effective model's with the generator's empirical NTK as the kernel (checked where the scalar kernel is
 * exact, d = 1); one Euler step is one step of simultaneous gradient descent of the GAN (both objectives
 * differentiated by central differences); a run reports the generated particles.
 */
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { buildModel, parseConfig, runModel, criticObjective, formatError, solve, euler, type ConfigInput, type EganModel } from '../../src/index.ts';
import { generate, ntkBlocks, scalarNtk } from '../../src/model/generator.ts';

const make = (input: ConfigInput): EganModel => { const c = parseConfig(input); if (E.isLeft(c)) throw new Error(formatError(c.left)); return buildModel(c.right); };
const base = (dim: number): ConfigInput => ({
  seed: 3, target: { kind: 'gaussian', samples: 9, dim, mean: 0.4, std: 0.6 }, particles: { n: 6 },
  generator: { kind: 'mlp', latentDim: 4, hidden: [7], activation: 'tanh', biasScale: 0.3 },
  critic: { kind: 'mlp', hidden: [5], activation: 'tanh' }, regularizer: { kind: 'grad2-fake', lambda: 0.4 }, weightDecay: 0.05, etaG: 1.3, etaD: 0.7,
});

describe('real generator in the ODE', () => {
  it('d = 1: dx/dt = J dw/dt equals the effective velocity with the empirical NTK kernel; dtheta is the same', () => {
    const real = make(base(1));
    const g = real.generator!;
    const P = g.shape.P, N = real.N;
    const du = new Float64Array(real.n);
    real.rhs(0, real.u0, du);
    // J dw by central differences of the generator along dw.
    const eps = 1e-6, Xp = new Float64Array(N), Xm = new Float64Array(N);
    generate(g.shape, real.u0.subarray(0, P).map((w, k) => w + eps * du[k]), g.Z, N, Xp);
    generate(g.shape, real.u0.subarray(0, P).map((w, k) => w - eps * du[k]), g.Z, N, Xm);
    const K = scalarNtk(ntkBlocks(g.shape, g.w0, g.Z, N), N, 1);
    const X0 = Array.from(real.generator!.effective(real.u0).subarray(0, N), (x) => [x]);
    const eff = make({ ...base(1), generator: undefined, particles: { n: N, init: { kind: 'points', points: X0 } }, kernel: { kind: 'matrix', matrix: Array.from({ length: N }, (_, i) => Array.from(K.subarray(i * N, (i + 1) * N))) }, theta: Array.from(real.u0.subarray(P)) });
    const dv = new Float64Array(eff.n);
    eff.rhs(0, eff.u0, dv);
    for (let i = 0; i < N; i++) expect(Math.abs((Xp[i] - Xm[i]) / (2 * eps) - dv[i])).toBeLessThan(1e-7 * Math.max(1, Math.abs(dv[i])));
    for (let k = 0; k < real.p; k++) expect(du[P + k]).toBe(dv[N + k]);
  });

  it('one Euler step is one step of simultaneous gradient descent (learning rates etaG h and etaD h), by central differences of both objectives', () => {
    const m = make(base(2));
    const g = m.generator!, P = g.shape.P, N = m.N, d = m.d, h = 0.01;
    const r = solve({ rhs: m.rhs, u0: m.u0, tspan: [0, h] }, euler({ h }));
    if (E.isLeft(r)) throw new Error(r.left.message);
    const u1 = r.right.uEnd;
    const state = (w: Float64Array, th: Float64Array) => { const X = new Float64Array(N * d); generate(g.shape, w, g.Z, N, X); const u = new Float64Array(N * d + m.p); u.set(X); u.set(th, N * d); return u; };
    const w0 = m.u0.slice(0, P), th0 = m.u0.slice(P);
    // The generator ascends E_Q D (wgan), the critic V - lambda R - mu/2 |theta|^2 (criticObjective's J).
    const genObj = (w: Float64Array) => criticObjective(m, state(w, th0)).meanDFake;
    const criticObj = (th: Float64Array) => criticObjective(m, state(w0, th)).J;
    const fd = (f: (x: Float64Array) => number, x: Float64Array, k: number) => { const e = 1e-6, a = x.slice(), b = x.slice(); a[k] += e; b[k] -= e; return (f(a) - f(b)) / (2 * e); };
    for (let k = 0; k < P; k++) expect(Math.abs(u1[k] - (w0[k] + h * m.etaG * fd(genObj, w0, k)))).toBeLessThan(1e-9);
    for (let k = 0; k < m.p; k++) expect(Math.abs(u1[P + k] - (th0[k] + h * m.etaD * fd(criticObj, th0, k)))).toBeLessThan(1e-9);
  });

  it('a run reports the generated particles G(z_i; w(t1)) and their metrics', () => {
    const m = make({ ...base(2), t1: 2 });
    const r = runModel(m);
    if (E.isLeft(r)) throw new Error(r.left.message);
    const last = r.right.trajectory.u[r.right.trajectory.u.length - 1];
    expect(last.length).toBe(m.N * 2 + m.p); // trajectory states are effective states [particles, theta]
    expect(r.right.final.particles.flat()).toEqual(Array.from(last.subarray(0, m.N * 2)));
    expect(Number.isFinite(r.right.metrics.mmd2)).toBe(true);
  });
});
