/**
 * DOP853 stepper: order 8 with the 5th/3rd-order combined error estimate of
 * dop853.f and a 7th-order dense output (three extra stages per accepted
 * step). Stiffness indicator as in dop853.f (stages 12 and 11 at c = 1).
 */
import type { Rhs } from '../problem.js';
import { type Stepper, type StepperContext } from '../stepper.js';
export declare const makeDop853: (rhs: Rhs, n: number, ctx: StepperContext) => Stepper;
/**
 * DOP853: order 8 with error control and 7th-order dense output, for tight tolerances.
 * @example
 * solve(problem, dop853({ rtol: 1e-12, atol: 1e-14 }));
 */
export declare const dop853: (settings?: import("../solver.js").AdaptiveSettings) => import("../solver.js").Solver;
//# sourceMappingURL=dop853.d.ts.map