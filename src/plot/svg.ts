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

let libs: Promise<[typeof import('vega-lite'), typeof import('vega')]> | undefined;

export const renderSvg = async (spec: VlSpec): Promise<string> => {
  const [vl, vega] = await (libs ??= Promise.all([import('vega-lite'), import('vega')]));
  const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
};

/** Legends go under the plot, one entry per line, never cut short (vega's default label limit is 160 px). */
const LEGEND = { orient: 'bottom', direction: 'vertical', labelLimit: 400, symbolStrokeWidth: 2 } as const;

/** A layered line/point chart: one series per `series` value, optional log axes and reference rules. */
export const lineChart = (o: {
  title: string; data: Record<string, unknown>[]; x: string; y: string; series?: string; xTitle?: string; yTitle?: string;
  logX?: boolean; logY?: boolean; points?: boolean; rulesX?: { value: number; label: string }[]; width?: number; height?: number;
  dashed?: string[];
}): VlSpec => ({
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  title: o.title,
  width: o.width ?? 360,
  height: o.height ?? 240,
  layer: [
    {
      data: { values: o.data },
      mark: { type: 'line', point: o.points ?? false, clip: true },
      encoding: {
        x: { field: o.x, type: 'quantitative', title: o.xTitle ?? o.x, scale: o.logX ? { type: 'log' } : { zero: false } },
        y: { field: o.y, type: 'quantitative', title: o.yTitle ?? o.y, scale: o.logY ? { type: 'log' } : { zero: false } },
        // Colour and dash encode the same field with the same legend settings, so vega-lite merges them into one
        // legend whose symbols show both (a dash-only legend: null would drop the merged legend altogether).
        ...(o.series ? { color: { field: o.series, type: 'nominal', title: null, legend: LEGEND } } : {}),
        ...(o.series && o.dashed ? { strokeDash: { field: o.series, type: 'nominal', title: null, legend: LEGEND, scale: { domain: Array.from(new Set(o.data.map((r) => String(r[o.series!])))), range: Array.from(new Set(o.data.map((r) => String(r[o.series!])))).map((s) => (o.dashed!.includes(s) ? [5, 3] : [1, 0])) } } } : {}),
      },
    },
    ...(o.rulesX ?? []).map((r) => ({
      data: { values: [r] },
      mark: { type: 'rule' as const, color: '#888', strokeDash: [2, 2] },
      encoding: { x: { field: 'value', type: 'quantitative' as const } },
    })),
    ...(o.rulesX ?? []).map((r) => ({
      data: { values: [r] },
      mark: { type: 'text' as const, align: 'left' as const, dx: 3, dy: -4, color: '#555', fontSize: 10 },
      encoding: { x: { field: 'value', type: 'quantitative' as const }, y: { value: 8 }, text: { field: 'label', type: 'nominal' as const } },
    })),
  ],
} as VlSpec);
