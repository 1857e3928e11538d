/**
 * Failure values of a solve (diffrax's RESULTS): a code, a human message, the
 * time it happened, and the part of the solution computed up to then.
 * A failed solve never returns NaN in place of numbers.
 */
import type { Solution } from './solution.ts';

export type SolveFailureCode =
  | 'maxSteps'
  | 'stepSizeTooSmall'
  | 'nonFinite'
  | 'invalidProblem'
  | 'interrupted'
  | 'singularMatrix'
  | 'crawl';

export interface SolveFailure {
  readonly _tag: 'SolveFailure';
  readonly code: SolveFailureCode;
  readonly message: string;
  /** Time reached when the failure happened (t0 for invalidProblem). */
  readonly t: number;
  /** Step size at failure, where one was being tried. */
  readonly h?: number;
  /** Index of the first non-finite component, for nonFinite. */
  readonly component?: number;
  /** Everything saved up to the failure (saveAt points, events, stats). */
  readonly partial?: Solution;
}

/** One-line explanations of each failure code, shown by the CLI and the README. */
export const FAILURE_HELP: Readonly<Record<SolveFailureCode, string>> = {
  maxSteps: 'the solver took solver.maxSteps steps before reaching t1; raise maxSteps, loosen rtol/atol, or use method "auto" if the problem is stiff',
  stepSizeTooSmall: 'the step size fell below the resolution of t: a blow-up, a discontinuity the solver cannot cross, or extreme stiffness',
  nonFinite: 'the state or its derivative became NaN or infinite: the dynamics diverged (try weight decay, a smaller etaD/etaG, or a gradient penalty)',
  invalidProblem: 'the problem itself is malformed (empty state, NaN in u0, bad time span or settings)',
  interrupted: 'the solve was stopped from outside (SIGINT/SIGTERM); what was computed is kept',
  crawl: 'the solver was crawling and the solve was asked to stop then (onCrawl "stop"): use a fixed-step method for a non-smooth right-hand side (relu), method "auto" for stiffness',
  singularMatrix: 'the implicit solver met a singular iteration matrix (I/(h gamma) - J) it could not recover from',
};

export const failure = (
  code: SolveFailureCode,
  message: string,
  t: number,
  extra: Partial<Pick<SolveFailure, 'h' | 'component' | 'partial'>> = {},
): SolveFailure => ({ _tag: 'SolveFailure', code, message, t, ...extra });
