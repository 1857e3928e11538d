/**
 * `egan eval PARTICLES --target CONFIG [--json]`: the observables of a particle cloud read from a file
 * (.npy, .npy.gz, CSV, JSON: an array of points, or an egan run's final.json) against the target of a
 * config file (its `target` and `seed`; the rest of the config is not used): the final particles of a run,
 * samples of a real GAN, or particles published with a paper. Prints the coverage metrics, the distances,
 * and for point-cloud targets (points, dataset, mnist) the paper's nearest-target metrics (digits hit,
 * entropy gap, mean nearest distance; cosine and Euclidean).
 */
import * as E from 'fp-ts/lib/Either.js';
import { loadPoints } from '../model/datasets.ts';
import { buildTarget } from '../model/targets.ts';
import { cloudMetrics } from '../experiments/metrics.ts';
import { EXIT, UsageError, loadConfig } from './io.ts';

const f = (x: number) => (Number.isInteger(x) ? String(x) : Math.abs(x) >= 1e-3 && Math.abs(x) < 1e4 ? x.toPrecision(4) : x.toExponential(3));

export const evalCommand = async (file: string, opts: { target: string; json?: boolean }): Promise<number> => {
  const config = loadConfig(opts.target, { resources: false });
  const cloud = loadPoints({ file });
  if (E.isLeft(cloud)) throw new UsageError(`${cloud.left.file}: ${cloud.left.message}`);
  const target = buildTarget(config.target, config.seed);
  const { rows: N, dim, points } = cloud.right;
  if (dim !== target.d) throw new UsageError(`${file}: its points have ${dim} coordinates, the target of ${opts.target} has ${target.d}`);
  const m = cloudMetrics(points, N, target, config.seed);
  if (opts.json) { process.stdout.write(JSON.stringify({ particles: N, dim, targetPoints: target.M, modes: target.K, metrics: m }) + '\n'); return EXIT.ok; }
  const lines = [`${N} particles in ${dim} dimensions against ${target.M} target points (${target.K} modes)`];
  if (m.digitsHit !== undefined) {
    lines.push(`  cosine:    digits hit ${m.digitsHit}/${target.K}   entropy gap ${f(m.entropyGap!)} (log K = ${f(Math.log(target.K))})   mean nearest distance ${f(m.meanNearestDistance!)}`);
    lines.push(`  euclidean: digits hit ${m.digitsHitEuclidean}/${target.K}   entropy gap ${f(m.entropyGapEuclidean!)}   mean nearest distance ${f(m.meanNearestDistanceEuclidean!)}`);
  }
  lines.push(`  collapse score ${f(m.collapseScore)}   modes covered ${m.modesCovered}/${target.K}   quality ${f(m.quality)}`);
  lines.push(`  mean gap ${f(m.meanGap)}   MMD^2 ${f(m.mmd2)}${m.mmd2Points ? ` (${m.mmd2Points} points per side)` : ''}   sliced W2 ${f(m.slicedW2)}`);
  process.stdout.write(lines.join('\n') + '\n');
  return EXIT.ok;
};
