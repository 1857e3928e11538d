/**
 * Options of a solve that are not the method's: what to save, events, dense
 * output, and hooks for progress and interruption. The method and its
 * tolerances or step are the solver value (solver.ts).
 */
import type { SolveStats, SolveWarningCode, Warning } from './solution.ts';
import type { CheckpointOptions, SolveCheckpoint } from './checkpoint.ts';

/** Which times to save. `steps` saves every accepted step's end point. */
export type SaveAt =
  | { readonly times: readonly number[] }
  | { readonly n: number }
  | { readonly steps: true };

export type EventDirection = 'up' | 'down' | 'both';

/**
 * An event: the solver reports each zero crossing of g(t, u) in the chosen
 * direction, located on the dense output. With `terminal`, the solve stops
 * there. `samples` > 1 checks g at that many interior points of each step as
 * well, so that an excursion that starts and ends inside one step is found
 * (an endpoint sign test alone misses such crossings; see docs/model.md,
 * convergence time).
 */
export interface EventSpec {
  readonly g: (t: number, u: Float64Array) => number;
  readonly direction?: EventDirection;
  readonly terminal?: boolean;
  readonly name?: string;
  readonly samples?: number;
}

export interface SolveOptions {
  /** Times to save (default: t0 and t1). */
  readonly saveAt?: SaveAt;
  /** Keep a dense interpolant (memory grows with the number of steps). */
  readonly dense?: boolean;
  readonly events?: readonly EventSpec[];
  /** Checked once per step; when `aborted` turns true the solve stops with `interrupted`. */
  readonly signal?: { readonly aborted: boolean };
  /** Called with the current time, at most every `progressEvery` accepted steps (default 100). */
  readonly onProgress?: (t: number) => void;
  readonly progressEvery?: number;
  /** Run Hairer's stiffness test in the explicit methods that have one (default true). */
  readonly detectStiffness?: boolean;
  /**
   * What an error-controlled solve does when it is seen crawling (CRAWL): "warn" (default: go on, with a
   * "crawl" warning given at once to onWarning and kept in the solution) or "stop" (fail with code "crawl").
   */
  readonly onCrawl?: 'warn' | 'stop';
  /** Called as soon as a warning arises during the solve (today: "crawl"), not only at the end. */
  readonly onWarning?: (w: Warning<SolveWarningCode>, stats: Readonly<SolveStats>) => void;
  /** Save checkpoints along the way and when interrupted (fixed-step methods rk4 and euler; checkpoint.ts). */
  readonly checkpoint?: CheckpointOptions;
  /** Go on from a checkpoint of this same solve: the result equals the uninterrupted solve's, bit for bit. */
  readonly resume?: SolveCheckpoint;
}

/**
 * When an error-controlled solve counts as crawling: checked every `every` attempted steps once `after` steps
 * were taken, it crawls when more than `rejected` of its steps were rejected and the steps it would take to
 * reach t1 at its pace so far (steps x span / progress) exceed `projected`. A relu critic under dopri5
 * (README's minimal config: 962,954 steps, 10% rejected) is caught after 2,000 steps, within a second; a smooth
 * run that needs many steps but rejects few is not.
 */
export const CRAWL = { after: 2000, every: 500, rejected: 0.05, projected: 200_000 } as const;
