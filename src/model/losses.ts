/**
 * The game (docs/model.md §2): per-point coefficients of the critic's gradient and
 * the particles' weights s_j.
 *
 * wgan:  critic ascends E_P D - E_Q D; particles ascend E_Q D (s_j = 1).
 * nsgan: critic ascends E_P log sig(D) + E_Q log(1 - sig(D));
 *        particles ascend E_Q log sig(D) (s_j = 1 - sig(D(x_j))).
 * `realCoef(D)` multiplies w_m grad_theta D(y_m), `fakeCoef(D)` multiplies
 * (1/N) grad_theta D(x_j) in the critic's ascent direction.
 */
import type { Config } from './config.ts';

export interface Loss {
  readonly kind: Config['loss'];
  /** d/dD of the critic objective's real term, per unit weight. */
  realCoef(D: number): number;
  /** d/dD of the critic objective's fake term, per unit weight. */
  fakeCoef(D: number): number;
  /** s_j: the particle's weight on grad_x D (docs/model.md §3). */
  particleWeight(D: number): number;
  /** Derivatives in D of realCoef, fakeCoef and particleWeight (the flow's Jacobian, tangent.ts). */
  realCoefDeriv(D: number): number;
  fakeCoefDeriv(D: number): number;
  particleWeightDeriv(D: number): number;
  /** The critic objective's real and fake terms (for reporting V). */
  realValue(D: number): number;
  fakeValue(D: number): number;
}

export const sigmoid = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
/** sig'(x) = sig(x) sig(-x), without overflow in either tail. */
const sigmoidDeriv = (x: number): number => sigmoid(x) * sigmoid(-x);
/** log sig(x), stable for large |x|. */
const logSigmoid = (x: number): number => (x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x)));

export const WGAN: Loss = {
  kind: 'wgan',
  realCoef: () => 1,
  fakeCoef: () => -1,
  particleWeight: () => 1,
  realCoefDeriv: () => 0,
  fakeCoefDeriv: () => 0,
  particleWeightDeriv: () => 0,
  realValue: (D) => D,
  fakeValue: (D) => -D,
};

export const NSGAN: Loss = {
  kind: 'nsgan',
  realCoef: (D) => 1 - sigmoid(D),
  fakeCoef: (D) => -sigmoid(D),
  particleWeight: (D) => 1 - sigmoid(D),
  realCoefDeriv: (D) => -sigmoidDeriv(D),
  fakeCoefDeriv: (D) => -sigmoidDeriv(D),
  particleWeightDeriv: (D) => -sigmoidDeriv(D),
  realValue: (D) => logSigmoid(D),
  fakeValue: (D) => logSigmoid(-D),
};

export const lossOf = (kind: Config['loss']): Loss => (kind === 'wgan' ? WGAN : NSGAN);
