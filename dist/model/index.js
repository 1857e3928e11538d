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
export { parseConfig, configSchema, formatConfigError, targetDim, criticParamCount, ACTIVATIONS, } from "./config.js";
export { buildModel, makeModel } from "./model.js";
export { getField, setField } from "./fieldPath.js";
export { makeRng } from "./random.js";
export { buildTarget } from "./targets.js";
export { initialParticles } from "./particles.js";
export { buildKernel, twoPointKernel, matrixKernel, ntkMatrix, fitTwoPoint } from "./kernels.js";
export { criticShape, initTheta } from "./critic.js";
export { activate, isNonSmooth } from "./activations.js";
export { lossOf, sigmoid } from "./losses.js";
export { regularizerOf } from "./regularizers.js";
export { criticObjective, criticAt } from "./objective.js";
export { makeEganRhs, makeGenericRhs } from "./rhs.js";
export { threadModel } from "./threadedRhs.js";
export { nativeStatus, nativeSupport, NATIVE_COVERS } from "./native.js";
//# sourceMappingURL=index.js.map