/**
 * Fixed-step methods: classical RK4 and forward Euler. Forward Euler with
 * step h is exactly simultaneous gradient descent with learning rate h on the
 * effective-GAN flow (SPEC §3). Their interpolant is the cubic Hermite
 * polynomial through both end points and slopes (3rd order), so saveAt and
 * events work as for adaptive methods.
 */
import type { Rhs } from '../problem.js';
import { type Stepper, type StepperContext } from '../stepper.js';
export declare const makeRk4: (rhs: Rhs, n: number, ctx: StepperContext) => Stepper;
export declare const makeEuler: (rhs: Rhs, n: number, ctx: StepperContext) => Stepper;
/**
 * Classical 4th-order Runge–Kutta with a fixed step h (no error control; does not crawl at kinks).
 * @example
 * solve(problem, rk4({ h: 0.05 }));
 */
export declare const rk4: (settings: import("../solver.js").FixedSettings) => import("../solver.js").Solver;
/**
 * Forward Euler with a fixed step h: on the effective-GAN flow, exactly simultaneous gradient descent with
 * learning rates etaG h and etaD h.
 * @example
 * solve(problem, euler({ h: 0.01 }));
 */
export declare const euler: (settings: import("../solver.js").FixedSettings) => import("../solver.js").Solver;
//# sourceMappingURL=fixed.d.ts.map