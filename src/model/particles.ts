/** Initial generator particles x_i (docs/model.md §1): Gaussian around a mean, or explicit points. */
import type { Config } from './config.ts';
import { makeRng } from './random.ts';

export const initialParticles = (cfg: Config['particles'], d: number, seed: number): Float64Array => {
  const N = cfg.n;
  const init = cfg.init;
  if (init.kind === 'points') return Float64Array.from(init.points.flat());
  const rng = makeRng(seed, 'particles');
  const X = new Float64Array(N * d);
  for (let i = 0; i < N; i++) for (let k = 0; k < d; k++) {
    const mean = Array.isArray(init.mean) ? init.mean[k] : init.mean;
    X[i * d + k] = mean + init.std * rng.normal();
  }
  return X;
};
