/**
 * `egan/plot`: figures as SVG strings (vega-lite specs rendered headless), the line chart and the
 * mode-collapse phase diagram the report and `egan phase` use.
 *
 * @module
 */
export { renderSvg, lineChart } from "./svg.js";
export { phaseDiagramSpec } from "./phase.js";
//# sourceMappingURL=index.js.map