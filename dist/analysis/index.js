/**
 * `egan/analysis`: equilibria, linearization, damping tables, critical damping over any parameter, root
 * loci, the linear-critic closed forms and the discrete-time stability of gradient descent.
 *
 * @example
 * import { criticalDamping } from 'egan/analysis';
 * criticalDamping(config, 'regularizer.lambda', 0.01, 10);   // Right({ argminAlpha, zetaOne, closedForm })
 *
 * @module
 */
export { findEquilibrium } from "./equilibrium.js";
export { linearize, jacobianAt, rigidOverlaps, collectiveDamping } from "./linearize.js";
export { eigen, overlap } from "./eigen.js";
export { dampingTable, spectralAbscissa, DEFAULT_ZERO_TOL } from "./damping.js";
export { criticalDamping, spectrumAt } from "./critical.js";
export { rootLocus, trackSpectra } from "./locus.js";
export { omega0, dampingRatio, lambdaCritical, closedFormEigenvalues, closedFormAlpha, closedFormGap } from "./closedForm.js";
export { simultaneousMaxStep, simultaneousRadius, alternatingMap, alternatingMaxStep, maxStableStep } from "./discrete.js";
//# sourceMappingURL=index.js.map