/**
 * RODAS4 Rosenbrock stepper for stiff problems (Hairer & Wanner, rodas.f).
 * One Jacobian per accepted point (analytic when the problem has one, else
 * forward differences), one LU factorisation of I/(h gamma) - J per attempt,
 * reused by all six stages; after a rejection only the factorisation is
 * redone. All buffers are allocated here, once per solve.
 */
import type { OdeProblem } from '../problem.js';
import { type Stepper, type StepperContext } from '../stepper.js';
export interface RodasStepper extends Stepper {
    /** Signals that the last rejection came from a singular iteration matrix. */
    singular(): boolean;
}
export declare const makeRodas4: (problem: OdeProblem, n: number, ctx: StepperContext) => RodasStepper;
/**
 * RODAS4, a stiffly accurate Rosenbrock method of order 4 with error control (Hairer & Wanner): for stiff
 * problems; uses the problem's analytic Jacobian when it has one, else forward differences.
 * @example
 * solve(robertson, rodas4({ rtol: 1e-8, atol: [1e-10, 1e-14, 1e-10] }));
 */
export declare const rodas4: (settings?: import("../solver.js").AdaptiveSettings) => import("../solver.js").Solver;
//# sourceMappingURL=rodas4.d.ts.map