/**
 * The contract between the single integration loop (`solve`) and a method
 * (diffrax's AbstractSolver): a stepper owns its stage buffers, allocated
 * once, attempts a step and reports its error norm, and after acceptance
 * offers an interpolant on the step just taken.
 */
import type { SolveStats } from './solution.ts';
import type { Rhs } from './problem.ts';

/** A dense-output piece on [tA, tB] that owns a copy of its coefficients. */
export interface DenseSegment {
  readonly tA: number;
  readonly tB: number;
  eval(t: number, out: Float64Array): void;
}

export interface Stepper {
  readonly name: string;
  /** Order q of the error estimate (local error ~ h^(q+1)); 0 for fixed-step methods. */
  readonly errorOrder: number;
  /** False for fixed-step methods: their step is never rejected. */
  readonly adaptive: boolean;
  /** f(t, u) at the current point (FSAL); valid after `init` and after `accept`. */
  readonly f: Float64Array;
  /** Prepare at (t0, u0): evaluates f there. */
  init(t0: number, u0: Float64Array): void;
  /**
   * Try a step of size h (signed) from (t, u), writing the candidate into uNew.
   * Returns the weighted RMS error norm (<= 1 accept), +Infinity when a stage
   * was not finite, 0 for fixed-step methods (NaN from one that `checksFinite`, when uNew is not finite).
   */
  attempt(t: number, u: Float64Array, h: number, uNew: Float64Array): number;
  /**
   * A fixed-step method whose attempt returns NaN when uNew has a non-finite component and 0 otherwise, so
   * the solve need not scan uNew itself after every step (rk4, euler).
   */
  readonly checksFinite?: boolean;
  /** Commit the last attempted step: FSAL update and dense-output coefficients. */
  accept(t: number, u: Float64Array, h: number, uNew: Float64Array): void;
  /**
   * Interpolate on the last accepted step at t in [tOld, tNew], until the next attempt (a stepper may refer to
   * the u and uNew of its accept instead of copying them; the solve leaves both alone until then).
   */
  interpolate(t: number, out: Float64Array): void;
  /** A copy of the last accepted step's interpolant (for `dense: true`). */
  segment(): DenseSegment;
  /**
   * Hairer's stiffness indicator of the last accepted step: h * |lambda|
   * estimated from two stages at the same time, or NaN where the method has none.
   */
  stiffnessRatio(): number;
  /** Boundary of the method's stability region along the negative real axis (3.3 for dopri5). */
  readonly stabilityBoundary: number;
  /**
   * A method that chooses its own steps (ndf/bdf: step and order together, kept equal for k + 1 steps so that
   * its LU factorization is reused): the factor for the next step after an attempt with error norm `err`, called
   * after `accept` (accepted) or after the rejected `attempt`. The solve's PI controller is used when absent or
   * when it returns undefined (method "auto" while its explicit method runs).
   */
  nextFactor?(err: number, accepted: boolean): number | undefined;
  /** The PI controller's beta for this method (controller.ts; default 0.04, dop853.f uses 0). */
  readonly piBeta?: number;
  /**
   * Hand the stepper's buffers back for a later solve (stepperCache.ts); the solve calls it once, when it
   * ends, whatever the outcome. Nothing of the stepper may be used afterwards (segments are copies).
   */
  release?(): void;
}

/** Solver-side settings every stepper needs. */
export interface StepperContext {
  readonly rtol: number;
  readonly atol: Float64Array;
  readonly stats: SolveStats;
}

/** The right-hand side wrapped to count its evaluations in the solve's stats. */
export const countingRhs = (rhs: Rhs, stats: SolveStats): Rhs => (t, u, du) => { stats.rhsEvals++; rhs(t, u, du); };
