/** Initial generator particles x_i (docs/model.md §1): Gaussian around a mean, explicit points, or read from a file. */
import * as E from 'fp-ts/lib/Either.js';
import { dataSpecOf, type Config } from './config.ts';
import { loadPoints } from './datasets.ts';
import { loadMnist } from './mnist.ts';
import { makeRng } from './random.ts';

export const initialParticles = (cfg: Config['particles'], d: number, seed: number): Float64Array => {
  const N = cfg.n;
  const init = cfg.init;
  if (init.kind === 'points') return Float64Array.from(init.points.flat());
  if (init.kind === 'dataset' || init.kind === 'mnist') {
    const cloud = init.kind === 'mnist' ? loadMnist({ ...init, count: init.count ?? N }) : loadPoints({ ...dataSpecOf(init), count: init.count ?? N });
    if (E.isLeft(cloud)) throw new Error(`${cloud.left.file}: ${cloud.left.message}`); // parseConfig has read it already
    return cloud.right.points.slice();
  }
  const rng = makeRng(seed, 'particles');
  const X = new Float64Array(N * d);
  for (let i = 0; i < N; i++) for (let k = 0; k < d; k++) {
    const mean = Array.isArray(init.mean) ? init.mean[k] : init.mean;
    X[i * d + k] = mean + init.std * rng.normal();
  }
  return X;
};
