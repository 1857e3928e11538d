/**
 * egan: effective dynamics of GAN training (Durr, Mroueh, Tu, Wang, Phys. Rev. X 13, 041004, 2023).
 * Training as an ODE over generator particles and critic parameters: integrate it, linearize it, find
 * critical damping, map mode collapse. The model is described in docs/model.md.
 *
 * Layers, each also a subpath export: `egan/ode` (problems, solvers as values, `solve`), `egan/model`
 * (configs and the effective-GAN right-hand side), `egan/analysis` (equilibria, damping, critical damping,
 * root loci), `egan/experiments` (runs, metrics, sweeps), `egan/plot` (SVG figures).
 *
 * @example
 * import { makeModel, runModel } from 'egan';
 * import * as E from 'fp-ts/Either';
 * const r = E.chainW(runModel)(makeModel({ target: { kind: 'ring' }, particles: { n: 64 }, solver: { method: 'rk4', h: 0.05 } }));
 *
 * @module
 */
export * from './api.js';
export * from './report/index.js';
//# sourceMappingURL=index.d.ts.map