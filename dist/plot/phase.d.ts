/**
 * The SPEC §6.3 mode-collapse phase diagram as a vega-lite spec: one heat map
 * of a cell field over g2/g1 (x) x etaD/etaG (y, largest on top), one panel
 * per critic activation, each cell labelled with its value or "fail" when its
 * run did not succeed (blown-up cells are shown, not dropped). Used by the
 * report's figure 3 and by `egan phase` on a sweep's results.
 */
import type { VlSpec } from './svg.js';
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
export declare const phaseDiagramSpec: (cells: readonly PhaseCell[], field: PhaseField, title: string) => VlSpec;
//# sourceMappingURL=phase.d.ts.map