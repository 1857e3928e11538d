/**
 * `egan/plot`: figures as SVG strings (vega-lite specs rendered headless), the line chart and the
 * mode-collapse phase diagram the report and `egan phase` use.
 *
 * @module
 */
export { renderSvg, lineChart, type VlSpec } from './svg.ts';
export { grayPng, grayPngDataUrl, toGray } from './png.ts';
export { phaseDiagramSpec, phaseDiagramsSpec, phaseMetric, type PhaseCell, type PhaseMetric } from './phase.ts';
