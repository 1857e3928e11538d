/**
 * method "auto": starts with dopri5 and switches to RODAS4 when Hairer's
 * stiffness test fires 15 times (see stiffness.ts), and back to dopri5 when
 * the Rosenbrock step h times the Jacobian's spectral radius has stayed
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
 * switch back and forth). Measured: SPEC §8's 64-particle tanh run (n = 257)
 * 13,574 -> 6,630 rhs calls (dopri5 alone 4,286); van der Pol (mu = 1000)
 * 5,341 -> 5,717, Robertson unchanged; the report's tanh MLP
 * tau_eps runs (n = 161, t1 = 200) at lambda / lambda_c = 1, 3.16, 10:
 * 13,188 -> 9,124, 40,385 -> 28,173, 71,586 -> 71,602 (dopri5 alone 21,224
 * at 3.16 and 187,832 at 10, RODAS4 alone 68,998 and 81,578). A probe of 3
 * steps measured cheaper on the first two but 192,652 on the last: the
 * Rosenbrock step is still growing after a switch.
 */
import type { OdeProblem } from '../problem.js';
import type { Stepper, StepperContext } from '../stepper.js';
export declare const makeAuto: (problem: OdeProblem, n: number, ctx: StepperContext) => Stepper;
/**
 * dopri5 switching to RODAS4 where the flow turns stiff, and back where the stiff phase costs more per unit
 * time (see above).
 * @example
 * solve(problem, auto({ rtol: 1e-6 }));
 */
export declare const auto: (settings?: import("../solver.js").AdaptiveSettings) => import("../solver.js").Solver;
//# sourceMappingURL=auto.d.ts.map