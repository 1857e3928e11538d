/**
 * `egan report [--out DIR] [--quick] [--full] [--workers K]`: the default
 * analyses with plots (src/report/report.ts), progress on stderr, and the path
 * of the report printed at the end. SIGINT/SIGTERM stop it after the current
 * figure (cells already finished are in DIR/data/fig3_cells.jsonl) and write
 * what is done.
 */
import { resolve } from 'node:path';
import { writeReport } from '../report/report.ts';
import { EXIT, parseWorkers, prepareOutDir } from './io.ts';
import { onInterrupt } from './progress.ts';

export const reportCommand = async (opts: { out?: string; quick?: boolean; full?: boolean; workers?: string }): Promise<number> => {
  prepareOutDir(opts.out ?? 'out');
  const signal = { aborted: false };
  const off = onInterrupt(() => { signal.aborted = true; process.stderr.write('egan report: interrupted; writing what is done\n'); });
  const t0 = Date.now();
  try {
    const r = await writeReport({
      out: opts.out ?? 'out', quick: opts.quick, full: opts.full, signal,
      workers: opts.workers ? parseWorkers(opts.workers) : undefined,
      log: (m) => process.stderr.write(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${m}\n`),
    });
    process.stdout.write(`report: ${resolve(r.path)} (${r.figures.length} figures, ${r.seconds.toFixed(0)} s)\n`);
    return signal.aborted ? EXIT.interrupted : EXIT.ok;
  } finally {
    off();
  }
};
