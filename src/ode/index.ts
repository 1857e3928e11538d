/**
 * `egan/ode`: the ODE core. A problem is plain data, a solver is a value, `solve` is the one integration
 * loop: `solve(problem, dopri5({ rtol }), { saveAt, events, dense })` returns `Either<SolveFailure, Solution>`.
 *
 * @example
 * import { solve, dopri5 } from 'egan/ode';
 * const r = solve({ rhs: (_t, u, du) => { du[0] = -u[0]; }, u0: Float64Array.of(1), tspan: [0, 1] }, dopri5({ rtol: 1e-8 }));
 *
 * @module
 */
import './solvers/index.ts';

export type { OdeProblem, Rhs, JacobianFn } from './problem.ts';
export type { SolveOptions, SaveAt, EventSpec, EventDirection } from './options.ts';
export type { Solution, SolveStats, EventHit, Warning, SolveWarningCode } from './solution.ts';
export { FAILURE_HELP, type SolveFailure, type SolveFailureCode } from './failure.ts';
export { solve } from './solve.ts';
export { encodeCheckpoint, decodeCheckpoint, checkpointMismatch, CHECKPOINT_MAGIC, type SolveCheckpoint, type CheckpointOptions, type RecorderState } from './checkpoint.ts';
export { dopri5, dop853, odex, rodas4, ndf, bdf, ndfKrylov, auto, rkc, rkcFixed, rk4, euler } from './solvers/index.ts';
export {
  defineSolver, explicitStepper, registerSolver, solverEntries, solverEntry, solverFromConfig, solverConfig,
  DEFAULT_RTOL, DEFAULT_ATOL, DEFAULT_MAX_STEPS, DEFAULT_FIXED_MAX_STEPS,
  type Solver, type SolverConfig, type SolverDefinition, type SolverEntry, type AdaptiveSettings, type FixedSettings,
  type ExplicitMethod, type ExplicitStep,
} from './solver.ts';
export { countingRhs, type Stepper, type StepperContext, type DenseSegment } from './stepper.ts';
export { errorNorm } from './norm.ts';
export { forwardJacobian, centralJacobian, jacobianWork, type JacobianWork } from './jacobian.ts';
