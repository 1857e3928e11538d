/** The right-hand side wrapped to count its evaluations in the solve's stats. */
export const countingRhs = (rhs, stats) => (t, u, du) => { stats.rhsEvals++; rhs(t, u, du); };
//# sourceMappingURL=stepper.js.map