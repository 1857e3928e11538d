/**
 * One training run: integrate a model's flow over [0, t1] with the config's
 * solver, then compute the observables of SPEC §5 at the end. Returns
 * `Either<RunFailure, RunResult>`; a failure keeps the trajectory up to the
 * time it happened. Warnings name the cause of a slow solve and its remedy:
 * relu kinks (a Filippov right-hand side) and stiffness.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Solution, SolveStats, Warning } from '../ode/solution.js';
import type { SolveFailureCode } from '../ode/failure.js';
import type { SolveOptions } from '../ode/options.js';
import { type Solver } from '../ode/solver.js';
import type { EganModel } from '../model/model.js';
import { type Metrics } from './metrics.js';
export interface RunStats {
    readonly steps: number;
    readonly accepted: number;
    readonly rejected: number;
    readonly rhsEvals: number;
    readonly jacobians: number;
    readonly switches: SolveStats['switches'];
}
export interface RunResult {
    readonly status: 'success';
    readonly t: number;
    readonly stats: RunStats;
    readonly final: {
        particles: number[][];
        theta: number[];
    };
    readonly metrics: Metrics;
    readonly warnings: RunWarning[];
    /** saveAt times and states. */
    readonly trajectory: {
        t: number[];
        u: Float64Array[];
    };
    /** tau_eps when asked for: a time, or null when the distance is above eps at t1. */
    readonly tauEps?: number | null;
}
export interface RunFailure extends Omit<RunResult, 'status' | 'metrics'> {
    readonly status: SolveFailureCode;
    readonly message: string;
    /** Metrics at the last finite state, when there is one. */
    readonly metrics?: Metrics;
}
/**
 * Convergence time tau_eps (SPEC §5): the first time after which the chosen
 * distance stays below eps until the end of the run. Found with an event
 * g = distance - threshold on the dense output, checking `samples` interior
 * points and the interpolant's extrema within each step, so that an
 * excursion above the threshold inside one step is not missed. With
 * `relative`, the threshold is eps times the distance at t = 0.
 */
export interface TauEpsSpec {
    readonly distance?: 'meanGap' | 'mmd2' | 'slicedW2';
    readonly eps: number;
    readonly relative?: boolean;
    readonly samples?: number;
}
export declare const distanceFn: (m: EganModel, kind?: TauEpsSpec["distance"]) => ((u: Float64Array) => number);
export interface RunOptions {
    /** Compute tau_eps for this distance and threshold. */
    readonly tauEps?: TauEpsSpec;
    readonly signal?: {
        readonly aborted: boolean;
    };
    readonly onProgress?: (t: number) => void;
    /** The solver (default: the config's `solver` field). */
    readonly solver?: Solver;
    /** Extra solve options (events, dense, saveAt override). */
    readonly solve?: Partial<SolveOptions>;
}
/**
 * The solver of a config's `solver` field (a registered method: the config schema admits no other).
 * @example
 * const s = configSolver(model.config);   // dopri5({ rtol: 1e-6, atol: 1e-9 }) for the defaults
 */
export declare const configSolver: (c: EganModel["config"]) => Solver;
/**
 * How many times its initial norm the critic's parameter vector may grow before a run warns. The SPEC §6.3
 * blow-ups start as such growth (|theta| 9 -> 60 by t = 20); the cells of docs/spec63 (etaD <= 1) end within
 * 2x of their start (|theta| 8.2-16 from 8.2), and in the full grid (docs/spec63-full) only 8 of 240 cells pass
 * 10x, all at etaD >= 5 and g2/g1 >= 0.8 (tanh up to 8e7, sigmoid 171). A choice of ours (the SPEC is silent).
 */
export declare const THETA_GROWTH_WARNING = 10;
/**
 * Codes of a run's warnings: the solve's own ("stiffness", "rejectedSteps" are restated by the model as
 * the next two), "nonSmoothCrawl" (an adaptive solver crawled at relu kinks), "stiffFlow" (the flow turned
 * stiff under an explicit method), "criticGrowth" (|theta| grew over THETA_GROWTH_WARNING-fold),
 * "threads" (fewer threads than asked).
 */
export type RunWarningCode = 'nonSmoothCrawl' | 'stiffFlow' | 'criticGrowth' | 'threads' | 'stiffness' | 'rejectedSteps';
export type RunWarning = Warning<RunWarningCode>;
/** Warnings of a model's run (docs/model.md, numerical character): from the solver's stats, and unbounded critic growth. */
export declare const modelWarnings: (m: EganModel, sol: Pick<Solution, "stats" | "warnings" | "method" | "uEnd" | "tEnd">, adaptive: boolean) => RunWarning[];
export declare const runModel: (m: EganModel, opts?: RunOptions) => E.Either<RunFailure, RunResult>;
/** tau_eps from the crossings of distance - threshold: the last downward crossing when the run ends below. */
export declare const tauFromEvents: (crossings: readonly {
    t: number;
    direction: 1 | -1;
}[], belowAtStart: boolean, belowAtEnd: boolean) => number | null;
/** The SPEC §7 JSON of a run (without the trajectory). */
export declare const runJson: (r: RunResult | RunFailure) => {
    status: "success";
    t: number;
    stats: RunStats;
    final: {
        particles: number[][];
        theta: number[];
    };
    metrics: Metrics;
    warnings: RunWarning[];
    tauEps?: number | null;
} | {
    status: SolveFailureCode;
    message: string;
    metrics?: Metrics;
    t: number;
    stats: RunStats;
    final: {
        particles: number[][];
        theta: number[];
    };
    warnings: RunWarning[];
    tauEps?: number | null;
};
//# sourceMappingURL=run.d.ts.map