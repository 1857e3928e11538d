/**
 * method "auto": starts with dopri5 and switches to a stiff method when Hairer's
 * stiffness test fires 15 times (see stiffness.ts): NDF (bdf.ts) for states of more than AUTO_NDF_SIZE
 * components, RODAS4 for smaller ones; and back to dopri5 when
 * the stiff step h times the Jacobian's spectral radius has stayed
 * below half of dopri5's stability boundary for 10 steps, i.e. when an
 * explicit method could take the same step stably (the idea of LSODA and of
 * Julia's AutoTsit5(Rosenbrock23)). Switches are recorded in the stats.
 *
 * It also switches back when the stiff phase does not pay (a choice of ours,
 * in the spirit of LSODA's cost comparison): a Rosenbrock step costs its
 * share of the rhs calls since the switch (finite-difference Jacobians
 * included, ~n calls each) over its h, a dopri5 step 6 calls over at most
 * boundary / rho (rho: the Jacobian's spectral radius). After PROBE
 * consecutive Rosenbrock steps dearer per unit time by more than MARGIN,
 * dopri5 takes over again and the stiffness test then needs twice as many
 * stiff steps before it fires again (so a mildly stiff problem does not
 * switch back and forth). Measured with RODAS4 as the stiff method: docs/model.md §7's 64-particle tanh run
 * (n = 257) 13,574 -> 6,630 rhs calls (dopri5 alone 4,286); van der Pol (mu = 1000) 5,341 -> 5,717, Robertson
 * unchanged; the report's tanh MLP tau_eps runs (n = 161, t1 = 200) at lambda / lambda_c = 1, 3.16, 10:
 * 13,188 -> 9,124, 40,385 -> 28,173, 71,586 -> 71,602 (dopri5 alone 6,602, 21,206 and 187,832). A probe of 3
 * steps measured cheaper on the first two but 192,652 on the last: the Rosenbrock step is still growing after a
 * switch.
 *
 * With dense NDF above AUTO_NDF_SIZE (its Jacobian kept across steps) and, in `egan run`, the model's
 * structured Jacobian (model/structuredJacobian.ts), the same tau_eps runs cost 4,541, 5,986 and 10,938
 * rhs-equivalents, the wide-ring run of bench section 9 (n = 257) 23,316 against dopri5's 87,230 (with RODAS4:
 * 68,992). With NDF-Krylov, the stiff method now: 4,488, 5,329 and 4,975 rhs calls (tau_eps as dopri5's to
 * 5e-8), the wide ring 13,878 (final state 3.7e-6 from the reference), the 64-particle tanh run 3,419 (dopri5
 * 4,286): the effective-GAN flow's Newton systems, scaled by the error weights, need a few GMRES iterations
 * each, fewer right-hand sides than one Jacobian's 131. Unpreconditioned GMRES suits less a problem with a huge
 * real stiffness ratio (the 1-D heat equation with 2,000 points: 39,983 calls where rkc needs 23,235).
 */
import type { OdeProblem } from '../problem.ts';
import { defineSolver, registerSolver } from '../solver.ts';
import type { Stepper, StepperContext } from '../stepper.ts';
import { makeDopri5 } from './dopri5.ts';
import { makeRodas4 } from './rodas4.ts';
import { makeBdf } from './bdf.ts';
import { makeStiffnessMonitor, observeStiffness } from '../stiffness.ts';

/**
 * Above this state size the stiff phase uses NDF with Jacobian-free Newton-Krylov (bdf.ts, "ndf-krylov": no
 * n x n matrix, no Jacobian to compute or factorize), at or below it RODAS4 (one Jacobian and LU per step, cheap
 * there, and its global error stays well inside the tolerance).
 */
export const AUTO_NDF_SIZE = 32;
/** Consecutive Rosenbrock steps dearer than dopri5 before dopri5 takes over again. */
const PROBE = 10;
/** How much dearer per unit time the Rosenbrock phase may be before dopri5 takes over again. */
const MARGIN = 1.5;
/** rhs calls per dopri5 step (FSAL). */
const EXPLICIT_CALLS = 6;

export const makeAuto = (problem: OdeProblem, n: number, ctx: StepperContext): Stepper => {
  const ex = makeDopri5(problem.rhs, n, ctx);
  const im: Stepper = n > AUTO_NDF_SIZE ? makeBdf(problem, n, ctx, { krylov: true }) : makeRodas4(problem, n, ctx);
  let cur: Stepper = ex;
  let last: Stepper = ex;
  const monitor = makeStiffnessMonitor();
  let relaxed = 0;
  // rhs calls at the start of the current stiff phase, its accepted steps, and the run of steps dearer than dopri5.
  let callsIn = 0, stepsIn = 0, dearer = 0;
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
    get piBeta() { return cur.piBeta; },
    get f() { return cur.f; },
    init(t0, u0) { cur.init(t0, u0); },
    attempt: (t, u, h, uNew) => cur.attempt(t, u, h, uNew),
    // The stiff method chooses its own steps (ndf); the explicit one leaves them to the solve's PI controller.
    nextFactor: (err, accepted) => (accepted ? last : cur).nextFactor?.(err, accepted),
    accept(t, u, h, uNew) {
      cur.accept(t, u, h, uNew);
      last = cur;
      const ratio = cur.stiffnessRatio();
      if (cur === ex) {
        if (observeStiffness(monitor, ratio, ex.stabilityBoundary)) {
          im.init(t + h, uNew);
          cur = im;
          relaxed = 0;
          callsIn = ctx.stats.rhsEvals + ctx.stats.jacobianCost;
          stepsIn = 0;
          dearer = 0;
          ctx.stats.switches.push({ t: t + h, to: im.name });
        }
      } else {
        relaxed = ratio < 0.5 * ex.stabilityBoundary ? relaxed + 1 : 0;
        if (relaxed >= 10) { toExplicit(t + h, uNew); return; }
        // Cost per unit time: a Rosenbrock step costs its share of calls since the switch (Jacobian included) over
        // h; dopri5 6 calls over at most boundary / rho: dopri5 is cheaper when h rho < boundary * cIm / (6 MARGIN).
        stepsIn++;
        const cIm = (ctx.stats.rhsEvals + ctx.stats.jacobianCost - callsIn) / stepsIn;
        dearer = ratio < (ex.stabilityBoundary * cIm) / (EXPLICIT_CALLS * MARGIN) ? dearer + 1 : 0;
        if (dearer >= PROBE) { monitor.needed *= 2; toExplicit(t + h, uNew); }
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
