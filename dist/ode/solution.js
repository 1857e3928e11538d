import { denseInterpolant } from "./recorder.js";
export const emptyStats = () => ({
    rhsEvals: 0,
    steps: 0,
    accepted: 0,
    rejected: 0,
    jacobians: 0,
    factorizations: 0,
    switches: [],
});
/** Warnings derived from the stats of a finished (or failed) solve. */
export const statsWarnings = (stats) => {
    const w = [];
    if (stats.stiffAt !== undefined)
        w.push({ code: 'stiffness', t: stats.stiffAt, message: `stiffness detected at t = ${stats.stiffAt.toPrecision(6)} (explicit steps limited by stability, not accuracy); method "auto" (which switches to a stiff method where that pays) can be much cheaper` });
    if (stats.steps >= 2000 && stats.rejected > 0.25 * stats.steps)
        w.push({ code: 'rejectedSteps', message: `${stats.rejected} of ${stats.steps} steps were rejected: the right-hand side is probably not smooth (a kink, such as relu's); a smooth function or a fixed-step method avoids the crawl` });
    return w;
};
/** Assemble a Solution from what a recorder holds (shared by solve's loop and solvers with their own loop). */
export const buildSolution = (method, rec, stats, tEnd, uEnd, terminated, dense, t0, u0) => ({
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
//# sourceMappingURL=solution.js.map