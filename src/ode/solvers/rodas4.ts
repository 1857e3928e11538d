/**
 * RODAS4 Rosenbrock stepper for stiff problems (Hairer & Wanner, rodas.f).
 * One Jacobian per accepted point (analytic when the problem has one, else
 * forward differences), one LU factorisation of I/(h gamma) - J per attempt,
 * reused by all six stages; after a rejection only the factorisation is
 * redone. All buffers are allocated here, once per solve.
 */
import type { OdeProblem } from '../problem.ts';
import { defineSolver, registerSolver } from '../solver.ts';
import { countingRhs, type Stepper, type StepperContext, type DenseSegment } from '../stepper.ts';
import { RODAS4 as T } from '../tableaus/rodas4.ts';
import { errorNorm } from '../norm.ts';
import { luFactor, luSolve } from '../lu.ts';
import { forwardJacobian, jacobianWork, spectralRadius } from '../jacobian.ts';

/** Slots of the stepper's scalar state. */
const T_OLD = 0, H_OLD = 1, RHO = 2, LU_H = 3;

const evalRodas = (r: Float64Array, n: number, tA: number, h: number, t: number, out: Float64Array) => {
  const s = (t - tA) / h;
  const s1 = 1 - s;
  for (let i = 0; i < n; i++) out[i] = s1 * r[i] + s * (r[n + i] + s1 * (r[2 * n + i] + s * r[3 * n + i]));
};

export interface RodasStepper extends Stepper {
  /** Signals that the last rejection came from a singular iteration matrix. */
  singular(): boolean;
}

export const makeRodas4 = (problem: OdeProblem, n: number, ctx: StepperContext): RodasStepper => {
  // Scalar state in a typed array: doubles kept in closure variables are boxed by V8 on every write.
  const sc = new Float64Array(4); // tOld, hOld, rho, luH
  sc[T_OLD] = 0;
  sc[H_OLD] = 1;
  sc[RHO] = NaN;
  sc[LU_H] = NaN;
  const { rtol, atol, stats } = ctx;
  const rhs = problem.rhs;
  const f = countingRhs(rhs, stats);
  const f0 = new Float64Array(n);
  const ft = new Float64Array(n);
  const jac = new Float64Array(n * n);
  const E = new Float64Array(n * n);
  const piv = new Int32Array(n);
  const K = new Float64Array(6 * n);
  const arg = new Float64Array(n);
  const stageViews: Float64Array[] = [];
  for (let s = 0; s < 6; s++) stageViews.push(K.subarray(s * n, (s + 1) * n));
  const tmp = new Float64Array(n);
  const rcont = new Float64Array(4 * n);
  const jw = jacobianWork(n);
  const fdScale = new Float64Array(n);
  for (let i = 0; i < n; i++) fdScale[i] = atol[i] > 0 ? atol[i] / rtol : rtol;
  const pv = new Float64Array(n), pw = new Float64Array(n);
  let jacFresh = false;
  let wasSingular = false;

  const computeJacobian = (t: number, u: Float64Array) => {
    stats.jacobians++;
    if (problem.jacobian) { problem.jacobian(t, u, jac); stats.jacobianCost += problem.jacobianCost ?? 0; }
    else forwardJacobian(f, t, u, f0, jac, jw, fdScale);
    if (!problem.autonomous) {
      const dt = Math.sqrt(Number.EPSILON * Math.max(1e-5, Math.abs(t)));
      f(t + dt, u, tmp);
      for (let i = 0; i < n; i++) ft[i] = (tmp[i] - f0[i]) / dt;
    }
    jacFresh = true;
    sc[LU_H] = NaN;
    sc[RHO] = NaN;
  };

  return {
    name: 'rodas4',
    errorOrder: 3,
    adaptive: true,
    stabilityBoundary: Infinity,
    f: f0,
    init(t0, u0) { f(t0, u0, f0); jacFresh = false; },
    attempt(t, u, h, uNew) {
      if (!jacFresh) computeJacobian(t, u);
      wasSingular = false;
      if (h !== sc[LU_H]) {
        const g = 1 / (h * T.gamma);
        for (let k = 0; k < n * n; k++) E[k] = -jac[k];
        for (let i = 0; i < n; i++) E[i * n + i] += g;
        stats.factorizations++;
        if (!luFactor(E, n, piv)) { wasSingular = true; sc[LU_H] = NaN; return Infinity; }
        sc[LU_H] = h;
      }
      const auton = problem.autonomous === true;
      for (let s = 0; s < 6; s++) {
        const ks = stageViews[s];
        const a = T.a[s], C = T.C[s];
        if (s === 0) {
          ks.set(f0);
        } else {
          for (let i = 0; i < n; i++) {
            let acc = u[i];
            for (let j = 0; j < s; j++) acc += a[j] * K[j * n + i];
            arg[i] = acc;
          }
          f(t + T.c[s] * h, arg, ks);
          for (let i = 0; i < n; i++) {
            let acc = 0;
            for (let j = 0; j < s; j++) acc += C[j] * K[j * n + i];
            ks[i] += acc / h;
          }
        }
        if (!auton && T.d[s] !== 0) { const hd = h * T.d[s]; for (let i = 0; i < n; i++) ks[i] += hd * ft[i]; }
        luSolve(E, n, piv, ks);
      }
      // arg holds the stage-6 argument; u_new = arg + k6, error estimate k6.
      const k6 = stageViews[5];
      for (let i = 0; i < n; i++) uNew[i] = arg[i] + k6[i];
      return errorNorm(k6, u, uNew, rtol, atol);
    },
    accept(t, u, h, uNew) {
      for (let i = 0; i < n; i++) {
        let a2 = 0, a3 = 0;
        for (let j = 0; j < 5; j++) { const k = K[j * n + i]; a2 += T.h2[j] * k; a3 += T.h3[j] * k; }
        rcont[i] = u[i];
        rcont[n + i] = uNew[i];
        rcont[2 * n + i] = a2;
        rcont[3 * n + i] = a3;
      }
      sc[T_OLD] = t;
      sc[H_OLD] = h;
      f(t + h, uNew, f0);
      jacFresh = false;
    },
    interpolate(t, out) { evalRodas(rcont, n, sc[T_OLD], sc[H_OLD], t, out); },
    segment(): DenseSegment {
      const r = rcont.slice();
      const tA = sc[T_OLD], h = sc[H_OLD];
      return { tA, tB: tA + h, eval: (t, out) => evalRodas(r, n, tA, h, t, out) };
    },
    /** |h| times the spectral radius of the last Jacobian (power iteration, 12 sweeps). */
    stiffnessRatio() {
      if (Number.isNaN(sc[RHO])) sc[RHO] = spectralRadius(jac, n, pv, pw);
      return Math.abs(sc[H_OLD]) * sc[RHO];
    },
    singular: () => wasSingular,
  };
};

/**
 * RODAS4, a stiffly accurate Rosenbrock method of order 4 with error control (Hairer & Wanner): for stiff
 * problems; uses the problem's analytic Jacobian when it has one, else forward differences.
 * @example
 * solve(robertson, rodas4({ rtol: 1e-8, atol: [1e-10, 1e-14, 1e-10] }));
 */
export const rodas4 = defineSolver({ name: 'rodas4', adaptive: true, stepper: (p, n, ctx) => makeRodas4(p, n, ctx) });
registerSolver({ name: 'rodas4', adaptive: true, description: 'RODAS4 Rosenbrock method, error-controlled, for stiff problems', make: rodas4 });
