/** One-line explanations of each failure code, shown by the CLI and the README. */
export const FAILURE_HELP = {
    maxSteps: 'the solver took solver.maxSteps steps before reaching t1; raise maxSteps, loosen rtol/atol, or use method "auto" if the problem is stiff',
    stepSizeTooSmall: 'the step size fell below the resolution of t: a blow-up, a discontinuity the solver cannot cross, or extreme stiffness',
    nonFinite: 'the state or its derivative became NaN or infinite: the dynamics diverged (try weight decay, a smaller etaD/etaG, or a gradient penalty)',
    invalidProblem: 'the problem itself is malformed (empty state, NaN in u0, bad time span or settings)',
    interrupted: 'the solve was stopped from outside (SIGINT/SIGTERM); what was computed is kept',
    singularMatrix: 'the implicit solver met a singular iteration matrix (I/(h gamma) - J) it could not recover from',
};
export const failure = (code, message, t, extra = {}) => ({ _tag: 'SolveFailure', code, message, t, ...extra });
//# sourceMappingURL=failure.js.map