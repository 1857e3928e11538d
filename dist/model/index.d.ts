/**
 * `egan/model`: the effective-GAN model. A config (JSON, validated by `parseConfig`) becomes a model
 * (`buildModel`, or `makeModel` from JSON in one step) whose right-hand side `model.rhs(t, u, du)` is the
 * training flow over the state u = [particles (N d), critic parameters (p)].
 *
 * @example
 * import { makeModel } from 'egan/model';
 * const m = makeModel({ target: { kind: 'ring' }, particles: { n: 64 } });   // Right(EganModel)
 *
 * @module
 */
export { parseConfig, configSchema, formatConfigError, targetDim, criticParamCount, ACTIVATIONS, type Config, type ConfigInput, type ConfigError, type Activation, } from './config.js';
export { buildModel, makeModel, type EganModel } from './model.js';
export type { EganParts } from './parts.js';
export { getField, setField } from './fieldPath.js';
export { makeRng, type Rng } from './random.js';
export { buildTarget, type Target } from './targets.js';
export { initialParticles } from './particles.js';
export { buildKernel, twoPointKernel, matrixKernel, ntkMatrix, fitTwoPoint, type Kernel } from './kernels.js';
export { criticShape, initTheta, type CriticShape } from './critic.js';
export { activate, isNonSmooth } from './activations.js';
export { lossOf, sigmoid, type Loss } from './losses.js';
export { regularizerOf, type Regularizer } from './regularizers.js';
export { criticObjective, criticAt, type CriticStats } from './objective.js';
export { makeEganRhs, makeGenericRhs } from './rhs.js';
export { threadModel, type ThreadedModel, type ThreadOptions, type ThreadError } from './threadedRhs.js';
export { nativeStatus, nativeSupport, NATIVE_COVERS, type NativeStatus, type NativeBuild } from './native.js';
//# sourceMappingURL=index.d.ts.map