/**
 * egan: effective dynamics of GAN training (SPEC: ../shared/SPEC.md).
 * The public API: the ODE core, the effective-GAN model, the stability
 * analysis and the experiments.
 */
export * from './ode/index.ts';
export * from './model/index.ts';
export * from './experiments/index.ts';
export * from './analysis/index.ts';
export * from './plot/svg.ts';
export * from './plot/phase.ts';
