import { defineSolver, registerSolver } from "../solver.js";
import { makeDopri5 } from "./dopri5.js";
import { makeRodas4 } from "./rodas4.js";
import { makeStiffnessMonitor, observeStiffness } from "../stiffness.js";
/** Consecutive Rosenbrock steps dearer than dopri5 before dopri5 takes over again. */
const PROBE = 10;
/** How much dearer per unit time the Rosenbrock phase may be before dopri5 takes over again. */
const MARGIN = 1.5;
/** rhs calls per dopri5 step (FSAL). */
const EXPLICIT_CALLS = 6;
export const makeAuto = (problem, n, ctx) => {
    const ex = makeDopri5(problem.rhs, n, ctx);
    const im = makeRodas4(problem, n, ctx);
    let cur = ex;
    let last = ex;
    const monitor = makeStiffnessMonitor();
    let relaxed = 0;
    // rhs calls at the start of the current stiff phase, its accepted steps, and the run of steps dearer than dopri5.
    let callsIn = 0, stepsIn = 0, dearer = 0;
    const toExplicit = (t, uNew) => {
        ex.init(t, uNew);
        cur = ex;
        monitor.stiff = 0;
        monitor.nonStiff = 0;
        ctx.stats.switches.push({ t, to: ex.name });
    };
    return {
        name: 'auto',
        get errorOrder() { return cur.errorOrder; },
        adaptive: true,
        get stabilityBoundary() { return cur.stabilityBoundary; },
        get piBeta() { return cur.piBeta; },
        get f() { return cur.f; },
        init(t0, u0) { cur.init(t0, u0); },
        attempt: (t, u, h, uNew) => cur.attempt(t, u, h, uNew),
        accept(t, u, h, uNew) {
            cur.accept(t, u, h, uNew);
            last = cur;
            const ratio = cur.stiffnessRatio();
            if (cur === ex) {
                if (observeStiffness(monitor, ratio, ex.stabilityBoundary)) {
                    im.init(t + h, uNew);
                    cur = im;
                    relaxed = 0;
                    callsIn = ctx.stats.rhsEvals;
                    stepsIn = 0;
                    dearer = 0;
                    ctx.stats.switches.push({ t: t + h, to: im.name });
                }
            }
            else {
                relaxed = ratio < 0.5 * ex.stabilityBoundary ? relaxed + 1 : 0;
                if (relaxed >= 10) {
                    toExplicit(t + h, uNew);
                    return;
                }
                // Cost per unit time: a Rosenbrock step costs its share of calls since the switch (Jacobian included) over
                // h; dopri5 6 calls over at most boundary / rho: dopri5 is cheaper when h rho < boundary * cIm / (6 MARGIN).
                stepsIn++;
                const cIm = (ctx.stats.rhsEvals - callsIn) / stepsIn;
                dearer = ratio < (ex.stabilityBoundary * cIm) / (EXPLICIT_CALLS * MARGIN) ? dearer + 1 : 0;
                if (dearer >= PROBE) {
                    monitor.needed *= 2;
                    toExplicit(t + h, uNew);
                }
            }
        },
        interpolate: (t, out) => last.interpolate(t, out),
        segment: () => last.segment(),
        stiffnessRatio: () => last.stiffnessRatio(),
        release() { ex.release?.(); im.release?.(); },
    };
};
/**
 * dopri5 switching to RODAS4 where the flow turns stiff, and back where the stiff phase costs more per unit
 * time (see above).
 * @example
 * solve(problem, auto({ rtol: 1e-6 }));
 */
export const auto = defineSolver({ name: 'auto', adaptive: true, stepper: (p, n, ctx) => makeAuto(p, n, ctx) });
registerSolver({ name: 'auto', adaptive: true, description: 'dopri5, switching to rodas4 where the flow turns stiff and back where that pays', make: auto });
//# sourceMappingURL=auto.js.map