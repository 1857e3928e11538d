/**
 * The one-hidden-layer critic's chunked right-hand side as a self-contained
 * factory: it refers to nothing but its parameters, so that `specialise`
 * (specialise.ts) can compile a fresh copy of it for every model. V8 then
 * treats each model's buffers and sizes as constants of its own compiled code
 * (array bases and lengths embedded, bounds checks folded), which a shared
 * class or shared closures cannot get once two models exist in one process.
 * The layout and arithmetic are described in rhsOneLayer.ts.
 */
import type { EganParts } from './parts.js';
import type { activationKernels } from './activations.js';
export interface KernelDeps {
    /** A fresh copy of `activationKernels` (specialise.ts): its point formula, s'' and loop are constants of the kernel. */
    readonly activation: typeof activationKernels;
    /** Number of chunks the particles and the target samples are split into. */
    readonly chunks: number;
    readonly BLOCK: number;
    /** Use the one-pass relu paths (fakesRelu, realsRelu) where they apply (default true; false for tests). */
    readonly fused?: boolean;
}
export interface OneLayerKernel {
    load(u: Float64Array): void;
    chunk(u: Float64Array, c: number, grad: Float64Array, go: number, G: Float64Array): void;
}
export declare const oneLayerKernel: (m: EganParts, deps: KernelDeps) => OneLayerKernel;
//# sourceMappingURL=oneLayerKernel.d.ts.map