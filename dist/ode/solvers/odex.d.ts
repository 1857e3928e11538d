import { type Solver } from '../solver.js';
/**
 * The `odex` package's GBS extrapolation (Hairer's ODEX) behind egan's solver interface: same settings,
 * saveAt, events, failures and Solution; its own integration loop.
 * @example
 * solve(problem, odex({ rtol: 1e-10, atol: 1e-10 }));
 */
export declare const odex: (settings?: import("../solver.js").AdaptiveSettings) => Solver;
//# sourceMappingURL=odex.d.ts.map