/**
 * `solve(problem, solver, options)`: the one integration loop of egan (diffrax's
 * diffeqsolve). It validates the problem and the solver's settings, asks the
 * solver for its stepper, runs step control (PI controller, automatic initial
 * step), saves output and locates events through the recorder, and turns every
 * way of failing into a `SolveFailure` value carrying what was computed until
 * then.
 *
 * @example
 * import { solve, dopri5 } from 'egan/ode';
 * const r = solve({ rhs: (_t, u, du) => { du[0] = -u[0]; }, u0: Float64Array.of(1), tspan: [0, 1] }, dopri5({ rtol: 1e-8 }));
 * // r._tag === 'Right', r.right.uEnd[0] ≈ exp(-1)
 */
import * as E from 'fp-ts/lib/Either.js';
import type { OdeProblem } from './problem.js';
import type { SolveOptions } from './options.js';
import { type SolveFailure } from './failure.js';
import { type Solution } from './solution.js';
import type { Solver } from './solver.js';
/** What is wrong with the problem, the solver's settings or the options, or undefined. */
export declare const validateProblem: (problem: OdeProblem, solver: Solver, options?: SolveOptions) => string | undefined;
export declare const solve: (problem: OdeProblem, solver?: Solver, options?: SolveOptions) => E.Either<SolveFailure, Solution>;
//# sourceMappingURL=solve.d.ts.map