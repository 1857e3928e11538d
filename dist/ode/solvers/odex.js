/**
 * Adapter for the `odex` package (E. Hairer's ODEX, GBS extrapolation,
 * ported by C. Smith): same options, saveAt, events, failure values and
 * Solution shape as the native methods.
 *
 * odex's Solver is a mutable object with its own loop; it is created and
 * used only inside this function. Its dense output is valid only during the
 * step callback, so saveAt points and events are taken there through the
 * shared recorder; for `dense: true` each step's interpolant is sampled at 12
 * Chebyshev points and kept as a barycentric polynomial (exact for
 * polynomials of degree <= 11, beyond odex's interpolation degree at the
 * default settings). odex allocates arrays per right-hand-side call: the
 * no-allocation guarantee of egan holds for the native methods only.
 */
import * as E from 'fp-ts/lib/Either.js';
import { createRequire } from 'node:module';
import { failure } from "../failure.js";
import { buildSolution, emptyStats } from "../solution.js";
import { makeRecorder } from "../recorder.js";
import { firstNonFinite } from "../norm.js";
import { defineSolver, registerSolver } from "../solver.js";
let odexModule;
const loadOdex = () => (odexModule ??= createRequire(import.meta.url)('odex'));
const CHEB = 12;
const chebSegment = (tA, tB, n, dense) => {
    const nodes = new Float64Array(CHEB);
    const weights = new Float64Array(CHEB);
    const vals = new Float64Array(CHEB * n);
    for (let k = 0; k < CHEB; k++) {
        const th = Math.PI * (k + 0.5) / CHEB;
        nodes[k] = 0.5 * (tA + tB) + 0.5 * (tB - tA) * Math.cos(th);
        weights[k] = (k % 2 === 0 ? 1 : -1) * Math.sin(th); // first-kind Chebyshev barycentric weights
        for (let i = 0; i < n; i++)
            vals[k * n + i] = dense(i, nodes[k]);
    }
    return {
        tA, tB,
        eval(t, out) {
            let den = 0;
            out.fill(0);
            for (let k = 0; k < CHEB; k++) {
                const d = t - nodes[k];
                if (d === 0) {
                    for (let i = 0; i < n; i++)
                        out[i] = vals[k * n + i];
                    return;
                }
                const w = weights[k] / d;
                den += w;
                for (let i = 0; i < n; i++)
                    out[i] += w * vals[k * n + i];
            }
            for (let i = 0; i < n; i++)
                out[i] /= den;
        },
    };
};
const solveOdex = (problem, solver, options) => {
    const { Solver: GbsSolver, Outcome } = loadOdex();
    const [t0, t1] = problem.tspan;
    const n = problem.u0.length;
    const u0 = problem.u0.slice();
    const stats = emptyStats();
    const dense = options.dense === true;
    const rec = makeRecorder(n, t0, t1, u0, options.saveAt, options.events ?? [], dense);
    if (t0 === t1)
        return E.right(buildSolution('odex', rec, stats, t0, u0, false, dense, t0, u0));
    const s = new GbsSolver(n);
    s.denseOutput = true;
    s.relativeTolerance = solver.rtol;
    const atol = solver.atol;
    s.absoluteTolerance = typeof atol === 'number' ? atol : Array.from(atol);
    s.maxSteps = solver.maxSteps;
    if (solver.h0 !== undefined)
        s.initialStepSize = solver.h0;
    if (solver.hmax !== undefined)
        s.maxStepSize = solver.hmax;
    const uIn = new Float64Array(n);
    const du = new Float64Array(n);
    const f = (x, y) => {
        for (let i = 0; i < n; i++)
            uIn[i] = y[i];
        problem.rhs(x, uIn, du);
        return Array.from(du);
    };
    let stop;
    let abort;
    let tLast = t0;
    let uLast = u0.slice();
    const uB = new Float64Array(n);
    let steps = 0;
    const res = s.solve(f, t0, Array.from(u0), t1, (nr, xold, x, y, interp) => {
        if (nr === 1)
            return true;
        for (let i = 0; i < n; i++)
            uB[i] = y[i];
        if (firstNonFinite(uB) >= 0) {
            abort = 'nonFinite';
            return false;
        }
        if (options.signal?.aborted) {
            abort = 'interrupted';
            return false;
        }
        const view = {
            tA: xold, tB: x, uB,
            interpolate: (t, out) => { for (let i = 0; i < n; i++)
                out[i] = interp(i, t); },
            segment: () => chebSegment(xold, x, n, interp),
        };
        stop = rec.step(view);
        tLast = x;
        uLast = uB.slice();
        steps++;
        if (options.onProgress && steps % (options.progressEvery ?? 100) === 0)
            options.onProgress(x);
        return stop === undefined;
    });
    stats.rhsEvals = res.nEval;
    stats.steps = res.nStep;
    stats.accepted = res.nAccept;
    stats.rejected = res.nReject;
    const partial = () => buildSolution('odex', rec, stats, tLast, uLast, false, dense, t0, u0);
    if (abort === 'nonFinite')
        return E.left(failure('nonFinite', `the state became non-finite after t = ${tLast}`, tLast, { partial: partial() }));
    if (abort === 'interrupted')
        return E.left(failure('interrupted', `interrupted at t = ${tLast}`, tLast, { partial: partial() }));
    if (stop)
        return E.right(buildSolution('odex', rec, stats, stop.t, stop.u, true, dense, t0, u0));
    if (res.outcome === Outcome.MaxStepsExceeded)
        return E.left(failure('maxSteps', `reached maxSteps = ${s.maxSteps} at t = ${res.xEnd} (of ${t1})`, res.xEnd, { partial: partial() }));
    const yEnd = Float64Array.from(res.y);
    const bad = firstNonFinite(yEnd);
    if (bad >= 0)
        return E.left(failure('nonFinite', `the final state is non-finite (component ${bad})`, res.xEnd, { component: bad, partial: partial() }));
    if (res.outcome !== Outcome.Converged || res.xEnd !== t1)
        return E.left(failure('stepSizeTooSmall', `odex stopped at t = ${res.xEnd} before t1 = ${t1}`, res.xEnd, { partial: partial() }));
    return E.right(buildSolution('odex', rec, stats, t1, yEnd, false, dense, t0, u0));
};
/**
 * The `odex` package's GBS extrapolation (Hairer's ODEX) behind egan's solver interface: same settings,
 * saveAt, events, failures and Solution; its own integration loop.
 * @example
 * solve(problem, odex({ rtol: 1e-10, atol: 1e-10 }));
 */
export const odex = defineSolver({
    name: 'odex', adaptive: true, integrate: solveOdex,
    stepper: () => { throw new Error('odex has its own integration loop (integrate); it has no stepper'); },
});
registerSolver({ name: 'odex', adaptive: true, description: "the odex package's GBS extrapolation (Hairer's ODEX), error-controlled", make: odex });
//# sourceMappingURL=odex.js.map