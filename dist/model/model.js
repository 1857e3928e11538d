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
import { parseConfig, targetDim } from "./config.js";
import { buildTarget } from "./targets.js";
import { initialParticles } from "./particles.js";
import { buildKernel } from "./kernels.js";
import { criticShape, initTheta } from "./critic.js";
import { lossOf } from "./losses.js";
import { regularizerOf } from "./regularizers.js";
import { makeEganRhs } from "./rhs.js";
import { analyticJacobian } from "./jacobian.js";
export const buildModel = (config) => {
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
    const parts = {
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
    return { ...parts, config, target, kernel, shape, M: target.M, p: shape.p, n: u0.length, u0, rhs: makeEganRhs(parts), jacobian: analyticJacobian(parts) };
};
/**
 * A model straight from a JSON value: parseConfig, then buildModel.
 * @example
 * makeModel({ target: { kind: 'ring' }, particles: { n: 64 } });   // Right(EganModel)
 * makeModel({ target: { kind: 'ring' }, particles: { n: 0 } });    // Left({ _tag: 'ConfigError', path: 'particles.n', ... })
 */
export const makeModel = (input) => E.map(buildModel)(parseConfig(input));
//# sourceMappingURL=model.js.map