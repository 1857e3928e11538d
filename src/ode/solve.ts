/**
 * `solve(problem, options)`: the one integration loop of egan (diffrax's
 * diffeqsolve). It validates the problem, builds the chosen stepper, runs
 * step control (PI controller, automatic initial step), saves output and
 * locates events through the recorder, and turns every way of failing into a
 * `SolveFailure` value carrying what was computed until then.
 *
 * @example
 * import { solve } from 'egan';
 * const r = solve({ rhs: (_t, u, du) => { du[0] = -u[0]; }, u0: Float64Array.of(1), tspan: [0, 1] },
 *                 { method: 'dopri5', rtol: 1e-8 });
 * // r._tag === 'Right', r.right.uEnd[0] ≈ exp(-1)
 */
import * as E from 'fp-ts/lib/Either.js';
import type { OdeProblem } from './problem.ts';
import type { SolveOptions, Method } from './options.ts';
import { DEFAULT_ATOL, DEFAULT_MAX_STEPS, DEFAULT_RTOL, FIXED_METHODS, ADAPTIVE_METHODS } from './options.ts';
import { failure, type SolveFailure } from './failure.ts';
import { emptyStats, type Solution, type SolveStats } from './solution.ts';
import type { Stepper, StepperContext } from './stepper.ts';
import { expandTolerance, firstNonFinite } from './norm.ts';
import { initialStep } from './initialStep.ts';
import { acceptFactor, makeController, rejectFactor } from './controller.ts';
import { makeRecorder, denseInterpolant, type Recorder } from './recorder.ts';
import { makeStiffnessMonitor, observeStiffness } from './stiffness.ts';
import { makeDopri5 } from './solvers/dopri5.ts';
import { makeDop853 } from './solvers/dop853.ts';
import { makeEuler, makeRk4 } from './solvers/fixed.ts';
import { makeRodas4 } from './solvers/rodas4.ts';
import { makeAuto } from './solvers/auto.ts';
import { solveOdex } from './solvers/odex.ts';

const makeStepper = (method: Exclude<Method, 'odex'>, problem: OdeProblem, n: number, ctx: StepperContext): Stepper => {
  switch (method) {
    case 'dopri5': return makeDopri5(problem.rhs, n, ctx);
    case 'dop853': return makeDop853(problem.rhs, n, ctx);
    case 'rk4': return makeRk4(problem.rhs, n, ctx);
    case 'euler': return makeEuler(problem.rhs, n, ctx);
    case 'rodas4': return makeRodas4(problem, n, ctx);
    case 'auto': return makeAuto(problem, n, ctx);
  }
};

/** Check the problem and options; a string names what is wrong. */
export const validateProblem = (problem: OdeProblem, options: SolveOptions): string | undefined => {
  const method = options.method ?? 'dopri5';
  const n = problem.u0.length;
  if (!(FIXED_METHODS as readonly string[]).includes(method) && !(ADAPTIVE_METHODS as readonly string[]).includes(method))
    return `unknown method "${method}"; expected one of ${[...ADAPTIVE_METHODS, ...FIXED_METHODS].join(', ')}`;
  if (n === 0) return 'the state u0 is empty';
  const bad = firstNonFinite(problem.u0);
  if (bad >= 0) return `u0[${bad}] is ${problem.u0[bad]}; every initial value must be finite`;
  const [t0, t1] = problem.tspan;
  if (!Number.isFinite(t0) || !Number.isFinite(t1)) return `tspan [${t0}, ${t1}] must be finite`;
  const rtol = options.rtol ?? DEFAULT_RTOL;
  if (!(rtol > 0) || rtol >= 1) return `rtol = ${rtol}; expected 0 < rtol < 1`;
  const atol = options.atol ?? DEFAULT_ATOL;
  if (typeof atol === 'number') { if (!(atol >= 0)) return `atol = ${atol}; expected atol >= 0`; }
  else if (atol.length !== n) return `atol has ${atol.length} entries; expected ${n} (one per state component)`;
  if ((FIXED_METHODS as readonly string[]).includes(method) && !(options.h !== undefined && options.h > 0 && Number.isFinite(options.h)))
    return `method "${method}" needs a fixed step h > 0 (got ${options.h})`;
  if (options.h0 !== undefined && !(options.h0 > 0)) return `h0 = ${options.h0}; expected h0 > 0`;
  if (options.hmax !== undefined && !(options.hmax > 0)) return `hmax = ${options.hmax}; expected hmax > 0`;
  if (options.maxSteps !== undefined && !(options.maxSteps >= 1)) return `maxSteps = ${options.maxSteps}; expected >= 1`;
  const sa = options.saveAt;
  if (sa && 'times' in sa) {
    const lo = Math.min(t0, t1), hi = Math.max(t0, t1);
    for (const t of sa.times) if (!(t >= lo && t <= hi)) return `saveAt time ${t} lies outside tspan [${t0}, ${t1}]`;
  }
  if (sa && 'n' in sa && !(sa.n >= 2)) return `saveAt.n = ${sa.n}; expected at least 2`;
  return undefined;
};

/** Assemble a Solution from what a recorder holds. */
export const buildSolution = (
  method: string, rec: Recorder, stats: SolveStats, warnings: string[], tEnd: number, uEnd: Float64Array,
  terminated: boolean, dense: boolean, t0: number, u0: Float64Array,
): Solution => ({
  method,
  t: rec.t,
  u: rec.u,
  events: rec.events,
  stats,
  warnings,
  tEnd,
  uEnd,
  terminated,
  ...(dense ? { at: denseInterpolant(rec.segments, t0, u0) } : {}),
});

/** Warnings derived from the stats of a finished (or failed) solve. */
export const statsWarnings = (stats: SolveStats, method: string): string[] => {
  const w: string[] = [];
  if (stats.stiffAt !== undefined && method !== 'auto' && method !== 'rodas4')
    w.push(`stiffness detected at t = ${stats.stiffAt.toPrecision(6)} (explicit steps limited by stability, not accuracy); method "auto" (which switches to "rodas4" where that pays) can be much cheaper`);
  if (stats.steps >= 2000 && stats.rejected > 0.25 * stats.steps)
    w.push(`${stats.rejected} of ${stats.steps} steps were rejected: the right-hand side is probably not smooth (a relu/leaky_relu kink, SPEC §8); a smooth activation or a fixed-step method avoids the crawl`);
  return w;
};

export const solve = (problem: OdeProblem, options: SolveOptions = {}): E.Either<SolveFailure, Solution> => {
  const [t0, t1] = problem.tspan;
  const invalid = validateProblem(problem, options);
  if (invalid) return E.left(failure('invalidProblem', invalid, t0));
  const method = options.method ?? 'dopri5';
  if (method === 'odex') return solveOdex(problem, options);

  const n = problem.u0.length;
  const u0 = problem.u0.slice();
  const rtol = options.rtol ?? DEFAULT_RTOL;
  const atol = expandTolerance(options.atol ?? DEFAULT_ATOL, n);
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  const dense = options.dense === true;
  const events = options.events ?? [];
  const stats = emptyStats();
  const rec = makeRecorder(n, t0, t1, u0, options.saveAt, events, dense);
  const warnings: string[] = [];
  const fail = (code: Parameters<typeof failure>[0], message: string, t: number, u: Float64Array, extra: { h?: number; component?: number } = {}) =>
    E.left(failure(code, message, t, { ...extra, partial: buildSolution(method, rec, stats, [...warnings, ...statsWarnings(stats, method)], t, u.slice(), false, dense, t0, u0) }));

  if (t0 === t1) return E.right(buildSolution(method, rec, stats, warnings, t0, u0, false, dense, t0, u0));

  const dir = t1 > t0 ? 1 : -1;
  const span = Math.abs(t1 - t0);
  const hmax = Math.min(options.hmax ?? span, span);
  const stepper = makeStepper(method, problem, n, { rtol, atol, stats });
  try {
    stepper.init(t0, u0);
    const bad0 = firstNonFinite(stepper.f);
    if (bad0 >= 0) return fail('nonFinite', `f(t0, u0)[${bad0}] is ${stepper.f[bad0]}`, t0, u0, { component: bad0 });

    let u = u0.slice();
    let uNew = new Float64Array(n);
    let h: number;
    if (!stepper.adaptive) h = Math.min(options.h!, span);
    else if (options.h0 !== undefined) h = Math.min(options.h0, hmax);
    else {
      h = initialStep(problem.rhs, t0, u0, stepper.f, dir, stepper.errorOrder + 1, rtol, atol, hmax, uNew, new Float64Array(n));
      stats.rhsEvals++;
    }
    h *= dir;
    let order = stepper.errorOrder;
    let ctrl = makeController(order, method === 'dop853' ? 0 : 0.04);
    let lastRejected = false;
    let t = t0;
    let badComponent = -1;
    const monitor = makeStiffnessMonitor();
    const detect = options.detectStiffness !== false && (method === 'dopri5' || method === 'dop853');
    const progressEvery = options.progressEvery ?? 100;
    const view = {
      tA: 0, tB: 0, uB: uNew,
      interpolate: (tt: number, out: Float64Array) => stepper.interpolate(tt, out),
      segment: () => stepper.segment(),
    };

    for (;;) {
      if (options.signal?.aborted) return fail('interrupted', `interrupted at t = ${t}`, t, u);
      if (stats.steps >= maxSteps) return fail('maxSteps', `reached maxSteps = ${maxSteps} at t = ${t} (of ${t1})`, t, u, { h });
      const hmin = 16 * Number.EPSILON * Math.abs(t) + 1e-300;
      if (Math.abs(h) < hmin) {
        if (badComponent >= 0) return fail('nonFinite', `the state became non-finite (component ${badComponent}) near t = ${t}`, t, u, { h, component: badComponent });
        return fail('stepSizeTooSmall', `step size ${Math.abs(h).toExponential(3)} fell below the resolution of t = ${t}`, t, u, { h });
      }
      let last = false;
      if (!stepper.adaptive) {
        // Fixed steps land on t0 + k h exactly (no accumulated rounding); the last one is shortened to t1.
        const hNom = dir * options.h!;
        const tNext = t0 + (stats.steps + 1) * hNom;
        h = tNext - t;
        if (dir * (tNext - t1) >= -1e-9 * Math.abs(hNom)) { h = t1 - t; last = true; }
      } else if (dir * (t + h - t1) >= 0 || Math.abs(t1 - (t + h)) < hmin) { h = t1 - t; last = true; }
      const err = stepper.attempt(t, u, h, uNew);
      stats.steps++;
      if (!stepper.adaptive) {
        const bad = firstNonFinite(uNew);
        if (bad >= 0) return fail('nonFinite', `the state became non-finite (component ${bad}) in the step from t = ${t}`, t, u, { h, component: bad });
      } else if (!(err <= 1)) {
        stats.rejected++;
        if (!Number.isFinite(err)) { const bad = firstNonFinite(uNew); if (bad >= 0) badComponent = bad; }
        h *= rejectFactor(ctrl, err);
        lastRejected = true;
        continue;
      }
      stepper.accept(t, u, h, uNew);
      stats.accepted++;
      badComponent = -1;
      const tNew = last ? t1 : t + h;
      view.tA = t;
      view.tB = tNew;
      view.uB = uNew;
      const stop = rec.step(view);
      if (detect && stats.stiffAt === undefined && observeStiffness(monitor, stepper.stiffnessRatio(), stepper.stabilityBoundary)) stats.stiffAt = tNew;
      if (stop) {
        return E.right(buildSolution(method, rec, stats, [...warnings, ...statsWarnings(stats, method)], stop.t, stop.u, true, dense, t0, u0));
      }
      const tmp = u; u = uNew; uNew = tmp;
      t = tNew;
      if (last) break;
      if (options.onProgress && stats.accepted % progressEvery === 0) options.onProgress(t);
      if (stepper.adaptive) {
        if (stepper.errorOrder !== order) { order = stepper.errorOrder; ctrl = makeController(order); }
        let fac = acceptFactor(ctrl, err);
        if (lastRejected) fac = Math.min(fac, 1);
        lastRejected = false;
        h *= fac;
        if (Math.abs(h) > hmax) h = dir * hmax;
      }
    }
    return E.right(buildSolution(method, rec, stats, [...warnings, ...statsWarnings(stats, method)], t1, u.slice(), false, dense, t0, u0));
  } finally {
    stepper.release?.();
  }
};
