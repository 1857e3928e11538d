/**
 * The built-in solvers; importing this file registers each by name (solver.ts).
 * Error-controlled: dopri5 (default), dop853, odex, rodas4 (stiff), auto; fixed step: rk4, euler.
 */
export { dopri5 } from './dopri5.js';
export { dop853 } from './dop853.js';
export { odex } from './odex.js';
export { rodas4 } from './rodas4.js';
export { auto } from './auto.js';
export { rk4, euler } from './fixed.js';
//# sourceMappingURL=index.d.ts.map