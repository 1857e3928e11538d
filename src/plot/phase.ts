/**
 * The mode-collapse phase diagram (docs/model.md §6.3) as a vega-lite spec: one heat map of a cell metric
 * over g2/g1 (x) x etaD/etaG (y, largest on top), one panel per critic activation, each cell labelled with
 * its value, or "fail" when its run did not succeed (blown-up cells are shown, not dropped). The label is
 * white on the dark end of the colour scale and black on the light end, so it reads on every cell. Used by
 * the report's figures and by `egan phase` on a sweep's results, for any metric of the result lines.
 */
import type { VlSpec } from './svg.ts';
import type { PhaseCellData } from '../experiments/sweep.ts';

/** One cell of the diagram: its activation, g2/g1, etaD/etaG, status and metrics (experiments' phaseCells). */
export type PhaseCell = PhaseCellData;

/** How one metric is drawn: its legend, colour scheme and domain, which end is dark, the label format. */
export interface PhaseMetric {
  readonly field: string;
  readonly label: string;
  /** The legend's title (the label can be long: it titles the panel). */
  readonly short?: string;
  readonly scheme: 'viridis' | 'reds';
  /** Colour domain; the cells' extent when absent. */
  readonly domain?: readonly [number, number];
  readonly format: string;
}

/**
 * The drawing of a metric: fractions and counts of modes or targets covered in viridis (dark = few), collapse
 * measures in reds (dark = collapsed); `K` is the target's number of modes (for the domains of counts and
 * of the entropy gap, whose largest value is log K).
 */
export const phaseMetric = (field: string, K: number): PhaseMetric => {
  switch (field) {
    case 'modesCoveredFraction': return { field, label: 'modes covered / K', scheme: 'viridis', domain: [0, 1], format: '.2f' };
    case 'quality': return { field, label: 'quality (fraction within 3 std of a mode)', short: 'quality', scheme: 'viridis', domain: [0, 1], format: '.2f' };
    case 'collapseScore': return { field, label: 'collapse score (0 uniform, 1 one mode)', short: 'collapse score', scheme: 'reds', domain: [0, 1], format: '.2f' };
    case 'digitsHit': case 'digitsHitEuclidean': return { field, label: `targets hit (of ${K})`, scheme: 'viridis', domain: [0, K], format: 'd' };
    case 'entropyGap': case 'entropyGapEuclidean': return { field, label: `entropy gap (0 every target once, log K = ${Math.log(K).toFixed(2)} all on one)`, short: 'entropy gap', scheme: 'reds', domain: [0, Math.log(K)], format: '.2f' };
    case 'meanNearestDistance': return { field, label: 'mean nearest cosine distance', short: 'cosine distance', scheme: 'reds', format: '.2f' };
    case 'meanNearestDistanceEuclidean': return { field, label: 'mean nearest Euclidean distance', short: 'distance', scheme: 'reds', format: '.3g' };
    default: return { field, label: field, scheme: 'viridis', format: '.3g' };
  }
};

/** The sorted distinct values of one numeric coordinate, as the strings used for ordinal axes. */
const levels = (cells: readonly PhaseCell[], f: 'g2' | 'etaD'): string[] => [...new Set(cells.map((c) => c[f]))].sort((a, b) => a - b).map(String);

export const phaseDiagramSpec = (cells: readonly PhaseCell[], metric: PhaseMetric, title: string): VlSpec => {
  const g2s = levels(cells, 'g2');
  const etaDs = levels(cells, 'etaD').reverse();
  const { field } = metric;
  const data = cells.map((c) => ({ activation: c.activation, g2: String(c.g2), etaD: String(c.etaD), status: c.status, [field]: c.values[field] ?? null }));
  const present = cells.map((c) => c.values[field]).filter((v): v is number => typeof v === 'number');
  const [lo, hi] = metric.domain ?? [Math.min(...present, 0), Math.max(...present, 1e-12)];
  // White labels on the dark end: the low end of viridis, the high end of reds.
  const dark = metric.scheme === 'viridis' ? `datum['${field}'] < ${lo + 0.45 * (hi - lo)}` : `datum['${field}'] > ${lo + 0.55 * (hi - lo)}`;
  const x = { field: 'g2', type: 'ordinal', title: 'g2/g1', sort: g2s } as const;
  const y = { field: 'etaD', type: 'ordinal', title: 'etaD/etaG', sort: etaDs } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json', title, data: { values: data },
    facet: { column: { field: 'activation', type: 'nominal', title: null } },
    spec: {
      width: Math.max(120, 25 * g2s.length), height: 20 * etaDs.length + 20,
      layer: [
        { mark: 'rect', encoding: { x, y, color: { field, type: 'quantitative', scale: { domain: [lo, hi], scheme: metric.scheme }, title: metric.short ?? metric.label, legend: { titleLimit: 300 } } } },
        { mark: { type: 'text', fontSize: 9 }, encoding: {
          x, y,
          text: { condition: { test: "datum.status !== 'success'", value: 'fail' }, field, type: 'quantitative', format: metric.format },
          color: { condition: { test: `datum.status === 'success' && ${dark}`, value: 'white' }, value: 'black' },
        } },
      ],
    },
  } as never;
};

/** Several metrics' diagrams of the same cells stacked in one spec, each with its own colour scale and legend. */
export const phaseDiagramsSpec = (cells: readonly PhaseCell[], fields: readonly string[], K: number): VlSpec => ({
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  vconcat: fields.map((f) => {
    const m = phaseMetric(f, K);
    const { $schema: _, ...rest } = phaseDiagramSpec(cells, m, m.label) as unknown as Record<string, unknown>;
    return rest;
  }),
  resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } },
} as never);
