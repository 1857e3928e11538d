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
export {
  parseConfig, configSchema, formatConfigError, targetDim, criticParamCount, resolveDataPaths, targetCloud, ACTIVATIONS,
  type Config, type ConfigInput, type ConfigError, type Activation,
} from './config.ts';
export { buildModel, makeModel, type EganModel } from './model.ts';
export { structuredJacobian, type ModelJacobian } from './structuredJacobian.ts';
export { exactJacobian, flowJvp, type Jvp } from './exactJacobian.ts';
export { estimateResources, checkResources, formatBytes, type ResourceEstimate, type ResourcePart, type ResourceError } from './resources.ts';
export { configJsonSchema, configReference, type JsonSchema } from './configReference.ts';
export type { EganParts } from './parts.ts';
export { getField, setField } from './fieldPath.ts';
export { makeRng, type Rng } from './random.ts';
export { buildTarget, normalizeWeights, type Target } from './targets.ts';
export { loadPoints, pointsShape, formatOf, type DataSpec, type DataFormat, type DataError, type Normalize, type PointCloud } from './datasets.ts';
export { loadMnist, loadMnistLabels, mnistFolder, MNIST_MEAN, MNIST_STD, MNIST_DIM, type MnistSpec, type MnistSplit, type MnistNormalize } from './mnist.ts';
export { initialParticles } from './particles.ts';
export { buildKernel, twoPointKernel, matrixKernel, ntkMatrix, fitTwoPoint, type Kernel } from './kernels.ts';
export { criticShape, initTheta, type CriticShape } from './critic.ts';
export { activate, isNonSmooth } from './activations.ts';
export { lossOf, sigmoid, type Loss } from './losses.ts';
export { regularizerOf, type Regularizer } from './regularizers.ts';
export { criticObjective, criticAt, type CriticStats } from './objective.ts';
export { makeEganRhs, makeGenericRhs } from './rhs.ts';
export { threadModel, type ThreadedModel, type ThreadOptions, type ThreadError } from './threadedRhs.ts';
export { nativeStatus, nativeSupport, NATIVE_COVERS, type NativeStatus, type NativeBuild } from './native.ts';
export {
  generatorShape, initGenerator, latentCodes, generate, pullback, ntkBlocks, scalarNtk, generatorWork,
  type GeneratorConfig, type GeneratorShape, type GeneratorWork,
} from './generator.ts';
