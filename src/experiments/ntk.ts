/**
 * The empirical NTK of a config's generator at initialization (docs/model.md §1, §10), summarized the way the
 * effective model uses it: the trace-normalized scalar kernel K_ij = tr(J_i J_j^T) / d, its two-point fit
 * (g1 = mean diagonal, g2 = mean off-diagonal: the least-squares fit of K by g1 I + g2 (1 1^T - I)), the
 * residual |K - K_2pt|_F / |K|_F (how far the kernel is from two numbers), how far the d x d blocks are from
 * scalar x identity, the spectrum (against the two-point kernel's g1 - g2 (N - 1 times) and g1 + (N - 1) g2),
 * and, for a one-hidden-layer relu generator in the NTK parametrization with s_w = 1 and no biases, the
 * distance to its infinite-width limit, the arc-cosine kernel of the `ntk` kernel kind.
 *
 * @example
 * empiricalNtk(config, [64, 256, 1024]);   // one summary per width (every hidden layer at that width)
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Config, ConfigError } from '../model/config.ts';
import { buildTarget } from '../model/targets.ts';
import { ntkMatrix } from '../model/kernels.ts';
import { generatorShape, initGenerator, latentCodes, ntkBlocks, scalarNtk } from '../model/generator.ts';
import { eigen } from '../linalg/eigen.ts';

export interface NtkSummary {
  readonly width: readonly number[];
  readonly N: number;
  readonly d: number;
  /** Parameters of the generator. */
  readonly P: number;
  readonly g1: number;
  readonly g2: number;
  /** |K - K_2pt|_F / |K|_F. */
  readonly residual: number;
  /** |blocks - K (x) I_d|_F / |blocks|_F: 0 when every d x d block is a multiple of the identity. */
  readonly anisotropy: number;
  /** Eigenvalues of the scalar kernel, largest first. */
  readonly spectrum: readonly number[];
  /** |K - arc-cosine kernel|_F / |arc-cosine|_F, where the infinite-width limit is the ntk kernel kind. */
  readonly arcCosineError?: number;
  /** The scalar kernel itself (N x N, row-major). */
  readonly K: Float64Array;
}

const frob = (A: ArrayLike<number>) => { let s = 0; for (let i = 0; i < A.length; i++) s += A[i] * A[i]; return Math.sqrt(s); };

/** The empirical NTK summary of the config's generator with each given hidden width (default: the config's own). */
export const empiricalNtk = (config: Config, widths?: readonly number[]): E.Either<ConfigError, NtkSummary[]> => {
  const gc = config.generator;
  if (!gc) return E.left({ _tag: 'ConfigError', path: 'generator', value: undefined, expected: 'a generator network whose NTK to compute ({ "kind": "mlp", "latentDim": ..., "hidden": [...] })' });
  const bad = widths?.findIndex((w) => !Number.isInteger(w) || w < 1) ?? -1;
  if (bad >= 0) return E.left({ _tag: 'ConfigError', path: `widths.${bad}`, value: widths![bad], expected: 'a positive integer width' });
  const d = buildTarget(config.target, config.seed).d, N = config.particles.n;
  const hiddens = widths ? widths.map((w) => gc.hidden.map(() => w)) : [gc.hidden];
  return E.right(hiddens.map((hidden) => {
    const g = generatorShape({ ...gc, hidden }, d);
    const Z = latentCodes(gc, N, config.seed);
    const blocks = ntkBlocks(g, initGenerator(g, config.seed), Z, N);
    const K = scalarNtk(blocks, N, d);
    let diag = 0, off = 0;
    for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) if (i === j) diag += K[i * N + j]; else off += K[i * N + j];
    const g1 = diag / N, g2 = N > 1 ? off / (N * (N - 1)) : 0;
    const R = K.map((x, k) => x - (k % (N + 1) === 0 ? g1 : g2));
    const nd = N * d;
    const aniso = blocks.map((x, k) => { const a = Math.floor(k / nd), b = k % nd; return (a % d === b % d ? x - K[Math.floor(a / d) * N + Math.floor(b / d)] : x); });
    const e = eigen(K, N, false);
    const spectrum = Array.from(e.re).sort((a, b) => b - a);
    const limit = hidden.length === 1 && gc.activation === 'relu' && gc.parametrization === 'ntk' && gc.weightScale === 1 && gc.biasScale === 0 && gc.outputScale === 1 && gc.latent === 'gaussian';
    const arc = limit ? ntkMatrix(N, gc.latentDim, 1, config.seed) : undefined;
    return {
      width: hidden, N, d, P: g.P, g1, g2, residual: frob(R) / frob(K), anisotropy: frob(aniso) / frob(blocks), spectrum, K,
      ...(arc ? { arcCosineError: frob(K.map((x, k) => x - arc[k])) / frob(arc) } : {}),
    };
  }));
};
