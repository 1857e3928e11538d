/**
 * Dormand–Prince 5(4) stepper: FSAL, 4th-order dense output, and Hairer's
 * stiffness test (dopri5.f: h * |k7 - k6| / |y1 - y6| > 3.25 means the step
 * is limited by stability, not accuracy).
 *
 * The stepper for a state size is a core compiled once per process and
 * reused by later solves of that size (stepperCache.ts): `dopri5Core` is
 * self-contained (it refers to nothing but its parameters) so that
 * specialise can compile a copy per size, and `bind` points it at a solve.
 */
import type { Rhs } from '../problem.ts';
import { defineSolver, registerSolver } from '../solver.ts';
import { countingRhs, type Stepper, type StepperContext, type DenseSegment } from '../stepper.ts';
import { DOPRI5 } from '../tableaus/dopri5.ts';
import { errorNorm } from '../norm.ts';
import { acquireCore } from '../stepperCache.ts';

/** Continuous extension of dopri5.f (CONTD5). */
const evalDopri5 = (r: Float64Array, n: number, tA: number, h: number, t: number, out: Float64Array): void => {
  const th = (t - tA) / h;
  const th1 = 1 - th;
  for (let i = 0; i < n; i++) {
    out[i] = r[i] + th * (r[n + i] + th1 * (r[2 * n + i] + th * (r[3 * n + i] + th1 * r[4 * n + i])));
  }
};

interface Dopri5Deps {
  readonly T: typeof DOPRI5;
  readonly errorNorm: typeof errorNorm;
  readonly evalDopri5: typeof evalDopri5;
  readonly countingRhs: typeof countingRhs;
}

/** The dopri5 stepper of state size n, to be bound to a solve (self-contained: see the file's doc). */
export const dopri5Core = (n: number, deps: Dopri5Deps) => {
  const { errorNorm, evalDopri5, countingRhs } = deps;
  // The tableau's entries as constants of the code (the expressions below are those of dopri5.f).
  const { c2, c3, c4, c5, a21, a31, a32, a41, a42, a43, a51, a52, a53, a54, a61, a62, a63, a64, a65, a71, a73, a74, a75, a76 } = deps.T;
  const { e1, e3, e4, e5, e6, e7, d1, d3, d4, d5, d6, d7 } = deps.T;
  /** Slots of the stepper's scalar state. */
  const T_OLD = 0, H_OLD = 1, STIFF = 2;
  const k1 = new Float64Array(n), k2 = new Float64Array(n), k3 = new Float64Array(n);
  const k4 = new Float64Array(n), k5 = new Float64Array(n), k6 = new Float64Array(n);
  const k7 = new Float64Array(n), y = new Float64Array(n), ysti = new Float64Array(n);
  const err = new Float64Array(n);
  const rcont = new Float64Array(5 * n);
  // Scalar state in a typed array: doubles kept in closure variables are boxed by V8 on every write.
  const sc = new Float64Array(3); // tOld, hOld, stiff
  // The solve this core serves (bind): its right-hand side, counted, and its tolerances.
  const b: { f: Rhs; rtol: number; atol: Float64Array } = { f: () => {}, rtol: 0, atol: new Float64Array(n) };

  const stepper: Stepper = {
    name: 'dopri5',
    errorOrder: 4,
    adaptive: true,
    stabilityBoundary: 3.3,
    f: k1,
    init(t0, u0) { b.f(t0, u0, k1); },
    attempt(t, u, h, uNew) {
      const f = b.f;
      for (let i = 0; i < n; i++) y[i] = u[i] + h * a21 * k1[i];
      f(t + c2 * h, y, k2);
      for (let i = 0; i < n; i++) y[i] = u[i] + h * (a31 * k1[i] + a32 * k2[i]);
      f(t + c3 * h, y, k3);
      for (let i = 0; i < n; i++) y[i] = u[i] + h * (a41 * k1[i] + a42 * k2[i] + a43 * k3[i]);
      f(t + c4 * h, y, k4);
      for (let i = 0; i < n; i++) y[i] = u[i] + h * (a51 * k1[i] + a52 * k2[i] + a53 * k3[i] + a54 * k4[i]);
      f(t + c5 * h, y, k5);
      for (let i = 0; i < n; i++) ysti[i] = u[i] + h * (a61 * k1[i] + a62 * k2[i] + a63 * k3[i] + a64 * k4[i] + a65 * k5[i]);
      f(t + h, ysti, k6);
      for (let i = 0; i < n; i++) uNew[i] = u[i] + h * (a71 * k1[i] + a73 * k3[i] + a74 * k4[i] + a75 * k5[i] + a76 * k6[i]);
      f(t + h, uNew, k7);
      for (let i = 0; i < n; i++) err[i] = h * (e1 * k1[i] + e3 * k3[i] + e4 * k4[i] + e5 * k5[i] + e6 * k6[i] + e7 * k7[i]);
      return errorNorm(err, u, uNew, b.rtol, b.atol);
    },
    accept(t, u, h, uNew) {
      let num = 0, den = 0;
      for (let i = 0; i < n; i++) {
        const ydiff = uNew[i] - u[i];
        const bspl = h * k1[i] - ydiff;
        rcont[i] = u[i];
        rcont[n + i] = ydiff;
        rcont[2 * n + i] = bspl;
        rcont[3 * n + i] = ydiff - h * k7[i] - bspl;
        rcont[4 * n + i] = h * (d1 * k1[i] + d3 * k3[i] + d4 * k4[i] + d5 * k5[i] + d6 * k6[i] + d7 * k7[i]);
        const a = k7[i] - k6[i];
        const bb = uNew[i] - ysti[i];
        num += a * a;
        den += bb * bb;
      }
      sc[STIFF] = den > 0 ? Math.abs(h) * Math.sqrt(num / den) : 0;
      sc[T_OLD] = t;
      sc[H_OLD] = h;
      k1.set(k7);
    },
    interpolate(t, out) { evalDopri5(rcont, n, sc[T_OLD], sc[H_OLD], t, out); },
    segment(): DenseSegment {
      const r = rcont.slice();
      const tA = sc[T_OLD], h = sc[H_OLD];
      return { tA, tB: tA + h, eval: (t, out) => evalDopri5(r, n, tA, h, t, out) };
    },
    stiffnessRatio: () => sc[STIFF],
  };

  return {
    /** Point the core at a solve: its right-hand side (counted in ctx.stats) and tolerances; fresh scalar state. */
    bind(rhs: Rhs, ctx: StepperContext): Stepper {
      b.f = countingRhs(rhs, ctx.stats);
      b.rtol = ctx.rtol;
      b.atol = ctx.atol;
      sc[T_OLD] = 0;
      sc[H_OLD] = 1;
      sc[STIFF] = NaN;
      return stepper;
    },
  };
};

const DEPS: Dopri5Deps = { T: DOPRI5, errorNorm, evalDopri5, countingRhs };

export const makeDopri5 = (rhs: Rhs, n: number, ctx: StepperContext): Stepper => {
  const { core, release } = acquireCore(`dopri5 ${n}`, 15 * n, dopri5Core, n, DEPS);
  return { ...core.bind(rhs, ctx), release };
};

/**
 * Dormand–Prince 5(4) with error control (rtol, atol), 4th-order dense output and Hairer's stiffness test:
 * the default method.
 * @example
 * solve(problem, dopri5({ rtol: 1e-8, atol: 1e-10 }));
 */
export const dopri5 = defineSolver({ name: 'dopri5', adaptive: true, stiffnessTest: true, stepper: (p, n, ctx) => makeDopri5(p.rhs, n, ctx) });
registerSolver({ name: 'dopri5', adaptive: true, description: 'Dormand-Prince 5(4), error-controlled (the default; non-stiff problems)', make: dopri5 });
