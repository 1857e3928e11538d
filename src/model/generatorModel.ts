/**
 * Real generator training in the effective-GAN ODE (docs/model.md §10): the state is u = [w (the generator's P
 * parameters), theta (the critic's p)], the particles are x_i = G(z_i; w) for fixed latent codes z_i, and
 *   dw/dt     = etaG (1/N) sum_i J_i^T s_i grad_x D(x_i)      (the generator ascends its objective),
 *   dtheta/dt = the critic's flow, as in the effective model.
 * Then dx_i/dt = J_i dw/dt = etaG (1/N) sum_j (J_i J_j^T) s_j grad_x D(x_j): the effective model's flow with
 * the generator's empirical NTK as the kernel, exactly, at every instant. Euler with step h is simultaneous
 * gradient descent of the real GAN with learning rates etaG h and etaD h.
 *
 * The forces s_i grad_x D(x_i) and dtheta come from the effective right-hand side itself (the fused or native
 * kernel) run with the identity kernel and etaG = N, where du_x = (N / N)(1 G_i + 0) = G_i exactly; the forces
 * are then pulled back through the generator (reverse mode). Nothing is allocated per call.
 */
import type { Rhs } from '../ode/problem.ts';
import type { Config } from './config.ts';
import type { EganParts } from './parts.ts';
import { makeEganRhs } from './rhs.ts';
import { twoPointKernel } from './kernels.ts';
import { backwardPoint, forwardPoint, generate, generatorShape, generatorWork, initGenerator, latentCodes, type GeneratorShape } from './generator.ts';

export interface GeneratorPart {
  readonly shape: GeneratorShape;
  /** The latent codes z_i (N x latentDim). */
  readonly Z: Float64Array;
  /** The initial parameters w0 (P). */
  readonly w0: Float64Array;
  /** The effective state [G(z_i; w), theta] of a state [w, theta] (a fresh array). */
  effective(u: Float64Array): Float64Array;
}

/** The right-hand side over [w, theta] and the generator's part of the model. */
export const makeGeneratorRhs = (config: Config, parts: EganParts): { rhs: Rhs; generator: GeneratorPart } => {
  const gc = config.generator!;
  const { N, d } = parts;
  const shape = generatorShape({ ...gc, beta: gc.beta }, d);
  const w0 = initGenerator(shape, config.seed), Z = latentCodes(gc, N, config.seed);
  const P = shape.P, p = parts.shape.p, nx = N * d;
  // The effective right-hand side with the identity kernel and etaG = N: du_x is the forces G_i themselves.
  const forces = makeEganRhs({ ...parts, kernel: twoPointKernel(N, 1, 0), etaG: N });
  const ueff = new Float64Array(nx + p), dueff = new Float64Array(nx + p);
  // One work per latent code: the forward pass of each point is kept for its backward pass.
  const works = Array.from({ length: N }, () => generatorWork(shape));
  const L = shape.widths.length - 1, dz = shape.widths[0];
  const rhs: Rhs = (t, u, du) => {
    const w = u.subarray(0, P);
    for (let i = 0; i < N; i++) {
      forwardPoint(shape, w, Z, i * dz, works[i]);
      ueff.set(works[i].h[L], i * d);
    }
    ueff.set(u.subarray(P, P + p), nx);
    forces(t, ueff, dueff);
    du.set(dueff.subarray(nx), P);
    du.fill(0, 0, P);
    for (let i = 0; i < N; i++) backwardPoint(shape, w, dueff, i * d, parts.etaG / N, du, works[i]);
  };
  const effective = (u: Float64Array): Float64Array => {
    const out = new Float64Array(nx + p);
    generate(shape, u.subarray(0, P), Z, N, out.subarray(0, nx));
    out.set(u.subarray(P, P + p), nx);
    return out;
  };
  return { rhs, generator: { shape, Z, w0, effective } };
};
