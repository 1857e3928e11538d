/**
 * The critic's objective and its parts at a state (docs/model.md §2, §5):
 * V = E_P f_r(D) + E_Q f_f(D) (for wgan: E_P D - E_Q D), R, the full
 * objective J = V - lambda R - (mu/2)|theta|^2 that the critic ascends, and
 * statistics of |grad_x D| over the particles.
 */
import type { EganModel } from './model.ts';
import { criticWork, evalCritic } from './critic.ts';

export interface CriticStats {
  readonly V: number;
  readonly R: number;
  readonly J: number;
  readonly gradNormMean: number;
  readonly gradNormMax: number;
  /** E_Q D, the particles' objective (wgan). */
  readonly meanDFake: number;
}

/**
 * The critic's objective at state u. `check`, if given, is called every 4,096 points (a caller that can be
 * interrupted throws from it: the metrics of a run of 200,000 particles spend ~0.3 s here).
 */
export const criticObjective = (m: Pick<EganModel, 'N' | 'd' | 'shape' | 'loss' | 'regularizer' | 'lambda' | 'weightDecay' | 'targetPoints' | 'targetWeights'>, u: Float64Array, check?: () => void): CriticStats => {
  const { N, d, shape } = m;
  const to = N * d;
  const w = criticWork(shape);
  let fake = 0, real = 0, R = 0, gsum = 0, gmax = 0, dsum = 0;
  for (let i = 0; i < N; i++) {
    if (check && (i & 4095) === 0) check();
    evalCritic(shape, u, to, u, i * d, w);
    fake += m.loss.fakeValue(w.D) / N;
    dsum += w.D / N;
    const gn = Math.hypot(...w.g);
    gsum += gn / N;
    gmax = Math.max(gmax, gn);
    if (m.regularizer.onFake) R += m.regularizer.value(w.g, 0, d) / N;
  }
  for (let j = 0; j < m.targetWeights.length; j++) {
    if (check && (j & 4095) === 0) check();
    evalCritic(shape, u, to, m.targetPoints, j * d, w);
    real += m.loss.realValue(w.D) * m.targetWeights[j];
    if (!m.regularizer.onFake) R += m.regularizer.value(w.g, 0, d) * m.targetWeights[j];
  }
  let th2 = 0;
  for (let k = to; k < u.length; k++) th2 += u[k] * u[k];
  const V = real + fake;
  return { V, R, J: V - m.lambda * R - 0.5 * m.weightDecay * th2, gradNormMean: gsum, gradNormMax: gmax, meanDFake: dsum };
};

/** D at a point x (length d), for plots and tests. */
export const criticAt = (m: Pick<EganModel, 'N' | 'd' | 'shape'>, u: Float64Array, x: Float64Array): { D: number; g: Float64Array } => {
  const w = criticWork(m.shape);
  evalCritic(m.shape, u, m.N * m.d, x, 0, w);
  return { D: w.D, g: w.g.slice() };
};
