/**
 * The result of a successful solve: saved times and states, the events that
 * fired, statistics, warnings, and (when requested) a dense interpolant valid
 * on the whole span.
 */

export interface SolveStats {
  /** Right-hand side evaluations (including those spent on Jacobians). */
  rhsEvals: number;
  /** Steps attempted (accepted + rejected). */
  steps: number;
  accepted: number;
  rejected: number;
  /** Jacobian evaluations and LU factorizations (implicit methods). */
  jacobians: number;
  factorizations: number;
  /** Times at which the automatic method switched (method "auto"). */
  switches: { t: number; to: string }[];
  /** First time the explicit stiffness test of Hairer fired, if it did. */
  stiffAt?: number;
}

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
  readonly method: string;
  /** Saved times, in the order of integration. */
  readonly t: number[];
  /** Saved states, one fresh Float64Array per saved time. */
  readonly u: Float64Array[];
  readonly events: EventHit[];
  readonly stats: SolveStats;
  /** Human-readable warnings (stiffness detected, a crawling solve, ...). */
  readonly warnings: string[];
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
  switches: [],
});
