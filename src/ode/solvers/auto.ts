/**
 * method "auto": starts with dopri5 and switches to RODAS4 when Hairer's
 * stiffness test fires 15 times (see stiffness.ts), and back to dopri5 when
 * the Rosenbrock step h times the Jacobian's spectral radius has stayed
 * below half of dopri5's stability boundary for 10 steps, i.e. when an
 * explicit method could take the same step stably (the idea of LSODA and of
 * Julia's AutoTsit5(Rosenbrock23)). Switches are recorded in the stats.
 *
 * It also switches back when the stiff phase does not pay (a choice of ours,
 * in the spirit of LSODA's cost comparison): after PROBE Rosenbrock steps it
 * compares their measured cost, rhs calls per unit time including the
 * finite-difference Jacobians (~n calls each), with the least an explicit
 * method needs at the same spectral radius rho, 6 calls per step of at most
 * boundary / rho. When the Rosenbrock phase is dearer by more than MARGIN,
 * dopri5 takes over again and the stiffness test then needs twice as many
 * stiff steps before it fires again (so a mildly stiff problem does not
 * switch back and forth). Measured on SPEC §8's 64-particle tanh run
 * (n = 257, dopri5 stability-limited from t = 37): 13,574 rhs calls before,
 * against 4,286 for dopri5 alone.
 */
import type { OdeProblem } from '../problem.ts';
import type { Stepper, StepperContext } from '../stepper.ts';
import { makeDopri5 } from './dopri5.ts';
import { makeRodas4 } from './rodas4.ts';
import { makeStiffnessMonitor, observeStiffness } from '../stiffness.ts';

/** Rosenbrock steps after a switch before their cost is compared with the explicit method's. */
const PROBE = 3;
/** How much dearer per unit time the Rosenbrock phase may be before dopri5 takes over again. */
const MARGIN = 1.5;
/** rhs calls per dopri5 step (FSAL). */
const EXPLICIT_CALLS = 6;

export const makeAuto = (problem: OdeProblem, n: number, ctx: StepperContext): Stepper => {
  const ex = makeDopri5(problem.rhs, n, ctx);
  const im = makeRodas4(problem, n, ctx);
  let cur: Stepper = ex;
  let last: Stepper = ex;
  const monitor = makeStiffnessMonitor();
  let relaxed = 0;
  // Start of the current stiff phase (time, rhs calls so far) and its accepted steps.
  let tIn = 0, callsIn = 0, stepsIn = 0;
  const toExplicit = (t: number, uNew: Float64Array) => {
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
          tIn = t + h;
          callsIn = ctx.stats.rhsEvals;
          stepsIn = 0;
          ctx.stats.switches.push({ t: t + h, to: im.name });
        }
      } else {
        relaxed = ratio < 0.5 * ex.stabilityBoundary ? relaxed + 1 : 0;
        if (relaxed >= 10) { toExplicit(t + h, uNew); return; }
        if (++stepsIn === PROBE) {
          const costIm = (ctx.stats.rhsEvals - callsIn) / (t + h - tIn);
          const costEx = (EXPLICIT_CALLS * ratio) / (Math.abs(h) * ex.stabilityBoundary);
          if (costIm > MARGIN * costEx) {
            monitor.needed *= 2;
            toExplicit(t + h, uNew);
          }
        }
      }
    },
    interpolate: (t, out) => last.interpolate(t, out),
    segment: () => last.segment(),
    stiffnessRatio: () => last.stiffnessRatio(),
  };
};
