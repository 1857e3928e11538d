/**
 * Figure 7 (docs/model.md §9): the paper's real-data experiment, from the MNIST sweep in the repository.
 *
 * The full sweep (`egan sweep examples/sweep-mnist.json --out docs/mnist`: 130 cells of 100 particles against
 * 100 digits in 784 dimensions, to t = 1000) takes a day on a 2-core machine, far more than the report's time,
 * so this figure does not integrate it: it draws what that command wrote into docs/mnist (the phase diagram of
 * the cells done so far, digits hit, entropy gap and mean nearest cosine distance), and the two single runs in
 * docs/mnist/runs (`egan run` then `egan plot` on one cell without and one with collapse: the final particles
 * as 28 x 28 images beside their nearest digits). Where docs/mnist is not there (an installed package), the
 * figure says so. Its table is the diagram's cells.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import { buildTarget, expandSweep, parseSweep, phaseCells, phaseDiagramsSpec, readResults, renderSvg } from '../api.ts';
import { fmt, type FigureOptions, type FigureResult } from './figure.ts';

/** docs/mnist of the repository this module belongs to (dist/report or src/report, two levels down). */
export const MNIST_DIR = fileURLToPath(new URL('../../docs/mnist/', import.meta.url));

/** The two single runs drawn beside the diagram, by folder name under docs/mnist/runs. */
export const MNIST_RUNS: readonly { dir: string; what: string }[] = [
  { dir: 'etaD1-g2-0', what: 'g2/g1 = 0, etaD/etaG = 1' },
  { dir: 'etaD1-g2-0.98', what: 'g2/g1 = 0.98, etaD/etaG = 1' },
];

const TITLE = 'Real data: 100 particles against 100 MNIST digits in 784 dimensions (docs/model.md §9)';

export const mnistFigure = async (o: Pick<FigureOptions, 'log'>, dir = MNIST_DIR): Promise<FigureResult> => {
  const empty = (why: string): FigureResult => ({ id: 'fig7', title: TITLE, caption: why, svgs: [], tables: {}, quoted: {}, configs: {} });
  const specPath = join(dir, 'sweep.resolved.json'), resultsPath = join(dir, 'results.jsonl');
  if (!existsSync(specPath) || !existsSync(resultsPath)) return empty(`Not in this installation: the MNIST sweep's results (docs/mnist of the repository) are missing. Run "egan sweep examples/sweep-mnist.json --out docs/mnist".`);
  const spec = parseSweep(JSON.parse(readFileSync(specPath, 'utf8')));
  if (E.isLeft(spec)) throw new Error(`figure 7: ${specPath}: ${spec.left.message}`);
  const cells = expandSweep(spec.right);
  if (E.isLeft(cells)) throw new Error(`figure 7: ${specPath}: ${cells.left.message}`);
  const { lines } = readResults(resultsPath);
  const first = cells.right[0].config;
  const K = buildTarget(first.target, first.seed).K;
  const data = phaseCells(cells.right, lines, K);
  o.log(`figure 7: ${data.length} of ${cells.right.length} MNIST cells read from ${dir}`);
  const phase = await renderSvg(phaseDiagramsSpec(data, ['digitsHit', 'entropyGap', 'meanNearestDistance'], K));
  const runs = MNIST_RUNS.map((r) => ({ ...r, svg: join(dir, 'runs', r.dir, 'run.svg') })).filter((r) => existsSync(r.svg));
  const rows = data.map((c) => [c.g2, c.etaD, c.values.digitsHit ?? null, c.values.entropyGap ?? null, c.values.meanNearestDistance ?? null, c.status]);
  const at = (g2: number, etaD: number) => data.find((c) => c.g2 === g2 && c.etaD === etaD)?.values;
  const quoted: Record<string, number> = { cellsDone: data.length, cellsTotal: cells.right.length };
  const complete = data.length === cells.right.length;
  const a = at(0, 1), b = at(0.98, 1);
  if (a?.digitsHit != null) quoted.hitG0Eta1 = a.digitsHit;
  if (b?.digitsHit != null) quoted.hitG098Eta1 = b.digitsHit;
  return {
    id: 'fig7', title: TITLE,
    caption: `First 100 MNIST training digits (normalized (x/255 - 0.1307)/0.3081), 100 particles from a standard normal start, relu critic [32], wgan, grad2-fake lambda = 1.25, weight decay 1e-4, `
      + `rk4 with h = 0.035 / etaD to t = 1000; metrics by cosine distance (digits hit: distinct nearest digits; entropy gap: log K + sum p log p over the particles' nearest digits; mean nearest distance). `
      + `Read from docs/mnist: ${complete ? `all ${data.length}` : `${data.length} of the ${cells.right.length}`} cells of "egan sweep examples/sweep-mnist.json"${complete ? '' : ' are done'} `
      + `(the whole grid takes about a day on 2 cores${complete ? '' : '; blank cells are not run yet'}). `
      + (a?.digitsHit != null ? `At etaD/etaG = 1: ${fmt(a.digitsHit, 3)} digits hit at g2/g1 = 0` : '') + (b?.digitsHit != null ? `, ${fmt(b.digitsHit, 3)} at g2/g1 = 0.98. ` : '. ')
      + (runs.length ? `Right: ${runs.map((r) => r.what).join(' and ')} ("egan run", then "egan plot"): final particles as images beside their nearest digits, and the metrics over time.` : ''),
    svgs: [phase, ...runs.map((r) => readFileSync(r.svg, 'utf8'))],
    tables: { cells: { header: ['g2g1', 'etaDetaG', 'digitsHit', 'entropyGap', 'meanNearestDistance', 'status'], rows } },
    quoted,
    configs: {},
  };
};
