import { activationKernels } from "./activations.js";
import { oneLayerKernel } from "./oneLayerKernel.js";
import { nativeOneLayerKernel } from "./native.js";
import { specialise } from "../ode/specialise.js";
/** Points per block (buffers are H x BLOCK). */
export const BLOCK = 32;
/** Points per chunk aimed at, and the bounds on the number of chunks. */
const CHUNK_POINTS = 128, MIN_CHUNKS = 4, MAX_CHUNKS = 64;
/**
 * The number of chunks for N particles and M target samples: a function of
 * the problem only, never of the thread count (that is what makes threaded
 * results bitwise those of one thread). Enough chunks that threads of unequal
 * speed share the work dynamically (threadedRhs.ts).
 */
export const chunkCount = (N, M) => Math.max(MIN_CHUNKS, Math.min(MAX_CHUNKS, Math.ceil((N + M) / CHUNK_POINTS)));
/**
 * The chunked computation: the native kernel (native.ts) where a verified
 * build exists and covers the model (unless `kernel` is 'js'), otherwise
 * oneLayerKernel.ts and its activation loop compiled afresh for this model
 * (specialise.ts), bitwise the same numbers as shared code: measured on
 * models built in sequence in one process (relu, MLP [64], 512 samples),
 * N = 16,384 at 15 ms per call instead of 30-34 ms with shared code,
 * N = 1,024 at 1.2 ms instead of 2.3 ms. Both kernels give the same bits.
 */
export const makeOneLayerCore = (m, kernel = 'auto') => {
    const chunks = chunkCount(m.N, m.targetWeights.length), p = m.shape.p;
    const native = kernel === 'auto' ? nativeOneLayerKernel(m, chunks, BLOCK) : undefined;
    if (native)
        return { kernel: 'native', p, chunks, ...native };
    const js = specialise(oneLayerKernel)(m, { activation: specialise(activationKernels), chunks, BLOCK });
    const parts = new Float64Array(chunks * p), G = new Float64Array(m.N * m.d);
    return {
        kernel: 'js', p, chunks, ...js,
        rhs(_t, u, du) {
            js.load(u);
            parts.fill(0);
            for (let c = 0; c < chunks; c++)
                js.chunk(u, c, parts, c * p, G);
            finishRhs(m, chunks, u, parts, G, du);
        },
    };
};
/**
 * du_theta = etaD (sum over chunks in order of their gradients - mu theta),
 * du_X = etaG / N K G: the step shared by the single- and multi-threaded RHS.
 */
export const finishRhs = (m, chunks, u, parts, G, du) => {
    const p = m.shape.p, to = m.N * m.d, etaD = m.etaD, mu = m.weightDecay;
    for (let k = 0; k < p; k++) {
        let s = parts[k];
        for (let c = 1; c < chunks; c++)
            s += parts[c * p + k];
        du[to + k] = etaD * (s - mu * u[to + k]);
    }
    m.kernel.apply(G, m.d, m.etaG / m.N, du);
};
export const makeOneLayerRhs = (m, kernel = 'auto') => makeOneLayerCore(m, kernel).rhs;
//# sourceMappingURL=rhsOneLayer.js.map