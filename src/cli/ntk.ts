/**
 * `egan ntk CONFIG [--json] [--widths a,b,c]`: the empirical NTK of a config's generator at initialization
 * (experiments/ntk.ts): the two-point fit (g1, g2) and its residual, the blocks' distance from scalar x
 * identity, the spectrum, and, with --widths, how they change with width (every hidden layer at that width),
 * with the distance to the arc-cosine kernel where that is the infinite-width limit.
 */
import * as E from 'fp-ts/lib/Either.js';
import { empiricalNtk } from '../experiments/ntk.ts';
import { formatConfigError } from '../model/config.ts';
import { EXIT, UsageError, loadConfig, parseInteger } from './io.ts';

const f = (x: number) => (Math.abs(x) >= 1e-3 && Math.abs(x) < 1e4 ? x.toPrecision(4) : x.toExponential(3));

export const ntkCommand = async (file: string, opts: { json?: boolean; widths?: string }): Promise<number> => {
  const config = loadConfig(file);
  if (!config.generator) throw new UsageError(`${file}: egan ntk needs a generator (config.generator: { "kind": "mlp", "latentDim": ..., "hidden": [...] })`);
  const widths = opts.widths?.split(',').map((s) => parseInteger('--widths', s.trim(), 1));
  const r = empiricalNtk(config, widths);
  if (E.isLeft(r)) throw new UsageError(`${file}: ${formatConfigError(r.left)}`);
  const out = r.right;
  if (opts.json) { process.stdout.write(JSON.stringify(out.map(({ K: _K, ...s }) => s)) + '\n'); return EXIT.ok; }
  const N = out[0].N;
  process.stdout.write(`empirical NTK of the generator at initialization, N = ${N} latent codes, d = ${out[0].d} (scalar kernel: the d x d blocks' trace / d)\n`);
  process.stdout.write(`${'width'.padStart(12)} ${'params'.padStart(9)} ${'g1'.padStart(10)} ${'g2'.padStart(10)} ${'g2/g1'.padStart(8)} ${'residual'.padStart(9)} ${'anisotropy'.padStart(10)} ${'arc-cosine'.padStart(10)}   spectrum (largest, 2nd, smallest)\n`);
  for (const s of out) {
    process.stdout.write(`${JSON.stringify(s.width).padStart(12)} ${String(s.P).padStart(9)} ${f(s.g1).padStart(10)} ${f(s.g2).padStart(10)} ${f(s.g2 / s.g1).padStart(8)} ${f(s.residual).padStart(9)} ${f(s.anisotropy).padStart(10)} ${(s.arcCosineError === undefined ? '-' : f(s.arcCosineError)).padStart(10)}   ${f(s.spectrum[0])}, ${f(s.spectrum[1])}, ${f(s.spectrum[N - 1])}\n`);
  }
  const two = out[out.length - 1];
  process.stdout.write(`two-point kernel with the last fit: eigenvalues g1 + (N-1) g2 = ${f(two.g1 + (N - 1) * two.g2)} (rigid translations) and g1 - g2 = ${f(two.g1 - two.g2)} (${N - 1} times)\n`);
  process.stdout.write('residual: |K - two-point fit|_F / |K|_F; anisotropy: |blocks - K (x) I|_F / |blocks|_F; arc-cosine: |K - infinite-width limit|_F / |limit|_F (one relu layer, NTK parametrization, s_w = 1, no biases)\n');
  return EXIT.ok;
};
