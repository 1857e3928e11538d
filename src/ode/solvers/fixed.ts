/**
 * Fixed-step methods: classical RK4 and forward Euler. Forward Euler with
 * step h is exactly simultaneous gradient descent with learning rate h on the
 * effective-GAN flow (docs/model.md §3). Their interpolant is the cubic Hermite
 * polynomial through both end points and slopes (3rd order), so saveAt and
 * events work as for adaptive methods.
 */
import type { Rhs } from '../problem.ts';
import { defineSolver, registerSolver } from '../solver.ts';
import { countingRhs, type Stepper, type StepperContext, type DenseSegment } from '../stepper.ts';
import { acquireCore } from '../stepperCache.ts';

const hermite = (u0: Float64Array, f0: Float64Array, u1: Float64Array, f1: Float64Array, n: number, tA: number, h: number, t: number, out: Float64Array) => {
  const s = (t - tA) / h;
  const s2 = s * s, s3 = s2 * s;
  const h00 = 2 * s3 - 3 * s2 + 1, h10 = s3 - 2 * s2 + s, h01 = -2 * s3 + 3 * s2, h11 = s3 - s2;
  for (let i = 0; i < n; i++) out[i] = h00 * u0[i] + h10 * h * f0[i] + h01 * u1[i] + h11 * h * f1[i];
};

/**
 * The rk4 or euler stepper of state size n, to be bound to a solve: a core compiled once per method and size
 * and reused (stepperCache.ts; self-contained for specialise, like dopri5Core).
 */
interface FixedDeps {
  readonly hermite: typeof hermite;
  readonly countingRhs: typeof countingRhs;
}

export const fixedCore = (name: 'rk4' | 'euler', n: number, deps: FixedDeps) => {
  const { hermite, countingRhs } = deps;
  /** Slots of the stepper's scalar state. */
  const T_OLD = 0, H_OLD = 1;
  const k1 = new Float64Array(n), k2 = new Float64Array(n), k3 = new Float64Array(n), k4 = new Float64Array(n);
  const y = new Float64Array(n);
  // The stage loops run over arrays of the core's own: U (a copy of u) and W (the new state, copied out to uNew).
  // V8 compiles loops over captured arrays with their addresses and lengths as constants (stepperCache.ts), not
  // over the solve's u and uNew, which arrive as arguments: ~4x slower per element (300 against 80 us per loop at
  // the MNIST model's 103,553 numbers), more than the two copies cost.
  const U = new Float64Array(n), W = new Float64Array(n);
  // The interpolant's end points: the solve's own u and uNew (referenced, not copied: the solve leaves both as they
  // are until the next attempt, and interpolate serves only the last accepted step before it), the slope at the
  // start copied to fA, the slope at the end in k1. One copy per accepted step instead of four.
  const fA = new Float64Array(n);
  const ends: { uA: Float64Array; uB: Float64Array } = { uA: fA, uB: fA };
  // Scalar state in a typed array: doubles kept in closure variables are boxed by V8 on every write.
  const sc = new Float64Array(2); // tOld, hOld
  // The solve this core serves (bind): its right-hand side, counted.
  const b: { f: Rhs } = { f: () => {} };
  const stepper: Stepper = {
    name,
    errorOrder: 0,
    adaptive: false,
    stabilityBoundary: name === 'rk4' ? 2.78 : 2,
    f: k1,
    init(t0, u0) { b.f(t0, u0, k1); },
    // Returns 0, or NaN when the new state has a non-finite component (checksFinite): the last loop adds
    // W[i] * 0 to a sum, 0 for a finite W[i] and NaN for an infinite or NaN one, so the solve needs no pass of
    // its own over uNew (its firstNonFinite then finds which component).
    checksFinite: true,
    attempt(t, u, h, uNew) {
      U.set(u);
      let bad = 0;
      if (name === 'euler') {
        for (let i = 0; i < n; i++) { const w = U[i] + h * k1[i]; W[i] = w; bad += w * 0; }
      } else {
        const f = b.f;
        const h2 = h / 2;
        for (let i = 0; i < n; i++) y[i] = U[i] + h2 * k1[i];
        f(t + h2, y, k2);
        for (let i = 0; i < n; i++) y[i] = U[i] + h2 * k2[i];
        f(t + h2, y, k3);
        for (let i = 0; i < n; i++) y[i] = U[i] + h * k3[i];
        f(t + h, y, k4);
        const h6 = h / 6;
        for (let i = 0; i < n; i++) { const w = U[i] + h6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]); W[i] = w; bad += w * 0; }
      }
      uNew.set(W);
      return bad;
    },
    accept(t, u, h, uNew) {
      ends.uA = u;
      ends.uB = uNew;
      fA.set(k1);
      b.f(t + h, uNew, k1);
      sc[T_OLD] = t;
      sc[H_OLD] = h;
    },
    interpolate(t, out) { hermite(ends.uA, fA, ends.uB, k1, n, sc[T_OLD], sc[H_OLD], t, out); },
    segment(): DenseSegment {
      const a = ends.uA.slice(), fa = fA.slice(), bb = ends.uB.slice(), fb = k1.slice();
      const tA = sc[T_OLD], h = sc[H_OLD];
      return { tA, tB: tA + h, eval: (t, out) => hermite(a, fa, bb, fb, n, tA, h, t, out) };
    },
    stiffnessRatio: () => NaN,
  };
  return {
    /** Point the core at a solve: its right-hand side (counted in ctx.stats); fresh scalar state. */
    bind(rhs: Rhs, ctx: StepperContext): Stepper {
      b.f = countingRhs(rhs, ctx.stats);
      ends.uA = fA;
      ends.uB = fA;
      sc[T_OLD] = 0;
      sc[H_OLD] = 1;
      return stepper;
    },
  };
};

const DEPS: FixedDeps = { hermite, countingRhs };

const makeFixed = (name: 'rk4' | 'euler', rhs: Rhs, n: number, ctx: StepperContext): Stepper => {
  const { core, release } = acquireCore(`${name} ${n}`, 8 * n, fixedCore, name, n, DEPS);
  return { ...core.bind(rhs, ctx), release };
};

export const makeRk4 = (rhs: Rhs, n: number, ctx: StepperContext): Stepper => makeFixed('rk4', rhs, n, ctx);
export const makeEuler = (rhs: Rhs, n: number, ctx: StepperContext): Stepper => makeFixed('euler', rhs, n, ctx);

/**
 * Classical 4th-order Runge–Kutta with a fixed step h (no error control; does not crawl at kinks).
 * @example
 * solve(problem, rk4({ h: 0.05 }));
 */
export const rk4 = defineSolver({ name: 'rk4', adaptive: false, resumable: true, stepper: (p, n, ctx) => makeRk4(p.rhs, n, ctx) });
/**
 * Forward Euler with a fixed step h: on the effective-GAN flow, exactly simultaneous gradient descent with
 * learning rates etaG h and etaD h.
 * @example
 * solve(problem, euler({ h: 0.01 }));
 */
export const euler = defineSolver({ name: 'euler', adaptive: false, resumable: true, stepper: (p, n, ctx) => makeEuler(p.rhs, n, ctx) });
registerSolver({ name: 'rk4', adaptive: false, description: 'classical Runge-Kutta 4 with a fixed step h', make: (s) => rk4({ ...s, h: s.h! }) });
registerSolver({ name: 'euler', adaptive: false, description: 'forward Euler with a fixed step h (= simultaneous gradient descent)', make: (s) => euler({ ...s, h: s.h! }) });
