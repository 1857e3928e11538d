/**
 * Dormand–Prince 5(4) stepper: FSAL, 4th-order dense output, and Hairer's
 * stiffness test (dopri5.f: h * |k7 - k6| / |y1 - y6| > 3.25 means the step
 * is limited by stability, not accuracy).
 *
 * The stepper for a state size is a core compiled once per process and
 * reused by later solves of that size (stepperCache.ts): `dopri5Core` is
 * self-contained (it refers to nothing but its parameters) so that
 * specialise can compile a copy per size, and `bind` points it at a solve.
 */
import type { Rhs } from '../problem.js';
import { type Stepper, type StepperContext } from '../stepper.js';
export declare const makeDopri5: (rhs: Rhs, n: number, ctx: StepperContext) => Stepper;
/**
 * Dormand–Prince 5(4) with error control (rtol, atol), 4th-order dense output and Hairer's stiffness test:
 * the default method.
 * @example
 * solve(problem, dopri5({ rtol: 1e-8, atol: 1e-10 }));
 */
export declare const dopri5: (settings?: import("../solver.js").AdaptiveSettings) => import("../solver.js").Solver;
//# sourceMappingURL=dopri5.d.ts.map