/**
 * The report of `egan report` / `npm start`: runs the six figure scripts
 * (docs/model.md §6 and §10), writes out/report.html (self-contained, inline SVG), every
 * figure's data as CSV and JSON under out/data, the configs under
 * out/configs, and out/captions.json with the numbers each caption quotes.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { writeAtomic as atomic, toCsv } from '../experiments/files.ts';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { criticalDampingFigure } from './criticalDamping.ts';
import { mlpCriticalFigure } from './mlpCritical.ts';
import { modeCollapseFigure } from './modeCollapse.ts';
import { discreteStabilityFigure } from './discreteStability.ts';
import { trajectoriesFigure } from './trajectories.ts';
import { realGeneratorFigure } from './realGenerator.ts';
import { mnistFigure } from './mnist.ts';
import type { FigureResult } from './figure.ts';

export interface ReportOptions {
  readonly out: string;
  readonly quick?: boolean;
  readonly full?: boolean;
  readonly workers?: number;
  readonly log?: (msg: string) => void;
  readonly signal?: { aborted: boolean };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const html = (figs: readonly FigureResult[], meta: { mode: string; seconds: number; date: string }): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>egan report</title>
<style>body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
figure{margin:2em 0;border-top:1px solid #ddd;padding-top:1em}figcaption{font-size:.92em;line-height:1.45;margin-top:.6em;color:#333}
.svgs{display:flex;flex-wrap:wrap;gap:12px}.svgs>div{overflow-x:auto}code{background:#f4f4f4;padding:0 .2em}</style></head>
<body><h1>egan: effective dynamics of GAN training</h1>
<p>Headline results of docs/model.md §6, §9 and §10 (Durr, Mroueh, Tu, Wang, Phys. Rev. X 13, 041004, 2023), computed by <code>egan report</code> (${meta.mode} mode) in ${meta.seconds.toFixed(0)} s on ${meta.date}.
Data behind every figure: <code>data/</code> (CSV and JSON); configs: <code>configs/</code>; quoted numbers: <code>captions.json</code>.</p>
${figs.map((f) => `<figure id="${f.id}"><h2>${esc(f.title)}</h2><div class="svgs">${f.svgs.map((s) => `<div>${s}</div>`).join('')}</div>
<figcaption>${esc(f.caption)} Data: ${Object.keys(f.tables).map((k) => `<code>data/${f.id}_${k}.csv</code>`).join(', ')}.</figcaption></figure>`).join('\n')}
</body></html>
`;

export const writeReport = async (o: ReportOptions): Promise<{ path: string; figures: FigureResult[]; seconds: number }> => {
  const t0 = Date.now();
  const log = o.log ?? (() => {});
  const signal = o.signal ?? { aborted: false };
  const fo = { quick: !!o.quick, full: !!o.full, workers: o.workers ?? availableParallelism(), log, signal };
  mkdirSync(join(o.out, 'data'), { recursive: true });
  mkdirSync(join(o.out, 'configs'), { recursive: true });
  rmSync(join(o.out, 'data', 'fig3_cells.jsonl'), { force: true });
  const steps: [string, () => Promise<FigureResult>][] = [
    ['fig1', () => criticalDampingFigure(fo)],
    ['fig2', () => mlpCriticalFigure(fo)],
    ['fig3', () => modeCollapseFigure({ ...fo, outDir: o.out })],
    ['fig4', () => discreteStabilityFigure(fo)],
    ['fig5', () => trajectoriesFigure(fo)],
    ['fig6', () => realGeneratorFigure(fo)],
    ['fig7', () => mnistFigure(fo)],
  ];
  const figures: FigureResult[] = [];
  for (const [id, run] of steps) {
    if (signal.aborted) break;
    log(`${id}: start`);
    const f = await run();
    figures.push(f);
    for (const [name, t] of Object.entries(f.tables)) {
      atomic(join(o.out, 'data', `${f.id}_${name}.csv`), toCsv(t.header, t.rows));
      atomic(join(o.out, 'data', `${f.id}_${name}.json`), JSON.stringify({ header: t.header, rows: t.rows }) + '\n');
    }
    for (const [name, c] of Object.entries(f.configs)) atomic(join(o.out, 'configs', `${f.id}_${name}.json`), JSON.stringify(c, null, 2) + '\n');
    log(`${id}: done (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  const seconds = (Date.now() - t0) / 1000;
  const mode = o.full ? 'full' : o.quick ? 'quick' : 'default';
  atomic(join(o.out, 'captions.json'), JSON.stringify(Object.fromEntries(figures.map((f) => [f.id, { title: f.title, caption: f.caption, quoted: f.quoted }])), null, 2) + '\n');
  const path = join(o.out, 'report.html');
  atomic(path, html(figures, { mode: signal.aborted ? `${mode}, interrupted` : mode, seconds, date: new Date().toISOString().slice(0, 10) }));
  return { path, figures, seconds };
};
