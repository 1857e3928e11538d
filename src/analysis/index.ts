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
export { findEquilibrium, type Equilibrium } from './equilibrium.ts';
export { linearize, jacobianAt, rigidOverlaps, collectiveDamping, type Linearization, type LinearizeOptions } from './linearize.ts';
export { eigen, overlap, type Eigen } from '../linalg/eigen.ts';
export { dampingTable, spectralAbscissa, DEFAULT_ZERO_TOL, type DampingRow } from './damping.ts';
export { criticalDamping, spectrumAt, type CriticalResult, type CriticalOptions, type SpectrumAt, type ModeSet, type SpectrumError, type ScanError } from './critical.ts';
export { rootLocus, trackSpectra, type Branch, type Locus } from './locus.ts';
export { omega0, dampingRatio, lambdaCritical, closedFormEigenvalues, closedFormAlpha, closedFormGap, type LinearCriticParams } from './closedForm.ts';
export { simultaneousMaxStep, simultaneousRadius, alternatingMap, alternatingMaxStep, maxStableStep } from './discrete.ts';
export type { EquilibriumError, LinearizationError, ParameterError, InterruptedError, AtParameter } from './errors.ts';
