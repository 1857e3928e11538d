/**
 * Figures as SVG strings: vega-lite specs compiled to vega and rendered
 * headless (renderer "none" + toSVG: no browser, no canvas; text widths are
 * estimated by vega).
 *
 * vega and vega-lite are loaded on the first render, not when this module is
 * imported: together they cost ~0.7 s of start-up that every CLI command and
 * every importer of the library would otherwise pay (measured: importing
 * src/index.ts 1.58 s with them at the top, see the commit).
 */
import type * as VL from 'vega-lite';
export type VlSpec = VL.TopLevelSpec;
export declare const renderSvg: (spec: VlSpec) => Promise<string>;
/** A layered line/point chart: one series per `series` value, optional log axes and reference rules. */
export declare const lineChart: (o: {
    title: string;
    data: Record<string, unknown>[];
    x: string;
    y: string;
    series?: string;
    xTitle?: string;
    yTitle?: string;
    logX?: boolean;
    logY?: boolean;
    points?: boolean;
    rulesX?: {
        value: number;
        label: string;
    }[];
    width?: number;
    height?: number;
    dashed?: string[];
}) => VlSpec;
//# sourceMappingURL=svg.d.ts.map