/**
 * Fused right-hand side for the common one-hidden-layer MLP critic
 * D(x) = w_out . s(W_1 x + b_1) + b_out: the same flow as the generic
 * `makeGenericRhs` (rhs.ts), laid out for speed.
 *
 * Layout: points are taken in blocks (oneLayerLayout); within a block every loop runs
 * over hidden units outside and points inside, on structure-of-arrays
 * buffers (coordinates, pre-activations, activation values and derivatives
 * stored unit-major), so the per-unit parameters sit in registers and the
 * per-unit gradient sums are accumulated in registers and written once per
 * block. In d = 2 the activation is evaluated inside the pre-activation pass
 * (its point formula, inlined; 1.2-1.4x on a tanh RHS against a separate
 * loop over stored pre-activations), otherwise over the whole block in one
 * call of a loop compiled for this model and bound to the block buffers;
 * s'' is not stored but recomputed from s and s' where the regularizer needs
 * it. The code itself is in oneLayerKernel.ts,
 * compiled once per model (see below).
 * Passes per block: pre-activation and activation, then (particles, or any
 * point whose coefficient depends on D or that carries the regularizer) D
 * and g = grad_x D, then the parameter gradient (with the double-backprop
 * term of the regularizer where it applies). With relu in d = 2 the
 * particles' first three passes are one, and target samples with wgan and no
 * regularizer on them take a single pass with no block buffers at all (the
 * same operations in the same order, so the same bits; 1.5-1.7x on a relu RHS
 * with 512 samples and N = 64, 1.1x at N = 4,096 and 1e5; a smooth
 * activation inline in such a loop ran out of registers and was slower). All
 * buffers are read through locals (arrays captured by a closure and read in a
 * loop cost 2.4x).
 *
 * Chunks: the points are split into oneLayerLayout(N, M, d).chunks fixed parts (particles
 * and target samples alike, ~128 points each, 4 to 64 parts); each chunk's
 * parameter gradient is summed into its own slot and the slots are added in
 * chunk order (chunk c holds items floor(n c / chunks) .. floor(n (c + 1) / chunks)
 * of the particles and of the samples). The result is therefore the same to
 * the last bit whether one thread does every chunk or several threads share
 * them (threadedRhs.ts). Nothing is allocated per call.
 * Tested equal to the generic path to rounding (test/model/fastpath.test.ts).
 */
import type { Rhs } from '../ode/problem.ts';
import { activationKernels } from './activations.ts';
import { oneLayerKernel } from './oneLayerKernel.ts';
import { nativeOneLayerKernel } from './native.ts';
import { specialise } from '../ode/specialise.ts';
import type { EganParts } from './parts.ts';

/**
 * How the points are cut up: `chunks` fixed parts (each chunk's gradient summed into its own slot, the slots
 * added in order) and, within a chunk, blocks of at most `block` points (each block's sums added to the slot).
 * A function of the problem only (N particles, M target samples, dimension d), never of the thread count:
 * that is what makes threaded results bitwise those of one thread.
 * - d = 2: blocks of 32 and chunks of ~128 points, 4 to 64 of them, so that threads of unequal speed share the
 *   work dynamically (threadedRhs.ts);
 * - any other d: blocks of up to 128 points and chunks of ~256, 2 to 64 of them. There the kernel's cost is
 *   the products with the weight matrix (H x d), which is read once per block and product: larger blocks
 *   read it for more points, and fewer chunks mean fewer gradient slots of H x d to zero, fill and add
 *   (native, d = 784, N = M = 100, H = 256: 2 chunks of 50 points against 4 of 25, 38.7 -> 29 ms per call
 *   in a C harness of the products, with the packed panels of oneLayer.c 29 -> 21 ms).
 */
export const oneLayerLayout = (N: number, M: number, d: number): { readonly chunks: number; readonly block: number } =>
  d === 2
    ? { chunks: Math.max(4, Math.min(64, Math.ceil((N + M) / 128))), block: 32 }
    : { chunks: Math.max(2, Math.min(64, Math.ceil((N + M) / 256))), block: 128 };

/** The number of chunks (oneLayerLayout). */
export const chunkCount = (N: number, M: number, d: number): number => oneLayerLayout(N, M, d).chunks;

export interface OneLayerCore {
  /** Which implementation computes the chunks: the native kernel (native.ts) or the JavaScript one; the same bits either way. */
  readonly kernel: 'native' | 'js';
  /** Parameters in theta's layout: p. */
  readonly p: number;
  /** Number of chunks and points per block (oneLayerLayout). */
  readonly chunks: number;
  readonly block: number;
  /** Copy the critic's parameters out of the state u (once per call, before `chunk`). */
  load(u: Float64Array): void;
  /**
   * Add chunk c's contributions: the critic-gradient terms of its particles
   * and target samples into grad[go .. go + p) (theta layout, not scaled by
   * etaD, no weight decay), and s_i grad_x D(x_i) into G for its particles.
   */
  chunk(u: Float64Array, c: number, grad: Float64Array, go: number, G: Float64Array): void;
  /** The whole right-hand side: load, every chunk into its zeroed slot, then finishRhs (one native call for the native kernel). */
  readonly rhs: Rhs;
}

/**
 * The chunked computation: the native kernel (native.ts) where a verified
 * build exists and covers the model (unless `kernel` is 'js'), otherwise
 * oneLayerKernel.ts and its activation loop compiled afresh for this model
 * (specialise.ts), bitwise the same numbers as shared code: measured on
 * models built in sequence in one process (relu, MLP [64], 512 samples),
 * N = 16,384 at 15 ms per call instead of 30-34 ms with shared code,
 * N = 1,024 at 1.2 ms instead of 2.3 ms. Both kernels give the same bits.
 */
export const makeOneLayerCore = (m: EganParts, kernel: 'auto' | 'js' = 'auto'): OneLayerCore => {
  const { chunks, block } = oneLayerLayout(m.N, m.targetWeights.length, m.d), p = m.shape.p;
  const native = kernel === 'auto' ? nativeOneLayerKernel(m, chunks, block) : undefined;
  if (native) return { kernel: 'native', p, chunks, block, ...native };
  const js = specialise(oneLayerKernel)(m, { activation: specialise(activationKernels), chunks, BLOCK: block });
  const parts = new Float64Array(chunks * p), G = new Float64Array(m.N * m.d);
  return {
    kernel: 'js', p, chunks, block, ...js,
    rhs(_t, u, du) {
      js.load(u);
      parts.fill(0);
      for (let c = 0; c < chunks; c++) js.chunk(u, c, parts, c * p, G);
      finishRhs(m, chunks, u, parts, G, du);
    },
  };
};

/**
 * du_theta = etaD (sum over chunks in order of their gradients - mu theta),
 * du_X = etaG / N K G: the step shared by the single- and multi-threaded RHS.
 */
export const finishRhs = (m: EganParts, chunks: number, u: Float64Array, parts: Float64Array, G: Float64Array, du: Float64Array): void => {
  const p = m.shape.p, to = m.N * m.d, etaD = m.etaD, mu = m.weightDecay;
  for (let k = 0; k < p; k++) {
    let s = parts[k];
    for (let c = 1; c < chunks; c++) s += parts[c * p + k];
    du[to + k] = etaD * (s - mu * u[to + k]);
  }
  m.kernel.apply(G, m.d, m.etaG / m.N, du);
};

export const makeOneLayerRhs = (m: EganParts, kernel: 'auto' | 'js' = 'auto'): Rhs => makeOneLayerCore(m, kernel).rhs;
