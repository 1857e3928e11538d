/**
 * Options of a solve that are not the method's: what to save, events, dense
 * output, and hooks for progress and interruption. The method and its
 * tolerances or step are the solver value (solver.ts).
 */
export {};
//# sourceMappingURL=options.js.map