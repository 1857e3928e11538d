/**
 * `egan/report`: the default analyses behind `egan report` / `npm start`, each a function returning its
 * figures (SVG), data tables and the numbers its caption quotes, and `writeReport`, which runs them all and
 * writes the HTML report with its data.
 *
 * @example
 * import { writeReport } from 'egan/report';
 * const r = await writeReport({ out: 'out', quick: true });   // r.path: out/report.html
 *
 * @module
 */
export { writeReport, type ReportOptions } from './report.ts';
export { criticalDampingFigure, closedFormTau, LINEAR_BASE } from './criticalDamping.ts';
export { mlpCriticalFigure } from './mlpCritical.ts';
export { modeCollapseFigure, collapseConfig } from './modeCollapse.ts';
export { discreteStabilityFigure } from './discreteStability.ts';
export { trajectoriesFigure } from './trajectories.ts';
export { realGeneratorFigure, widthConfig, collapseGeneratorConfig } from './realGenerator.ts';
export { mnistFigure, MNIST_DIR, MNIST_RUNS } from './mnist.ts';
export type { FigureResult, FigureOptions, Table } from './figure.ts';
