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

/**
 * One particle's share of the flow, (theta, x) -> its kernel source s grad_x D(x) into G[go .. go + d) and its
 * term of dtheta/dt before the factor eta_D (the fake loss term and a fake-point regularizer), added into
 * grad[gOff .. gOff + p). theta is read from th at offset to, x from X at offset xo. The generic right-hand side
 * sums it over the particles; the structured Jacobian (structuredJacobian.ts) differentiates it one particle at a time.
 */
export type ParticleTerm = (th: Float64Array, to: number, X: Float64Array, xo: number, G: Float64Array, go: number, grad: Float64Array, gOff: number) => void;

export const makeParticleTerm = (m: EganParts): ParticleTerm => {
  const { N, d, shape, loss, regularizer, lambda } = m;
  const work = criticWork(shape);
  const v = new Float64Array(d);
  const regFake = lambda > 0 && regularizer.onFake;
  const invN = 1 / N;
  return (th, to, X, xo, G, go, grad, gOff) => {
    evalCritic(shape, th, to, X, xo, work);
    const D = work.D;
    const s = loss.particleWeight(D);
    for (let k = 0; k < d; k++) G[go + k] = s * work.g[k];
    if (regFake) {
      regularizer.direction(work.g, 0, d, -lambda * invN, v, 0);
      accumulate(shape, th, to, X, xo, work, loss.fakeCoef(D) * invN, v, 0, grad, gOff);
    } else {
      accumulate(shape, th, to, X, xo, work, loss.fakeCoef(D) * invN, v, -1, grad, gOff);
    }
  };
};

/** Layer-by-layer right-hand side for any critic (the reference for the fused path). */
export const makeGenericRhs = (m: EganParts): Rhs => {
  const { N, d, shape, kernel, loss, regularizer, lambda, weightDecay: mu, etaG, etaD, targetPoints: Y, targetWeights: wY } = m;
  const M = wY.length;
  const p = shape.p;
  const to = N * d;
  const work = criticWork(shape);
  const particle = makeParticleTerm(m);
  const G = new Float64Array(N * d);
  const v = new Float64Array(d);
  const regReal = lambda > 0 && !regularizer.onFake;
  const invN = 1 / N;
  return (_t, u, du) => {
    for (let k = 0; k < p; k++) du[to + k] = 0;
    // Particles: critic gradient of the fake term and of R (fake), and s_j grad_x D(x_j).
    for (let i = 0; i < N; i++) particle(u, to, u, i * d, G, i * d, du, to);
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
