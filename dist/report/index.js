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
export { writeReport } from "./report.js";
export { criticalDampingFigure, closedFormTau, LINEAR_BASE } from "./criticalDamping.js";
export { mlpCriticalFigure } from "./mlpCritical.js";
export { modeCollapseFigure, collapseConfig } from "./modeCollapse.js";
export { discreteStabilityFigure } from "./discreteStability.js";
export { trajectoriesFigure } from "./trajectories.js";
//# sourceMappingURL=index.js.map