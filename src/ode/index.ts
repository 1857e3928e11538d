export * from './problem.ts';
export * from './options.ts';
export * from './failure.ts';
export * from './solution.ts';
export { solve, validateProblem } from './solve.ts';
export { brentRoot } from './events.ts';
export { luFactor, luSolve } from './lu.ts';
