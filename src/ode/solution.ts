/**
 * The result of a successful solve: saved times and states, the events that
 * fired, statistics, coded warnings, and (when requested) a dense
 * interpolant valid on the whole span.
 */
import type { Recorder } from './recorder.ts';
import { denseInterpolant } from './recorder.ts';

export interface SolveStats {
  /** Right-hand side evaluations (including those spent on finite-difference Jacobians). */
  rhsEvals: number;
  /** Steps attempted (accepted + rejected). */
  steps: number;
  accepted: number;
  rejected: number;
  /** Jacobian evaluations and LU factorizations (implicit methods). */
  jacobians: number;
  factorizations: number;
  /** Newton iterations of implicit multistep methods (ndf, bdf); each is one rhs call, counted in rhsEvals too. */
  newtonIterations: number;
  /** Right-hand-side equivalents spent in the problem's own Jacobian (its jacobianCost per call; finite-difference Jacobians are in rhsEvals). */
  jacobianCost: number;
  /** Times at which the automatic method switched (method "auto"). */
  switches: { t: number; to: string }[];
  /** First time the explicit stiffness test of Hairer fired, if it did. */
  stiffAt?: number;
  /** First time the solve was seen crawling (options.ts, CRAWL), if it was. */
  crawlAt?: number;
}

/**
 * A warning: a stable code to match on (never the wording) and a message for people.
 * Solve-level codes: "stiffness" (Hairer's test fired in an explicit method), "rejectedSteps"
 * (a quarter or more of the steps were rejected: a non-smooth right-hand side), "crawl" (seen while it
 * happened: many rejected steps and a projected step count far beyond reason; options.ts). Model and run
 * levels add their own (experiments/run.ts).
 */
export interface Warning<C extends string = string> {
  readonly code: C;
  readonly message: string;
  /** The time it refers to, where there is one. */
  readonly t?: number;
}

export type SolveWarningCode = 'stiffness' | 'rejectedSteps' | 'crawl';

export interface EventHit {
  /** Index of the event in the options' event list. */
  readonly index: number;
  readonly name?: string;
  readonly t: number;
  readonly u: Float64Array;
  /** +1 for an upward crossing of g, -1 for downward. */
  readonly direction: 1 | -1;
}

export interface Solution {
  /** Name of the solver that produced it. */
  readonly method: string;
  /** Saved times, in the order of integration. */
  readonly t: number[];
  /** Saved states, one fresh Float64Array per saved time. */
  readonly u: Float64Array[];
  readonly events: EventHit[];
  readonly stats: SolveStats;
  readonly warnings: Warning<SolveWarningCode>[];
  /** Final time reached (t1, or the time of a terminal event). */
  readonly tEnd: number;
  readonly uEnd: Float64Array;
  /** True when a terminal event stopped the solve before t1. */
  readonly terminated: boolean;
  /**
   * Dense interpolant on [t0, tEnd]; present when the options asked for
   * `dense: true`. Writes into `out` when given, else returns a fresh array.
   */
  readonly at?: (t: number, out?: Float64Array) => Float64Array;
}

export const emptyStats = (): SolveStats => ({
  rhsEvals: 0,
  steps: 0,
  accepted: 0,
  rejected: 0,
  jacobians: 0,
  factorizations: 0,
  newtonIterations: 0,
  jacobianCost: 0,
  switches: [],
});

/** The "crawl" warning, as given live (options.onWarning) and in the solution. */
export const crawlWarning = (t: number, stats: Pick<SolveStats, 'steps' | 'rejected'>): Warning<'crawl'> => ({
  code: 'crawl', t,
  message: `the solver is crawling at t = ${t.toPrecision(4)} (${stats.steps} steps, ${stats.rejected} rejected so far): a right-hand side that is not smooth (relu kinks) or stiffness; a fixed-step method (or a smooth function) avoids the first, method "auto" the second`,
});

/** Warnings derived from the stats of a finished (or failed) solve. */
export const statsWarnings = (stats: SolveStats): Warning<SolveWarningCode>[] => {
  const w: Warning<SolveWarningCode>[] = [];
  if (stats.stiffAt !== undefined)
    w.push({ code: 'stiffness', t: stats.stiffAt, message: `stiffness detected at t = ${stats.stiffAt.toPrecision(6)} (explicit steps limited by stability, not accuracy); method "auto" (which switches to a stiff method where that pays) can be much cheaper` });
  if (stats.crawlAt !== undefined) w.push(crawlWarning(stats.crawlAt, stats));
  if (stats.steps >= 2000 && stats.rejected > 0.25 * stats.steps)
    w.push({ code: 'rejectedSteps', message: `${stats.rejected} of ${stats.steps} steps were rejected: the right-hand side is probably not smooth (a kink, such as relu's); a smooth function or a fixed-step method avoids the crawl` });
  return w;
};

/** Assemble a Solution from what a recorder holds (shared by solve's loop and solvers with their own loop). */
export const buildSolution = (
  method: string, rec: Recorder, stats: SolveStats, tEnd: number, uEnd: Float64Array,
  terminated: boolean, dense: boolean, t0: number, u0: Float64Array,
): Solution => ({
  method,
  t: rec.t,
  u: rec.u,
  events: rec.events,
  stats,
  warnings: statsWarnings(stats),
  tEnd,
  uEnd,
  terminated,
  ...(dense ? { at: denseInterpolant(rec.segments, t0, u0) } : {}),
});
