/**
 * The effective-GAN flow (docs/model.md §3) over the state u = [X (N d, particle-major), theta (p)]:
 *
 *   dx_i/dt   = eta_G (1/N) sum_j K_ij s_j grad_x D(x_j)
 *   dtheta/dt = eta_D grad_theta [ E_P f_r(D) + E_Q f_f(D) - lambda R - (mu/2)|theta|^2 ]
 *
 * `makeEganRhs(parts)` returns (t, u, du) => void writing into du. All work
 * buffers are allocated here, once; a call allocates nothing. Cost per call:
 * O((N + M) p) for the critic and O(N d) for the two-point kernel.
 */
import type { Rhs } from '../ode/problem.ts';
import { accumulate, criticWork, evalCritic } from './critic.ts';
import type { EganParts } from './parts.ts';
import { makeOneLayerRhs } from './rhsOneLayer.ts';

/**
 * The flow's right-hand side; a one-hidden-layer MLP takes the fused path of
 * rhsOneLayer.ts (unless `generic`), every other critic the layer-by-layer one.
 */
export const makeEganRhs = (m: EganParts, generic = false): Rhs =>
  !generic && m.shape.kind === 'mlp' && m.shape.hidden.length === 1 ? makeOneLayerRhs(m) : makeGenericRhs(m);

/** Layer-by-layer right-hand side for any critic (the reference for the fused path). */
export const makeGenericRhs = (m: EganParts): Rhs => {
  const { N, d, shape, kernel, loss, regularizer, lambda, weightDecay: mu, etaG, etaD, targetPoints: Y, targetWeights: wY } = m;
  const M = wY.length;
  const p = shape.p;
  const to = N * d;
  const work = criticWork(shape);
  const G = new Float64Array(N * d);
  const v = new Float64Array(d);
  const useReg = lambda > 0;
  const regFake = useReg && regularizer.onFake;
  const regReal = useReg && !regularizer.onFake;
  const invN = 1 / N;
  return (_t, u, du) => {
    for (let k = 0; k < p; k++) du[to + k] = 0;
    // Particles: critic gradient of the fake term and of R (fake), and s_j grad_x D(x_j).
    for (let i = 0; i < N; i++) {
      const xo = i * d;
      evalCritic(shape, u, to, u, xo, work);
      const D = work.D;
      const s = loss.particleWeight(D);
      for (let k = 0; k < d; k++) G[xo + k] = s * work.g[k];
      if (regFake) {
        regularizer.direction(work.g, 0, d, -lambda * invN, v, 0);
        accumulate(shape, u, to, u, xo, work, loss.fakeCoef(D) * invN, v, 0, du, to);
      } else {
        accumulate(shape, u, to, u, xo, work, loss.fakeCoef(D) * invN, v, -1, du, to);
      }
    }
    // Target points: the real term and R (real).
    for (let j = 0; j < M; j++) {
      const yo = j * d;
      evalCritic(shape, u, to, Y, yo, work);
      const c = loss.realCoef(work.D) * wY[j];
      if (regReal) {
        regularizer.direction(work.g, 0, d, -lambda * wY[j], v, 0);
        accumulate(shape, u, to, Y, yo, work, c, v, 0, du, to);
      } else {
        accumulate(shape, u, to, Y, yo, work, c, v, -1, du, to);
      }
    }
    for (let k = 0; k < p; k++) du[to + k] = etaD * (du[to + k] - mu * u[to + k]);
    kernel.apply(G, d, etaG * invN, du);
  };
};
