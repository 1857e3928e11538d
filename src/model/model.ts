/**
 * A resolved effective-GAN model: everything a config determines (target
 * samples, initial particles, kernel, critic shape and initial theta, the
 * flat initial state and the right-hand side), built once.
 *
 * @example
 * const model = buildModel(config);          // config from parseConfig
 * const du = new Float64Array(model.n);
 * model.rhs(0, model.u0, du);
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Config, ConfigError } from './config.ts';
import { parseConfig, targetDim } from './config.ts';
import { buildTarget, type Target } from './targets.ts';
import { initialParticles } from './particles.ts';
import { buildKernel, type Kernel } from './kernels.ts';
import { criticShape, initTheta, type CriticShape } from './critic.ts';
import { lossOf } from './losses.ts';
import { regularizerOf } from './regularizers.ts';
import { makeEganRhs } from './rhs.ts';
import type { EganParts } from './parts.ts';
import type { JacobianFn, Rhs } from '../ode/problem.ts';
import { analyticJacobian } from './jacobian.ts';
import { structuredJacobian, type ModelJacobian } from './structuredJacobian.ts';
import { exactJacobian, flowJvp, type Jvp } from './exactJacobian.ts';
import { makeGeneratorRhs, type GeneratorPart } from './generatorModel.ts';

export interface EganModel extends EganParts {
  readonly config: Config;
  readonly target: Target;
  readonly kernel: Kernel;
  readonly shape: CriticShape;
  readonly M: number;
  readonly p: number;
  /** State size: N d + p, or P + p with a real generator. */
  readonly n: number;
  readonly u0: Float64Array;
  readonly rhs: Rhs;
  /**
   * The flow's exact Jacobian, for every particle model: the closed form for the linear critic with wgan and a
   * grad2 regularizer (jacobian.ts), forward-mode tangents for every other one (exactJacobian.ts). The
   * linearization uses it. Undefined with a real generator (central differences there).
   */
  readonly jacobian?: JacobianFn;
  /** What one call of `jacobian` costs in right-hand-side equivalents (0 for the closed form). */
  readonly jacobianCost?: number;
  /** J(u) v, exact, for any state size (exactJacobian.ts); undefined with a real generator. */
  readonly jvp?: Jvp;
  /**
   * Where the Jacobian has no closed form: forward differences that use the flow's structure, at
   * 1 + p + N (d + 1) / (N + M) right-hand-side equivalents per call instead of n + 1 (structuredJacobian.ts),
   * about a fifth of the exact one's cost. Runs hand it to implicit solvers: the Newton iterations of ndf and
   * the Rosenbrock stages of rodas4 took the same steps with either on the wide ring (1,370 and 1,154).
   */
  readonly fdJacobian?: ModelJacobian;
  /**
   * With a real generator (config.generator): its network, latent codes and the map from a state [w, theta] to
   * the effective state [x_1 .. x_N, theta] that every observable reads (effectiveState).
   */
  readonly generator?: GeneratorPart;
}

/** The state [particles, theta] a state u stands for: u itself, or [G(z_i; w), theta] with a real generator. */
export const effectiveState = (m: Pick<EganModel, 'generator'>, u: Float64Array): Float64Array => (m.generator ? m.generator.effective(u) : u);

export const buildModel = (config: Config): EganModel => {
  const d = targetDim(config.target);
  const N = config.particles.n;
  const target = buildTarget(config.target, config.seed);
  const kernel = buildKernel(config.kernel, N, config.seed);
  const shape = criticShape(config.critic, d);
  const theta0 = config.theta ? Float64Array.from(config.theta) : initTheta(shape, config.seed);
  const X0 = initialParticles(config.particles, d, config.seed);
  const u0 = new Float64Array(N * d + shape.p);
  u0.set(X0, 0);
  u0.set(theta0, N * d);
  const parts: EganParts = {
    N, d, shape, kernel,
    loss: lossOf(config.loss),
    regularizer: regularizerOf(config.regularizer.kind),
    lambda: config.regularizer.lambda,
    weightDecay: config.weightDecay,
    etaG: config.etaG,
    etaD: config.etaD,
    targetPoints: target.points,
    targetWeights: target.weights,
  };
  if (config.generator) {
    const { rhs, generator } = makeGeneratorRhs(config, parts);
    const ug = new Float64Array(generator.shape.P + shape.p);
    ug.set(generator.w0, 0);
    ug.set(theta0, generator.shape.P);
    return { ...parts, config, target, kernel, shape, M: target.M, p: shape.p, n: ug.length, u0: ug, rhs, generator };
  }
  const rhs = makeEganRhs(parts);
  const closed = analyticJacobian(parts);
  const exact = closed ? { jacobian: closed, cost: 0 } : exactJacobian(parts);
  return {
    ...parts, config, target, kernel, shape, M: target.M, p: shape.p, n: u0.length, u0, rhs,
    jacobian: exact.jacobian, jacobianCost: exact.cost, jvp: flowJvp(parts), ...(closed ? {} : { fdJacobian: structuredJacobian(parts, rhs) }),
  };
};

/**
 * A model straight from a JSON value: parseConfig, then buildModel.
 * @example
 * makeModel({ target: { kind: 'ring' }, particles: { n: 64 } });   // Right(EganModel)
 * makeModel({ target: { kind: 'ring' }, particles: { n: 0 } });    // Left({ _tag: 'ConfigError', path: 'particles.n', ... })
 */
export const makeModel = (input: unknown): E.Either<ConfigError, EganModel> => E.map(buildModel)(parseConfig(input));
