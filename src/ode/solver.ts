/**
 * Solvers as values, in the manner of diffrax's `diffeqsolve(terms, Tsit5(), ...)` and SciML's
 * problem / algorithm split: `solve(problem, dopri5({ rtol: 1e-8 }))`. A solver is plain data (its
 * name, whether its steps are error-controlled, its tolerances or step) plus a function that makes the
 * stepper `solve`'s one integration loop drives (stepper.ts).
 *
 * Each built-in solver is made by a constructor in its own file (solvers/*.ts) that also registers it
 * here by name with a description. The registry is the one list of methods: the config schema
 * (model/config.ts), the CLI's help and the defaults derive from it, so a solver a user registers is
 * usable by name in a config file too.
 *
 * A method of one's own: `defineSolver` turns a stepper factory into a solver constructor, and
 * `explicitStepper` builds the stepper of an explicit method from its step alone (dense output, saveAt
 * and events come with it).
 *
 * @example
 * import { solve, dopri5, rk4 } from 'egan/ode';
 * const decay = { rhs: (_t, u, du) => { du[0] = -u[0]; }, u0: Float64Array.of(1), tspan: [0, 1] as const };
 * solve(decay, dopri5({ rtol: 1e-10 }));   // Right(solution), solution.uEnd[0] ≈ e^-1
 * solve(decay, rk4({ h: 0.01 }));
 */
import * as E from 'fp-ts/lib/Either.js';
import type { OdeProblem, Rhs } from './problem.ts';
import type { SolveOptions } from './options.ts';
import type { Solution } from './solution.ts';
import type { SolveFailure } from './failure.ts';
import { countingRhs, type DenseSegment, type Stepper, type StepperContext } from './stepper.ts';
import { errorNorm } from './norm.ts';

/** Default relative and absolute tolerance and step limit of error-controlled solvers. */
export const DEFAULT_RTOL = 1e-6;
export const DEFAULT_ATOL = 1e-9;
export const DEFAULT_MAX_STEPS = 1_000_000;
/** Default step limit of fixed-step solvers (their step count is (t1 - t0) / h, known in advance). */
export const DEFAULT_FIXED_MAX_STEPS = 100_000_000;

/** Settings of an error-controlled solver. */
export interface AdaptiveSettings {
  /** Relative tolerance, 0 < rtol < 1 (default 1e-6). */
  readonly rtol?: number;
  /** Absolute tolerance, scalar or one per state component (default 1e-9). */
  readonly atol?: number | readonly number[] | Float64Array;
  /** Initial step; chosen automatically (Hairer's algorithm) when absent. */
  readonly h0?: number;
  /** Largest step magnitude (default |t1 - t0|). */
  readonly hmax?: number;
  /** Most steps, accepted and rejected (default 1e6). */
  readonly maxSteps?: number;
}

/** Settings of a fixed-step solver. */
export interface FixedSettings {
  /** The step; the last one is shortened to land on t1. */
  readonly h: number;
  /** Most steps (default 1e8). */
  readonly maxSteps?: number;
}

/** A solver value: what `solve` needs to integrate with one method. */
export interface Solver {
  readonly name: string;
  /** True when steps are error-controlled (rtol, atol); false for a fixed step h. */
  readonly adaptive: boolean;
  readonly rtol: number;
  readonly atol: number | readonly number[] | Float64Array;
  /** The fixed step (fixed-step solvers only). */
  readonly h?: number;
  readonly h0?: number;
  readonly hmax?: number;
  readonly maxSteps: number;
  /** Run Hairer's explicit stiffness test on this method's steps (dopri5, dop853). */
  readonly stiffnessTest: boolean;
  /**
   * True when its stepper carries nothing from one step to the next but f(t, u), which `init` recomputes: a solve
   * can stop after any step and go on from (t, u) with the same numbers (checkpoints, checkpoint.ts). rk4, euler.
   * Optional, false when absent (a solver value written by hand need not say).
   */
  readonly resumable?: boolean;
  /** The stepper for one solve of a problem with n components (its buffers are allocated here, once). */
  stepper(problem: OdeProblem, n: number, ctx: StepperContext): Stepper;
  /** A method with an integration loop of its own (the odex adapter) replaces solve's loop. */
  readonly integrate?: (problem: OdeProblem, solver: Solver, options: SolveOptions) => E.Either<SolveFailure, Solution>;
}

/** The settings of a solver as plain data: what a config's `solver` field holds. */
export interface SolverConfig {
  readonly method: string;
  readonly rtol?: number;
  readonly atol?: number;
  readonly h?: number;
  readonly maxSteps?: number;
}

export interface SolverDefinition {
  readonly name: string;
  readonly adaptive: boolean;
  readonly stiffnessTest?: boolean;
  /** See Solver.resumable (default false). */
  readonly resumable?: boolean;
  readonly stepper: (problem: OdeProblem, n: number, ctx: StepperContext) => Stepper;
  readonly integrate?: Solver['integrate'];
}

/**
 * A solver constructor from a stepper factory: `const heun = defineSolver({ name: 'heun', adaptive: true,
 * stepper: ... })`, then `solve(problem, heun({ rtol: 1e-6 }))`. Settings not given take the defaults above.
 */
export function defineSolver(def: SolverDefinition & { adaptive: true }): (settings?: AdaptiveSettings) => Solver;
export function defineSolver(def: SolverDefinition & { adaptive: false }): (settings: FixedSettings) => Solver;
export function defineSolver(def: SolverDefinition): (settings?: AdaptiveSettings | FixedSettings) => Solver {
  return (settings = {}) => {
    const s = settings as AdaptiveSettings & Partial<FixedSettings>;
    return {
      name: def.name,
      adaptive: def.adaptive,
      rtol: s.rtol ?? DEFAULT_RTOL,
      atol: s.atol ?? DEFAULT_ATOL,
      ...(s.h !== undefined ? { h: s.h } : {}),
      ...(s.h0 !== undefined ? { h0: s.h0 } : {}),
      ...(s.hmax !== undefined ? { hmax: s.hmax } : {}),
      maxSteps: s.maxSteps ?? (def.adaptive ? DEFAULT_MAX_STEPS : DEFAULT_FIXED_MAX_STEPS),
      stiffnessTest: def.stiffnessTest ?? false,
      resumable: def.resumable ?? false,
      stepper: def.stepper,
      ...(def.integrate ? { integrate: def.integrate } : {}),
    };
  };
}

/** A registered method: its constructor and a one-line description (for the CLI's help and the docs). */
export interface SolverEntry {
  readonly name: string;
  readonly adaptive: boolean;
  readonly description: string;
  /** Make the solver from settings (a config's rtol/atol/maxSteps, or h/maxSteps; the others ignored). */
  readonly make: (settings: AdaptiveSettings & { readonly h?: number }) => Solver;
}

const registry = new Map<string, SolverEntry>();
let version = 0;

/**
 * Register a method by name (built-ins register themselves when their file is loaded). A name already
 * registered is replaced. Registered methods are valid `solver.method` values of configs.
 */
export const registerSolver = (entry: SolverEntry): void => { registry.set(entry.name, entry); version++; };

/** Changes whenever a solver is registered (the config schema is rebuilt then). */
export const solverRegistryVersion = (): number => version;

/** The registered methods, error-controlled first, each group in registration order. */
export const solverEntries = (): SolverEntry[] => {
  const all = [...registry.values()];
  return [...all.filter((e) => e.adaptive), ...all.filter((e) => !e.adaptive)];
};

/** The registered method of this name, if any. */
export const solverEntry = (name: string): SolverEntry | undefined => registry.get(name);

/** A solver from its settings as plain data (a config's `solver` field); Left names an unknown method. */
export const solverFromConfig = (c: SolverConfig): E.Either<string, Solver> => {
  const entry = registry.get(c.method);
  if (!entry) return E.left(`unknown solver method "${c.method}"; expected one of ${solverEntries().map((e) => e.name).join(', ')}`);
  const { method: _, ...settings } = c;
  return E.right(entry.make(settings));
};

/** The plain-data settings of a solver (the inverse of solverFromConfig, for resolved configs and logs). */
export const solverConfig = (s: Solver): SolverConfig =>
  s.adaptive
    ? { method: s.name, rtol: s.rtol, ...(typeof s.atol === 'number' ? { atol: s.atol } : {}), maxSteps: s.maxSteps }
    : { method: s.name, ...(s.h !== undefined ? { h: s.h } : {}), maxSteps: s.maxSteps };

/**
 * One step of an explicit method, as `explicitStepper` asks for it: from (t, u) with f0 = f(t, u), write the
 * new state into uNew and (error-controlled methods) the local error estimate into err. `f` is the
 * problem's right-hand side (counted); `work` holds `stages` buffers of length n for the method's stages.
 */
export type ExplicitStep = (f: Rhs, t: number, u: Float64Array, f0: Float64Array, h: number, uNew: Float64Array, err: Float64Array, work: readonly Float64Array[]) => void;

export interface ExplicitMethod {
  readonly name: string;
  /** Order q of the error estimate's lower-order solution (local error ~ h^(q+1)); ignored for fixed steps. */
  readonly errorOrder: number;
  readonly adaptive: boolean;
  /** Stage buffers the step needs. */
  readonly stages: number;
  readonly step: ExplicitStep;
  /** Boundary of the method's stability region on the negative real axis (default 2, Euler's). */
  readonly stabilityBoundary?: number;
}

const hermite = (u0: Float64Array, f0: Float64Array, u1: Float64Array, f1: Float64Array, tA: number, h: number, t: number, out: Float64Array) => {
  const s = (t - tA) / h;
  const s2 = s * s, s3 = s2 * s;
  const h00 = 2 * s3 - 3 * s2 + 1, h10 = s3 - 2 * s2 + s, h01 = -2 * s3 + 3 * s2, h11 = s3 - s2;
  for (let i = 0; i < out.length; i++) out[i] = h00 * u0[i] + h10 * h * f0[i] + h01 * u1[i] + h11 * h * f1[i];
};

/**
 * The stepper of an explicit method given only its step: f at the new point is evaluated after each accepted
 * step (one call, counted) and serves as the next step's f0 and as the slope of a cubic Hermite interpolant
 * (3rd order) for saveAt, events and dense output.
 *
 * @example
 * // Heun's method with Euler's embedded error estimate (orders 2 and 1):
 * const heun = defineSolver({ name: 'heun', adaptive: true, stepper: (p, n, ctx) => explicitStepper({
 *   name: 'heun', errorOrder: 1, adaptive: true, stages: 2,
 *   step: (f, t, u, f0, h, uNew, err, [y, k2]) => {
 *     for (let i = 0; i < n; i++) y[i] = u[i] + h * f0[i];
 *     f(t + h, y, k2);
 *     for (let i = 0; i < n; i++) { uNew[i] = u[i] + (h / 2) * (f0[i] + k2[i]); err[i] = (h / 2) * (k2[i] - f0[i]); }
 *   } }, p.rhs, n, ctx) });
 */
export const explicitStepper = (method: ExplicitMethod, rhs: Rhs, n: number, ctx: StepperContext): Stepper => {
  const f = countingRhs(rhs, ctx.stats);
  const f0 = new Float64Array(n), err = new Float64Array(n);
  const work = Array.from({ length: method.stages }, () => new Float64Array(n));
  const uA = new Float64Array(n), fA = new Float64Array(n), uB = new Float64Array(n), fB = new Float64Array(n);
  const sc = new Float64Array(2); // tOld, hOld
  return {
    name: method.name,
    errorOrder: method.errorOrder,
    adaptive: method.adaptive,
    stabilityBoundary: method.stabilityBoundary ?? 2,
    f: f0,
    init(t0, u0) { f(t0, u0, f0); },
    attempt(t, u, h, uNew) {
      method.step(f, t, u, f0, h, uNew, err, work);
      return method.adaptive ? errorNorm(err, u, uNew, ctx.rtol, ctx.atol) : 0;
    },
    accept(t, u, h, uNew) {
      uA.set(u);
      fA.set(f0);
      uB.set(uNew);
      f(t + h, uNew, f0);
      fB.set(f0);
      sc[0] = t;
      sc[1] = h;
    },
    interpolate(t, out) { hermite(uA, fA, uB, fB, sc[0], sc[1], t, out); },
    segment(): DenseSegment {
      const a = uA.slice(), fa = fA.slice(), b = uB.slice(), fb = fB.slice();
      const tA = sc[0], h = sc[1];
      return { tA, tB: tA + h, eval: (t, out) => hermite(a, fa, b, fb, tA, h, t, out) };
    },
    stiffnessRatio: () => NaN,
  };
};
