/**
 * `egan phase <dir> [--out FILE]`: the docs/model.md §6.3 phase diagram of a finished
 * (or partial) sweep, read from DIR/sweep.resolved.json and DIR/results.jsonl
 * as written by `egan sweep` or `egan merge`. The sweep's axes must be over
 * `kernel.g2` and `etaD` and may be over `critic.activation` (one panel per
 * activation). Writes one SVG with a heat map per metric (`--metric a,b`, any
 * number of a result line's metrics, or modesCoveredFraction = modes covered
 * / K); by default modes covered / K and the collapse score for ring, grid and
 * gaussian targets, and the paper's digits hit and entropy gap for point-cloud
 * targets (points, dataset, mnist). Failed cells read "fail", cells not yet
 * run are left blank and counted in the printed line.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { phaseCells, readResults } from '../experiments/sweep.ts';
import { phaseDiagramsSpec, type PhaseCell } from '../plot/phase.ts';
import { buildTarget } from '../model/targets.ts';
import { renderSvg } from '../plot/svg.ts';
import { EXIT, UsageError, writeAtomic, prepareOutFile } from './io.ts';
import { loadSweep } from './sweep.ts';

const PHASE_AXES = ['kernel.g2', 'etaD', 'critic.activation'];

export const phaseCommand = async (dir: string, opts: { out?: string; metric?: string }): Promise<number> => {
  const specFile = join(dir, 'sweep.resolved.json');
  if (!existsSync(specFile)) throw new UsageError(`${specFile} does not exist (expected the --out folder of egan sweep or egan merge)`);
  const { spec, cells } = loadSweep(specFile);
  const paths = spec.axes.map((a) => a.path);
  for (const need of ['kernel.g2', 'etaD']) {
    if (!paths.includes(need)) throw new UsageError(`${specFile}: the phase diagram needs an axis over "${need}"; the sweep's axes are ${paths.join(', ')}`);
  }
  const other = paths.find((p) => !PHASE_AXES.includes(p));
  if (other) throw new UsageError(`${specFile}: axis "${other}" is not one of ${PHASE_AXES.join(', ')} (the diagram has one cell per activation, g2/g1 and etaD/etaG)`);
  const { lines, torn } = readResults(join(dir, 'results.jsonl'));
  if (torn) process.stderr.write(`egan phase: ${torn} torn line(s) in ${join(dir, 'results.jsonl')} ignored\n`);
  const first = cells[0].config;
  const K = buildTarget(first.target, first.seed).K;
  const pointCloud = first.target.kind !== 'ring' && first.target.kind !== 'grid' && first.target.kind !== 'gaussian';
  const fields = opts.metric ? opts.metric.split(',').map((s) => s.trim()).filter(Boolean) : pointCloud ? ['digitsHit', 'entropyGap'] : ['modesCoveredFraction', 'collapseScore'];
  if (first.kernel.kind !== 'two-point') throw new UsageError(`${specFile}: sweep.base.kernel.kind is "${first.kernel.kind}"; the phase diagram is over the two-point kernel's g2/g1`);
  const data: PhaseCell[] = phaseCells(cells, lines, K);
  if (data.length === 0) throw new UsageError(`${join(dir, 'results.jsonl')}: no result line belongs to this sweep's cells (run egan sweep first)`);
  const known = new Set(data.flatMap((c) => Object.keys(c.values)));
  const unknown = fields.find((f) => !known.has(f) && data.some((c) => c.status === 'success'));
  if (unknown) throw new UsageError(`--metric ${unknown}: not a metric of these results; expected one of ${[...known].sort().join(', ')}`);
  const svg = await renderSvg(phaseDiagramsSpec(data, fields, K));
  const out = prepareOutFile(opts.out ?? join(dir, 'phase.svg'));
  writeAtomic(out, svg);
  const count = (f: (c: PhaseCell) => unknown) => new Set(data.map(f)).size;
  const failed = data.filter((c) => c.status !== 'success').length;
  const missing = cells.length - data.length;
  process.stdout.write(`phase diagram of ${data.length} cells (${count((c) => c.activation)} activation(s) x ${count((c) => c.g2)} g2/g1 x ${count((c) => c.etaD)} etaD/etaG; ${fields.join(', ')}), `
    + `${failed} failed (marked "fail"), ${missing} not run: ${out}\n`);
  return EXIT.ok;
};
