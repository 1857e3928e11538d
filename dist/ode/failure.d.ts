/**
 * Failure values of a solve (diffrax's RESULTS): a code, a human message, the
 * time it happened, and the part of the solution computed up to then.
 * A failed solve never returns NaN in place of numbers.
 */
import type { Solution } from './solution.js';
export type SolveFailureCode = 'maxSteps' | 'stepSizeTooSmall' | 'nonFinite' | 'invalidProblem' | 'interrupted' | 'singularMatrix';
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
export declare const FAILURE_HELP: Readonly<Record<SolveFailureCode, string>>;
export declare const failure: (code: SolveFailureCode, message: string, t: number, extra?: Partial<Pick<SolveFailure, "h" | "component" | "partial">>) => SolveFailure;
//# sourceMappingURL=failure.d.ts.map