/**
 * `solve(problem, solver, options)`: the one integration loop of egan (diffrax's
 * diffeqsolve). It validates the problem and the solver's settings, asks the
 * solver for its stepper, runs step control (PI controller, automatic initial
 * step), saves output and locates events through the recorder, and turns every
 * way of failing into a `SolveFailure` value carrying what was computed until
 * then.
 *
 * @example
 * import { solve, dopri5 } from 'egan/ode';
 * const r = solve({ rhs: (_t, u, du) => { du[0] = -u[0]; }, u0: Float64Array.of(1), tspan: [0, 1] }, dopri5({ rtol: 1e-8 }));
 * // r._tag === 'Right', r.right.uEnd[0] ≈ exp(-1)
 */
import * as E from 'fp-ts/lib/Either.js';
import type { OdeProblem } from './problem.ts';
import { CRAWL, type SolveOptions } from './options.ts';
import { failure, type SolveFailure } from './failure.ts';
import { buildSolution, crawlWarning, emptyStats, type Solution } from './solution.ts';
import { expandTolerance, firstNonFinite } from './norm.ts';
import { initialStep } from './initialStep.ts';
import { acceptFactor, makeController, rejectFactor } from './controller.ts';
import { makeRecorder } from './recorder.ts';
import { makeStiffnessMonitor, observeStiffness } from './stiffness.ts';
import type { Solver } from './solver.ts';
import { dopri5 } from './solvers/dopri5.ts';
import { checkpointMismatch, type SolveCheckpoint } from './checkpoint.ts';

/** A value as the caller passed it, for an error message: its JSON where it has one (cut at 60 characters), else its kind. */
const got = (x: unknown): string => {
  if (typeof x === 'function') return 'a function';
  if (ArrayBuffer.isView(x)) return `a ${x.constructor.name}`;
  let s: string;
  try { s = JSON.stringify(x) ?? String(x); } catch { s = String(x); }
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

/**
 * The problem's and solver's shape, for callers from plain JavaScript (TypeScript checks it): without this, a
 * misspelt field would throw a TypeError from deep inside the solve instead of returning an invalidProblem.
 */
const problemShape = (problem: OdeProblem, solver: Solver): string | undefined => {
  const p = problem as unknown as Record<string, unknown> | null;
  if (typeof p !== 'object' || p === null) return `problem: got ${got(p)}; expected { rhs, u0, tspan }`;
  if (typeof p.rhs !== 'function') return `problem.rhs: got ${got(p.rhs)}; expected a function (t, u, du) that writes du`;
  // By tag, not instanceof: a Float64Array made in another realm (a vm context) is one too.
  if (Object.prototype.toString.call(p.u0) !== '[object Float64Array]') return `problem.u0: got ${got(p.u0)}; expected a Float64Array (e.g. Float64Array.of(1, 0))`;
  const ts = p.tspan as unknown;
  if (!(Array.isArray(ts) && ts.length === 2 && typeof ts[0] === 'number' && typeof ts[1] === 'number')) return `problem.tspan: got ${got(ts)}; expected [t0, t1], two numbers`;
  const v = solver as unknown as Record<string, unknown> | null;
  if (typeof v !== 'object' || v === null || (typeof v.stepper !== 'function' && typeof v.integrate !== 'function')) return `solver: got ${got(v)}; expected a solver value such as dopri5() or rk4({ h: 0.01 })`;
  return undefined;
};

/** What is wrong with the problem, the solver's settings or the options, or undefined. */
export const validateProblem = (problem: OdeProblem, solver: Solver, options: SolveOptions = {}): string | undefined => {
  const shape = problemShape(problem, solver);
  if (shape) return shape;
  const n = problem.u0.length;
  if (n === 0) return 'the state u0 is empty';
  const bad = firstNonFinite(problem.u0);
  if (bad >= 0) return `u0[${bad}] is ${problem.u0[bad]}; every initial value must be finite`;
  const [t0, t1] = problem.tspan;
  if (!Number.isFinite(t0) || !Number.isFinite(t1)) return `tspan [${t0}, ${t1}] must be finite`;
  const name = solver.name;
  if (solver.adaptive) {
    if (!(solver.rtol > 0) || solver.rtol >= 1) return `${name}: rtol = ${solver.rtol}; expected 0 < rtol < 1`;
    const atol = solver.atol;
    if (typeof atol === 'number') { if (!(atol >= 0)) return `${name}: atol = ${atol}; expected atol >= 0`; }
    else if (atol.length !== n) return `${name}: atol has ${atol.length} entries; expected ${n} (one per state component)`;
    if (solver.h0 !== undefined && !(solver.h0 > 0)) return `${name}: h0 = ${solver.h0}; expected h0 > 0`;
    if (solver.hmax !== undefined && !(solver.hmax > 0)) return `${name}: hmax = ${solver.hmax}; expected hmax > 0`;
  } else if (!(solver.h !== undefined && solver.h > 0 && Number.isFinite(solver.h))) return `${name} needs a fixed step h > 0 (got ${solver.h})`;
  if (!(solver.maxSteps >= 1)) return `${name}: maxSteps = ${solver.maxSteps}; expected >= 1`;
  const sa = options.saveAt;
  // The shape too, for callers from plain JavaScript (TypeScript checks it): an array, say, is not a SaveAt.
  if (sa !== undefined) {
    const o = sa as unknown as Record<string, unknown>;
    const shaped = typeof sa === 'object' && sa !== null && !Array.isArray(sa)
      && (('times' in o && (Array.isArray(o.times) || ArrayBuffer.isView(o.times))) || ('n' in o && typeof o.n === 'number') || ('steps' in o && o.steps === true));
    if (!shaped) return `saveAt: got ${got(sa)}; expected { times: [t, ...] }, { n: count } or { steps: true }`;
  }
  if (sa && 'times' in sa) {
    const lo = Math.min(t0, t1), hi = Math.max(t0, t1);
    for (const t of sa.times) if (!(t >= lo && t <= hi)) return `saveAt time ${t} lies outside tspan [${t0}, ${t1}]`;
  }
  if (sa && 'n' in sa && !(sa.n >= 2)) return `saveAt.n = ${sa.n}; expected at least 2`;
  const ck = options.checkpoint;
  if (ck || options.resume) {
    const use = ck ? 'checkpoints' : 'resume';
    if (solver.adaptive || solver.integrate) return `${name}: ${use} need a fixed-step method whose steps carry no memory (rk4, euler); an error-controlled method's controller and stages are not captured`;
    if (!solver.resumable) return `${name}: ${use} need a method whose steps carry no memory (rk4, euler); ${name}'s stepper keeps state between steps`;
    if (options.dense) return `${use} do not keep dense output; expected dense: false`;
  }
  if (ck) {
    if (ck.everySteps !== undefined && !(Number.isInteger(ck.everySteps) && ck.everySteps >= 1)) return `checkpoint.everySteps = ${ck.everySteps}; expected an integer >= 1`;
    if (ck.everySeconds !== undefined && !(ck.everySeconds > 0)) return `checkpoint.everySeconds = ${ck.everySeconds}; expected a number > 0`;
  }
  if (options.resume) return checkpointMismatch(options.resume, { method: name, h: solver.h, t0, t1, n, saveAt: options.saveAt, events: options.events?.length ?? 0 });
  return undefined;
};

export const solve = (problem: OdeProblem, solver: Solver = dopri5(), options: SolveOptions = {}): E.Either<SolveFailure, Solution> => {
  const invalid = validateProblem(problem, solver, options);
  // The failure's time is t0, or 0 where the problem has no time span to take it from.
  if (invalid) return E.left(failure('invalidProblem', invalid, Array.isArray(problem?.tspan) && Number.isFinite(problem.tspan[0]) ? problem.tspan[0] : 0));
  const [t0, t1] = problem.tspan;
  if (solver.integrate) return solver.integrate(problem, solver, options);
  const method = solver.name;

  const n = problem.u0.length;
  const u0 = problem.u0.slice();
  const rtol = solver.rtol;
  const atol = expandTolerance(solver.atol, n);
  const maxSteps = solver.maxSteps;
  const dense = options.dense === true;
  const events = options.events ?? [];
  const stats = emptyStats();
  const from = options.resume;
  if (from) Object.assign(stats, from.stats, { switches: from.stats.switches.map((x) => ({ ...x })) });
  const rec = makeRecorder(n, t0, t1, u0, options.saveAt, events, dense, from?.recorder);
  const fail = (code: Parameters<typeof failure>[0], message: string, t: number, u: Float64Array, extra: { h?: number; component?: number } = {}) =>
    E.left(failure(code, message, t, { ...extra, partial: buildSolution(method, rec, stats, t, u.slice(), false, dense, t0, u0) }));

  if (t0 === t1) return E.right(buildSolution(method, rec, stats, t0, u0, false, dense, t0, u0));

  const dir = t1 > t0 ? 1 : -1;
  const span = Math.abs(t1 - t0);
  const hmax = Math.min(solver.hmax ?? span, span);
  const stepper = solver.stepper(problem, n, { rtol, atol, stats });
  try {
    const ck = options.checkpoint;
    const tStart = from ? from.t : t0;
    const uStart = from ? from.u.slice() : u0;
    stepper.init(tStart, uStart);
    // The stats describe the solve as if it had not stopped: the call that re-derives f at a checkpoint is not counted.
    if (from) stats.rhsEvals = from.stats.rhsEvals;
    const bad0 = firstNonFinite(stepper.f);
    if (bad0 >= 0) return fail('nonFinite', `f(${from ? 't' : 't0'}, ${from ? 'u' : 'u0'})[${bad0}] is ${stepper.f[bad0]}${from ? ` at the checkpoint's t = ${tStart}` : ''}`, tStart, uStart, { component: bad0 });

    let u = uStart.slice();
    let uNew = new Float64Array(n);
    let h: number;
    if (!stepper.adaptive) h = Math.min(solver.h!, span);
    else if (solver.h0 !== undefined) h = Math.min(solver.h0, hmax);
    else {
      h = initialStep(problem.rhs, t0, u0, stepper.f, dir, stepper.errorOrder + 1, rtol, atol, hmax, uNew, new Float64Array(n));
      stats.rhsEvals++;
    }
    h *= dir;
    let order = stepper.errorOrder;
    let ctrl = makeController(order, stepper.piBeta ?? 0.04);
    let lastRejected = false;
    let t = tStart;
    // Checkpoints (fixed-step methods only): the state after an accepted step, with everything recorded so far.
    const snapshot = (): SolveCheckpoint => ({ method, h: solver.h!, t0, t1, saveAt: options.saveAt, t, u: u.slice(), stats: { ...stats, switches: stats.switches.map((x) => ({ ...x })) }, recorder: rec.snapshot() });
    let nextCkAt = ck?.everySeconds !== undefined ? Date.now() + 1000 * ck.everySeconds : Infinity;
    let badComponent = -1;
    const monitor = makeStiffnessMonitor();
    const detect = options.detectStiffness !== false && solver.stiffnessTest;
    const progressEvery = options.progressEvery ?? 100;
    let nextCrawlCheck: number = CRAWL.after;
    const view = {
      tA: 0, tB: 0, uB: uNew,
      interpolate: (tt: number, out: Float64Array) => stepper.interpolate(tt, out),
      segment: () => stepper.segment(),
    };

    for (;;) {
      if (options.signal?.aborted) {
        if (ck && stats.accepted > (from?.stats.accepted ?? 0)) ck.save(snapshot(), 'interrupted');
        return fail('interrupted', `interrupted at t = ${t}`, t, u);
      }
      if (stats.steps >= maxSteps) return fail('maxSteps', `reached maxSteps = ${maxSteps} at t = ${t} (of ${t1})`, t, u, { h });
      const hmin = 16 * Number.EPSILON * Math.abs(t) + 1e-300;
      if (Math.abs(h) < hmin) {
        if (badComponent >= 0) return fail('nonFinite', `the state became non-finite (component ${badComponent}) near t = ${t}`, t, u, { h, component: badComponent });
        return fail('stepSizeTooSmall', `step size ${Math.abs(h).toExponential(3)} fell below the resolution of t = ${t}`, t, u, { h });
      }
      let last = false;
      if (!stepper.adaptive) {
        // Fixed steps land on t0 + k h exactly (no accumulated rounding); the last one is shortened to t1.
        const hNom = dir * solver.h!;
        const tNext = t0 + (stats.steps + 1) * hNom;
        h = tNext - t;
        if (dir * (tNext - t1) >= -1e-9 * Math.abs(hNom)) { h = t1 - t; last = true; }
      } else if (dir * (t + h - t1) >= 0 || Math.abs(t1 - (t + h)) < hmin) { h = t1 - t; last = true; }
      const err = stepper.attempt(t, u, h, uNew);
      stats.steps++;
      if (!stepper.adaptive) {
        const bad = stepper.checksFinite && err === 0 ? -1 : firstNonFinite(uNew);
        if (bad >= 0) return fail('nonFinite', `the state became non-finite (component ${bad}) in the step from t = ${t}`, t, u, { h, component: bad });
      } else if (!(err <= 1)) {
        stats.rejected++;
        if (!Number.isFinite(err)) { const bad = firstNonFinite(uNew); if (bad >= 0) badComponent = bad; }
        h *= stepper.nextFactor?.(err, false) ?? rejectFactor(ctrl, err);
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
      if (stepper.adaptive && stats.crawlAt === undefined && stats.steps >= nextCrawlCheck) {
        nextCrawlCheck = stats.steps + CRAWL.every;
        if (stats.rejected > CRAWL.rejected * stats.steps && stats.steps * span > CRAWL.projected * Math.abs(tNew - t0)) {
          stats.crawlAt = tNew;
          options.onWarning?.(crawlWarning(tNew, stats), stats);
          if (options.onCrawl === 'stop') return fail('crawl', `stopped crawling at t = ${tNew} (${stats.steps} steps, ${stats.rejected} rejected; at this pace ~${Math.round(stats.steps * span / Math.abs(tNew - t0))} steps to t1)`, tNew, uNew);
        }
      }
      if (stop) {
        return E.right(buildSolution(method, rec, stats, stop.t, stop.u, true, dense, t0, u0));
      }
      const tmp = u; u = uNew; uNew = tmp;
      t = tNew;
      if (last) break;
      if (ck && ((ck.everySteps !== undefined && stats.accepted % ck.everySteps === 0) || Date.now() >= nextCkAt)) {
        ck.save(snapshot(), 'periodic');
        if (ck.everySeconds !== undefined) nextCkAt = Date.now() + 1000 * ck.everySeconds;
      }
      if (options.onProgress && stats.accepted % progressEvery === 0) options.onProgress(t);
      if (stepper.adaptive) {
        if (stepper.errorOrder !== order) { order = stepper.errorOrder; ctrl = makeController(order, stepper.piBeta ?? 0.04); }
        let fac = stepper.nextFactor?.(err, true);
        if (fac === undefined) {
          fac = acceptFactor(ctrl, err);
          if (lastRejected) fac = Math.min(fac, 1);
        }
        lastRejected = false;
        h *= fac;
        if (Math.abs(h) > hmax) h = dir * hmax;
      }
    }
    return E.right(buildSolution(method, rec, stats, t1, u.slice(), false, dense, t0, u0));
  } finally {
    stepper.release?.();
  }
};
