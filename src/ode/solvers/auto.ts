/**
 * method "auto": starts with dopri5 and switches to RODAS4 when Hairer's
 * stiffness test fires 15 times (see stiffness.ts), and back to dopri5 when
 * the Rosenbrock step h times the Jacobian's spectral radius has stayed
 * below half of dopri5's stability boundary for 10 steps, i.e. when an
 * explicit method could take the same step stably (the idea of LSODA and of
 * Julia's AutoTsit5(Rosenbrock23)). Switches are recorded in the stats.
 */
import type { OdeProblem } from '../problem.ts';
import type { Stepper, StepperContext } from '../stepper.ts';
import { makeDopri5 } from './dopri5.ts';
import { makeRodas4 } from './rodas4.ts';
import { makeStiffnessMonitor, observeStiffness } from '../stiffness.ts';

export const makeAuto = (problem: OdeProblem, n: number, ctx: StepperContext): Stepper => {
  const ex = makeDopri5(problem.rhs, n, ctx);
  const im = makeRodas4(problem, n, ctx);
  let cur: Stepper = ex;
  let last: Stepper = ex;
  const monitor = makeStiffnessMonitor();
  let relaxed = 0;
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
          ctx.stats.switches.push({ t: t + h, to: im.name });
        }
      } else {
        relaxed = ratio < 0.5 * ex.stabilityBoundary ? relaxed + 1 : 0;
        if (relaxed >= 10) {
          ex.init(t + h, uNew);
          cur = ex;
          monitor.stiff = 0;
          monitor.nonStiff = 0;
          ctx.stats.switches.push({ t: t + h, to: ex.name });
        }
      }
    },
    interpolate: (t, out) => last.interpolate(t, out),
    segment: () => last.segment(),
    stiffnessRatio: () => last.stiffnessRatio(),
  };
};
