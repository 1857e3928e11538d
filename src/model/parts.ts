/**
 * What the effective-GAN right-hand side is made of: sizes, the critic's shape,
 * the kernel, the game (loss, regularizer, weight decay), the learning rates and
 * the target sample. Built from a config by `buildModel` (model.ts); every
 * right-hand side (generic, fused one-layer, native, threaded) reads only this.
 */
import type { CriticShape } from './critic.ts';
import type { Kernel } from './kernels.ts';
import type { Loss } from './losses.ts';
import type { Regularizer } from './regularizers.ts';

export interface EganParts {
  readonly N: number;
  readonly d: number;
  readonly shape: CriticShape;
  readonly kernel: Kernel;
  readonly loss: Loss;
  readonly regularizer: Regularizer;
  readonly lambda: number;
  readonly weightDecay: number;
  readonly etaG: number;
  readonly etaD: number;
  /** Target points (M x d) and weights. */
  readonly targetPoints: Float64Array;
  readonly targetWeights: Float64Array;
}
