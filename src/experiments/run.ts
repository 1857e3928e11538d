/**
 * One training run: integrate a model's flow over [0, t1] with the config's
 * solver, then compute the observables of docs/model.md §5 at the end. Returns
 * `Either<RunFailure, RunResult>`; a failure keeps the trajectory up to the
 * time it happened. Warnings name the cause of a slow solve and its remedy:
 * relu kinks (a Filippov right-hand side) and stiffness.
 */
import * as E from 'fp-ts/lib/Either.js';
import { solve } from '../ode/solve.ts';
import type { Solution, SolveStats, SolveWarningCode, Warning } from '../ode/solution.ts';
import type { SolveFailureCode } from '../ode/failure.ts';
import type { SolveOptions } from '../ode/options.ts';
import { solverFromConfig, type Solver } from '../ode/solver.ts';
import { effectiveState, type EganModel } from '../model/model.ts';
import { isNonSmooth } from '../model/activations.ts';
import { metricsAt, MetricsInterrupted, type AbortFlag, meanGap, targetMean, mmd2, slicedW2, thetaNorm, type Metrics } from './metrics.ts';
import type { EventSpec } from '../ode/options.ts';
import { toRows } from '../linalg/rows.ts';

export interface RunStats {
  readonly steps: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly rhsEvals: number;
  readonly jacobians: number;
  /** LU factorizations and Newton iterations (implicit methods; 0 for explicit ones). */
  readonly factorizations: number;
  readonly newtonIterations: number;
  /** Right-hand-side equivalents spent in the model's own Jacobians (structured differences; plain ones are in rhsEvals). */
  readonly jacobianCost: number;
  readonly switches: SolveStats['switches'];
}

export interface RunResult {
  readonly status: 'success';
  readonly t: number;
  readonly stats: RunStats;
  /** The final particles and critic parameters (and, with a real generator, its parameters w). */
  readonly final: { particles: number[][]; theta: number[]; generator?: number[] };
  readonly metrics: Metrics;
  readonly warnings: RunWarning[];
  /** saveAt times and states. */
  readonly trajectory: { t: number[]; u: Float64Array[] };
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
 * Convergence time tau_eps (docs/model.md §5): the first time after which the chosen
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

export const distanceFn = (m: EganModel, kind: TauEpsSpec['distance'] = 'meanGap'): ((u: Float64Array) => number) => {
  const N = m.N, t = m.target, nx = m.N * m.d;
  const X = (u: Float64Array) => effectiveState(m, u).subarray(0, nx);
  if (kind === 'mmd2') return (u) => mmd2(X(u), N, t);
  if (kind === 'slicedW2') return (u) => slicedW2(X(u), N, t, 32, m.config.seed);
  // The target's mean once, not at every evaluation (tau_eps's event search evaluates the distance many times per step).
  const mean = targetMean(t);
  return (u) => meanGap(X(u), N, t, mean);
};

export interface RunOptions {
  /** Compute tau_eps for this distance and threshold. */
  readonly tauEps?: TauEpsSpec;
  readonly signal?: { readonly aborted: boolean };
  readonly onProgress?: (t: number) => void;
  /** Called when the solve has reached t1 and the end-of-run metrics begin (they take seconds on clouds of 1e5 points). */
  readonly onMetrics?: () => void;
  /** The solver (default: the config's `solver` field). */
  readonly solver?: Solver;
  /** Extra solve options (events, dense, saveAt override, onCrawl); its onWarning receives the run's warnings (a crawl of a relu critic as nonSmoothCrawl). */
  readonly solve?: Partial<Omit<SolveOptions, 'onWarning'>> & { readonly onWarning?: (w: RunWarning, stats: Readonly<SolveStats>) => void };
}

/**
 * The solver of a config's `solver` field (a registered method: the config schema admits no other).
 * @example
 * const s = configSolver(model.config);   // dopri5({ rtol: 1e-6, atol: 1e-9 }) for the defaults
 */
export const configSolver = (c: EganModel['config']): Solver => {
  const s = solverFromConfig(c.solver);
  if (E.isLeft(s)) throw new Error(s.left); // unreachable for a parsed config
  return s.right;
};

const toStats = (s: SolveStats): RunStats => ({ steps: s.steps, accepted: s.accepted, rejected: s.rejected, rhsEvals: s.rhsEvals, jacobians: s.jacobians, factorizations: s.factorizations, newtonIterations: s.newtonIterations, jacobianCost: s.jacobianCost, switches: s.switches });

/** The final state for people: particles and theta from the effective state, and a real generator's w from the raw one. */
const finalState = (m: EganModel, u: Float64Array, raw: Float64Array) => {
  return { particles: toRows(u, m.N, m.d), theta: Array.from(u.subarray(m.N * m.d)), ...(m.generator ? { generator: Array.from(raw.subarray(0, m.generator.shape.P)) } : {}) };
};

/**
 * How many times its initial norm the critic's parameter vector may grow before a run warns. The docs/model.md §6.3
 * blow-ups start as such growth (|theta| 9 -> 60 by t = 20); the cells of docs/spec63 (etaD <= 1) end within
 * 2x of their start (|theta| 8.2-16 from 8.2), and in the full grid (docs/spec63-full) only 8 of 240 cells pass
 * 10x, all at etaD >= 5 and g2/g1 >= 0.8 (tanh up to 8e7, sigmoid 171). egan's choice (the paper is silent).
 */
export const THETA_GROWTH_WARNING = 10;

/**
 * Codes of a run's warnings: the solve's own ("stiffness", "rejectedSteps" are restated by the model as
 * the next two), "nonSmoothCrawl" (an adaptive solver crawled at relu kinks), "stiffFlow" (the flow turned
 * stiff under an explicit method), "criticGrowth" (|theta| grew over THETA_GROWTH_WARNING-fold),
 * "threads" (fewer threads than asked), "checkpoint" (a checkpoint file could not be written: given live only,
 * the run goes on without it; experiments/checkpoint.ts).
 */
export type RunWarningCode = 'nonSmoothCrawl' | 'stiffFlow' | 'criticGrowth' | 'threads' | 'stiffness' | 'rejectedSteps' | 'crawl' | 'checkpoint';
export type RunWarning = Warning<RunWarningCode>;

/** The nonSmoothCrawl warning: a crawl whose cause is the critic's kinks, with the remedies. */
const kinkCrawl = (m: EganModel, st: Pick<SolveStats, 'steps' | 'rejected' | 'rhsEvals'>, t: number | undefined): RunWarning => {
  const act = m.config.critic.kind === 'mlp' ? m.config.critic.activation : 'relu';
  return {
    code: 'nonSmoothCrawl', ...(t !== undefined ? { t } : {}),
    message: `the ${act} critic makes the right-hand side discontinuous where a particle or target point crosses a hidden unit's kink (a Filippov system): the adaptive solver ${t !== undefined ? `is crawling at t = ${t.toPrecision(4)} (${st.steps} steps, ${st.rejected} rejected so far)` : `crawled (${st.steps} steps, ${st.rejected} rejected, ${st.rhsEvals} rhs calls)`}. Remedies: a smooth activation ("tanh", or "softplus" with critic.beta for sharpness), or a fixed-step map that matches discrete gradient descent (solver: { "method": "rk4" or "euler", "h": ... }; the default when no solver is given)`,
  };
};

/** Warnings of a model's run (docs/model.md, numerical character): from the solver's stats, and unbounded critic growth. */
export const modelWarnings = (m: EganModel, sol: Pick<Solution, 'stats' | 'warnings' | 'method' | 'uEnd' | 'tEnd'>, adaptive: boolean): RunWarning[] => {
  // The model restates both solve-level causes in its own terms below.
  const st = sol.stats;
  const c = m.config.critic;
  const kinks = c.kind === 'mlp' && isNonSmooth(c.activation) && adaptive && (st.crawlAt !== undefined || st.rejected > 0.1 * st.steps || st.steps > 20_000);
  // A crawl with a non-smooth critic is restated as nonSmoothCrawl, with its cause.
  const w: RunWarning[] = sol.warnings.filter((x) => x.code !== 'rejectedSteps' && x.code !== 'stiffness' && !(kinks && x.code === 'crawl'));
  if (kinks) w.push(kinkCrawl(m, st, st.crawlAt));
  if (st.stiffAt !== undefined)
    w.push({ code: 'stiffFlow', t: st.stiffAt, message: `the flow turned stiff at t = ${st.stiffAt.toPrecision(4)} (fast critic modes near convergence); solver.method "auto" switches to the Rosenbrock method there, and back when that costs more` });
  const th0 = thetaNorm(m, m.u0), th1 = thetaNorm(m, sol.uEnd);
  // A non-finite end state is a nonFinite failure, which says so itself.
  if (th0 > 0 && Number.isFinite(th1) && th1 > THETA_GROWTH_WARNING * th0) {
    const remedy = m.config.weightDecay > 0 ? `a larger weightDecay (now ${m.config.weightDecay})` : 'a weightDecay > 0';
    w.push({ code: 'criticGrowth', t: sol.tEnd, message: `the critic's parameters grew ${(th1 / th0).toPrecision(3)}-fold by t = ${sol.tEnd.toPrecision(4)} (|theta| ${th0.toPrecision(3)} -> ${th1.toPrecision(3)}): the ${m.config.regularizer.kind} regularizer does not bound the critic; the flow stiffens as they grow and a fixed step may blow up; ${remedy} bounds them` });
  }
  return w;
};

/**
 * The metrics at the last state of a failed or interrupted solve. An interrupted run gets them when they take
 * at most a second more (small clouds), else none: Ctrl-C is never held up by them.
 */
const partialMetrics = (m: EganModel, u: Float64Array, signal?: AbortFlag): { metrics?: Metrics } => {
  const t0 = Date.now();
  const budget: AbortFlag | undefined = signal?.aborted ? { get aborted() { return Date.now() - t0 > 1000; } } : signal;
  try {
    return { metrics: metricsAt(m, u, budget) };
  } catch (e) {
    if (e instanceof MetricsInterrupted) return {};
    throw e;
  }
};

export const runModel = (m: EganModel, opts: RunOptions = {}): E.Either<RunFailure, RunResult> => {
  let tauEvent: EventSpec[] = [];
  let threshold = 0;
  const dist = opts.tauEps ? distanceFn(m, opts.tauEps.distance) : undefined;
  if (opts.tauEps && dist) {
    threshold = opts.tauEps.eps * (opts.tauEps.relative ? dist(m.u0) : 1);
    tauEvent = [{ g: (_t, u) => dist(u) - threshold, samples: opts.tauEps.samples ?? 4, name: 'tauEps' }];
  }
  const c = m.config.critic;
  const onWarning = opts.solve?.onWarning;
  const options: SolveOptions = {
    saveAt: { n: m.config.saveAt.n }, signal: opts.signal, onProgress: opts.onProgress, ...opts.solve, events: [...(opts.solve?.events ?? []), ...tauEvent],
    // A live crawl of a non-smooth critic is restated with its cause, as at the end (modelWarnings).
    ...(onWarning ? { onWarning: (w: Warning<SolveWarningCode>, st: Readonly<SolveStats>) => onWarning(w.code === 'crawl' && c.kind === 'mlp' && isNonSmooth(c.activation) ? kinkCrawl(m, st, w.t) : w, st) } : {}),
  };
  const solver = opts.solver ?? configSolver(m.config);
  // Implicit solvers get the structured differences where the Jacobian has no closed form (a fifth of the exact one's cost, the same steps).
  const jac = m.fdJacobian ? { jacobian: m.fdJacobian.jacobian, jacobianCost: m.fdJacobian.cost } : m.jacobian ? { jacobian: m.jacobian, jacobianCost: m.jacobianCost ?? 0 } : {};
  const r = solve({ rhs: m.rhs, u0: m.u0, tspan: [0, m.config.t1], autonomous: true, ...jac }, solver, options);
  if (E.isLeft(r)) {
    const f = r.left;
    const part = f.partial;
    const raw = part ? part.uEnd : m.u0;
    const finite = raw.every(Number.isFinite);
    const u = finite ? effectiveState(m, raw) : raw;
    return E.left({
      status: f.code,
      message: f.message,
      t: f.t,
      stats: toStats(part ? part.stats : { rhsEvals: 0, steps: 0, accepted: 0, rejected: 0, jacobians: 0, factorizations: 0, newtonIterations: 0, jacobianCost: 0, switches: [] }),
      final: finalState(m, u, raw),
      ...(finite ? partialMetrics(m, u, opts.signal) : {}),
      warnings: part ? modelWarnings(m, part, solver.adaptive) : [],
      trajectory: { t: part?.t ?? [], u: (part?.u ?? []).map((x) => (x.every(Number.isFinite) ? effectiveState(m, x) : x)) },
    });
  }
  const s = r.right;
  const end = effectiveState(m, s.uEnd);
  // What the solve gives, in the result's key order around the metrics (runJson prints them in this order).
  const head = { t: s.tEnd, stats: toStats(s.stats), final: finalState(m, end, s.uEnd) };
  const tail = { warnings: modelWarnings(m, s, solver.adaptive), trajectory: { t: s.t, u: m.generator ? s.u.map((x) => effectiveState(m, x)) : s.u } };
  let metrics: Metrics;
  opts.onMetrics?.();
  try {
    metrics = metricsAt(m, end, opts.signal);
  } catch (e) {
    if (!(e instanceof MetricsInterrupted)) throw e;
    // Ctrl-C while the end-of-run metrics were computed: the solve is whole, the metrics are not; the run is
    // interrupted (a sweep redoes the cell), with its trajectory and final state.
    return E.left({ status: 'interrupted', message: `interrupted at t = ${s.tEnd} while computing the metrics (the solve had reached t1)`, ...head, ...tail });
  }
  return E.right({
    status: 'success',
    ...head,
    metrics,
    ...tail,
    ...(dist ? { tauEps: tauFromEvents(s.events.filter((e) => e.name === 'tauEps'), dist(m.u0) < threshold, dist(s.uEnd) < threshold) } : {}),
  });
};

/** tau_eps from the crossings of distance - threshold: the last downward crossing when the run ends below. */
export const tauFromEvents = (crossings: readonly { t: number; direction: 1 | -1 }[], belowAtStart: boolean, belowAtEnd: boolean): number | null => {
  if (!belowAtEnd) return null;
  for (let k = crossings.length - 1; k >= 0; k--) if (crossings[k].direction === -1) return crossings[k].t;
  return belowAtStart ? 0 : null;
};

/** The docs/model.md §8 JSON of a run (without the trajectory). */
export const runJson = (r: RunResult | RunFailure) => {
  const { trajectory: _traj, ...rest } = r;
  return rest;
};
