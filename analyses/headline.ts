/**
 * Shared by the scripts of this folder: run one of the report's analyses through the public API, write its
 * figures (SVG) and data (CSV) under out/analyses/NAME, and print the numbers its caption quotes, so that a
 * headline result can be reproduced and read on its own: `npx tsx analyses/criticalDamping.ts [--quick]`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { FigureOptions, FigureResult } from '../src/index.ts';

export const runHeadline = async (name: string, figure: (o: FigureOptions & { outDir: string }) => Promise<FigureResult>): Promise<void> => {
  const args = process.argv.slice(2);
  const out = join('out', 'analyses', name);
  mkdirSync(out, { recursive: true });
  const t0 = Date.now();
  const f = await figure({
    quick: args.includes('--quick'), full: args.includes('--full'), workers: availableParallelism(), outDir: out,
    log: (m) => process.stderr.write(`[${((Date.now() - t0) / 1000).toFixed(0)} s] ${m}\n`), signal: { aborted: false },
  });
  f.svgs.forEach((svg, k) => writeFileSync(join(out, `${f.id}_${k + 1}.svg`), svg));
  for (const [table, t] of Object.entries(f.tables)) writeFileSync(join(out, `${f.id}_${table}.csv`), [t.header.join(','), ...t.rows.map((r) => r.join(','))].join('\n') + '\n');
  process.stdout.write(`${f.title}\n${f.caption}\n\nquoted numbers:\n`);
  for (const [k, v] of Object.entries(f.quoted)) process.stdout.write(`  ${k.padEnd(36)} ${v}\n`);
  process.stdout.write(`figures and data: ${out}\n`);
};
