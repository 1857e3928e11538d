/**
 * The built-in solvers; importing this file registers each by name (solver.ts).
 * Error-controlled: dopri5 (default), dop853, odex, rodas4 (stiff), ndf and bdf (stiff, Jacobian reuse), auto, rkc (stiff, large states); fixed step: rk4, euler.
 */
export { dopri5 } from './dopri5.ts';
export { dop853 } from './dop853.ts';
export { odex } from './odex.ts';
export { rodas4 } from './rodas4.ts';
export { ndf, bdf, ndfKrylov } from './bdf.ts';
export { auto } from './auto.ts';
export { rkc, rkcFixed } from './rkc.ts';
export { rk4, euler } from './fixed.ts';
