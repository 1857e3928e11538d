/**
 * Reads a vega-rendered SVG the way a reader looks at it: which colours tell data series apart, and
 * whether the picture says what each colour means (a legend, or a text mark labelling the series
 * directly). Used by the report test so that no multi-series panel goes out without a key, and no
 * legend label is cut short by vega's label limit (an ellipsis in the label).
 */

interface Node { cls: string; open: boolean }

export interface SvgReading {
  /** One entry per view (each `role-scope`/cell rendered under the root), merged for a simple check. */
  readonly seriesColours: Set<string>;
  readonly hasLegend: boolean;
  readonly hasDirectLabels: boolean;
  readonly truncatedLabels: string[];
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** The colours of data marks (lines and symbols: what a series is drawn with), and the keys present. */
export const readSvg = (svg: string): SvgReading => {
  const stack: Node[] = [];
  const seriesColours = new Set<string>();
  let hasLegend = false, hasDirectLabels = false;
  const truncatedLabels: string[] = [];
  let inLegendLabel = false;
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z][\w:-]*)([^>]*?)(\/?)>|([^<]+)/g)) {
    const [, close, name, rest, self, text] = m;
    if (text !== undefined) {
      if (inLegendLabel && /…/.test(text)) truncatedLabels.push(text.trim());
      continue;
    }
    if (close) { stack.pop(); inLegendLabel = stack.some((n) => n.cls.includes('role-legend-label')); continue; }
    const cls = attr(rest, 'class') ?? '';
    if (cls.includes('role-legend')) hasLegend = true;
    if (/mark-text role-mark/.test(cls)) hasDirectLabels = true;
    const within = (re: RegExp) => re.test(cls) || stack.some((n) => re.test(n.cls));
    if ((name === 'path' || name === 'line') && within(/mark-(line|symbol|trail) role-mark/) && !within(/role-legend|role-axis/)) {
      const colour = attr(rest, 'stroke') ?? attr(rest, 'fill');
      if (colour && colour !== 'none' && colour !== 'transparent') seriesColours.add(colour.toLowerCase());
    }
    if (!self) { stack.push({ cls, open: true }); inLegendLabel = within(/role-legend-label/); }
  }
  return { seriesColours, hasLegend, hasDirectLabels, truncatedLabels };
};
