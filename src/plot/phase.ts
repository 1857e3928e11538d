/**
 * The docs/model.md §6.3 mode-collapse phase diagram as a vega-lite spec: one heat map
 * of a cell field over g2/g1 (x) x etaD/etaG (y, largest on top), one panel
 * per critic activation, each cell labelled with its value or "fail" when its
 * run did not succeed (blown-up cells are shown, not dropped). Used by the
 * report's figure 3 and by `egan phase` on a sweep's results.
 */
import type { VlSpec } from './svg.ts';

export interface PhaseCell {
  readonly activation: string;
  readonly g2: number;
  readonly etaD: number;
  readonly status: string;
  /** Modes covered / K, or null without metrics. */
  readonly covered: number | null;
  /** Collapse score, or null without metrics. */
  readonly score: number | null;
}

export type PhaseField = 'covered' | 'score';

const TITLES: Record<PhaseField, { legend: string; scheme: string }> = {
  covered: { legend: 'modes covered / K', scheme: 'viridis' },
  score: { legend: 'collapse score', scheme: 'reds' },
};

/** The sorted distinct values of one numeric coordinate, as the strings used for ordinal axes. */
const levels = (cells: readonly PhaseCell[], f: 'g2' | 'etaD'): string[] => [...new Set(cells.map((c) => c[f]))].sort((a, b) => a - b).map(String);

export const phaseDiagramSpec = (cells: readonly PhaseCell[], field: PhaseField, title: string): VlSpec => {
  const g2s = levels(cells, 'g2');
  const etaDs = levels(cells, 'etaD').reverse();
  const data = cells.map((c) => ({ activation: c.activation, g2: String(c.g2), etaD: String(c.etaD), status: c.status, covered: c.covered, score: c.score }));
  const x = { field: 'g2', type: 'ordinal', title: 'g2/g1', sort: g2s } as const;
  const y = { field: 'etaD', type: 'ordinal', title: 'etaD/etaG', sort: etaDs } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json', title, data: { values: data },
    facet: { column: { field: 'activation', type: 'nominal', title: null } },
    spec: {
      width: Math.max(120, 25 * g2s.length), height: 20 * etaDs.length + 20,
      layer: [
        { mark: 'rect', encoding: { x, y, color: { field, type: 'quantitative', scale: { domain: [0, 1], scheme: TITLES[field].scheme }, title: TITLES[field].legend } } },
        { mark: { type: 'text', fontSize: 9 }, encoding: {
          x, y, text: { condition: { test: "datum.status !== 'success'", value: 'fail' }, field, type: 'quantitative', format: '.2f' },
        } },
      ],
    },
  } as never;
};
