/**
 * What a config will need before anything is allocated: the state size, and the bytes of the critic, the
 * per-point activations, a dense kernel matrix, a dense Jacobian (stiff solvers only) and the saved trajectory.
 * `checkResources` refuses a config whose estimate exceeds half of the machine's memory, naming the part that
 * dominates, its size and the way out, instead of an allocation failing minutes in ("Invalid typed array
 * length") or the machine swapping.
 *
 * The estimates are upper bounds of the order of what egan allocates (docs/model.md, Limits in the README):
 * - the critic: p parameters, held about 16 times (state, solver stages, gradients): 128 p bytes;
 * - the particles and targets: (N + M) d, the same 16 times for the particles;
 * - the activations of an MLP critic: (N + M) x (sum of hidden widths) x 2 doubles;
 * - an `ntk` or `matrix` kernel: the dense N x N matrix;
 * - the stiff solvers with a dense Jacobian (rodas4, ndf, bdf): the n x n Jacobian and its LU, 3 n² doubles
 *   (auto's stiff phase is Jacobian-free above 32 components, ndf-krylov's always: O(30 n));
 * - the trajectory: saveAt.n states of n numbers (and the effective particles of a real generator), each an
 *   array with ~256 bytes of overhead, held twice (the run's worker thread and the copy it sends back).
 * @packageDocumentation
 */
import { KRYLOV_MAX } from '../ode/jacobian.ts';
import { totalmem } from 'node:os';
import * as E from 'fp-ts/lib/Either.js';
import { criticParamCount, targetDim, type Config } from './config.ts';

/** Bytes of each part a config needs, and the state size n. */
export interface ResourceEstimate {
  /** State coordinates: N d + critic parameters (generator weights + critic parameters for a real generator). */
  readonly n: number;
  readonly criticParameters: number;
  readonly parts: readonly ResourcePart[];
  /** Sum of the parts, in bytes. */
  readonly bytes: number;
}

/** One part of the estimate: what it is, its size in words, its bytes, and how to make it smaller. */
export interface ResourcePart {
  readonly what: string;
  readonly bytes: number;
  readonly remedy: string;
}

/** A config too large for this machine: the dominant part, the estimate and the memory available. */
export interface ResourceError {
  readonly _tag: 'ResourceError';
  readonly part: ResourcePart;
  readonly bytes: number;
  readonly memory: number;
  readonly message: string;
}

/** Methods that build a dense n x n Jacobian (and its LU); auto and ndf-krylov keep a Krylov basis instead. */
const JACOBIAN_METHODS = new Set(['rodas4', 'ndf', 'bdf']);

/** Number of target points M a config's target holds. */
const targetPoints = (t: Config['target']): number => {
  if (t.kind === 'points') return t.points.length;
  if (t.kind === 'mnist') return t.count;
  if (t.kind === 'dataset') return t.count ?? 0; // read from the file; counted when the model is built
  return t.samples;
};

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** A byte count in words people read: 1.2 GB, 340 MB, 12 KB. */
export const formatBytes = (b: number): string =>
  b >= 100 * 2 ** 30 ? `${Math.round(b / 2 ** 30).toLocaleString('en-US')} GB` : b >= 2 ** 30 ? `${(b / 2 ** 30).toPrecision(3)} GB` : b >= 2 ** 20 ? `${(b / 2 ** 20).toPrecision(3)} MB` : `${Math.ceil(b / 1024)} KB`;

const count = (x: number) => (x >= 1e6 ? x.toExponential(2).replace('e+', 'e') : String(x));

/**
 * The estimate of a parsed config (arithmetic on its fields; nothing is allocated).
 * @example
 * estimateResources(parseConfig({ target: { kind: 'ring' }, particles: { n: 64 } }).right).bytes   // ~ 0.2 MB
 */
export const estimateResources = (c: Config): ResourceEstimate => {
  const d = Math.max(1, targetDim(c.target));
  const N = c.particles.n, M = targetPoints(c.target);
  const p = criticParamCount(c.critic, d);
  const g = c.generator;
  const genParams = g ? (() => { let q = 0, fan = g.latentDim; for (const h of g.hidden) { q += h * fan + h; fan = h; } return q + fan * d + d; })() : 0;
  const n = (g ? genParams : N * d) + p;
  const hidden = c.critic.kind === 'mlp' ? sum(c.critic.hidden) : 0;
  const parts: ResourcePart[] = [
    { what: `critic: ${count(p)} parameters${c.critic.kind === 'mlp' ? ` (hidden [${c.critic.hidden.join(', ')}] in d = ${d})` : ''}`, bytes: 128 * p, remedy: 'fewer or narrower hidden layers (critic.hidden)' },
    { what: `state: ${count(N * d)} particle coordinates and ${count(M * d)} target coordinates`, bytes: 8 * (16 * (g ? genParams + N * d : N * d) + M * d), remedy: 'fewer particles (particles.n) or target points' },
    { what: `activations: ${count(N + M)} points x ${count(hidden)} hidden units`, bytes: 16 * (N + M) * hidden, remedy: 'fewer particles or target points, or fewer hidden units' },
  ];
  if (!g && (c.kernel.kind === 'ntk' || c.kernel.kind === 'matrix'))
    parts.push({ what: `a dense ${c.kernel.kind} kernel of ${count(N)} x ${count(N)}`, bytes: 8 * N * N, remedy: 'a two-point kernel (kernel.kind "two-point") or fewer particles' });
  if (JACOBIAN_METHODS.has(c.solver.method))
    parts.push({ what: `a dense Jacobian of n = ${count(n)} coordinates for solver.method "${c.solver.method}" (n² numbers, with its LU)`, bytes: 24 * n * n, remedy: 'an explicit solver (rk4, dopri5), which needs no Jacobian, "ndf-krylov" or "auto" (Jacobian-free), or a smaller state' });
  else if (c.solver.method === 'auto' || c.solver.method === 'ndf-krylov')
    parts.push({ what: `the Krylov basis of solver.method "${c.solver.method}" (${KRYLOV_MAX + 1} vectors of n = ${count(n)} numbers)`, bytes: 8 * (KRYLOV_MAX + 1) * n, remedy: 'an explicit solver (rk4, dopri5) or a smaller state' });
  parts.push({ what: `trajectory: saveAt.n = ${count(c.saveAt.n)} saved states of ${count(n + (g ? N * d : 0))} numbers`, bytes: 2 * c.saveAt.n * (8 * (n + (g ? N * d : 0)) + 256), remedy: 'fewer saved times (saveAt.n)' });
  return { n, criticParameters: p, parts, bytes: sum(parts.map((x) => x.bytes)) };
};

/**
 * The estimate, or a ResourceError when it exceeds half of `memory` (default: this machine's), naming the
 * part that dominates.
 * @example
 * checkResources(config)   // Left({ _tag: 'ResourceError', message: 'critic: 1.00e10 parameters ... needs ~ 1.2e3 GB ...' })
 */
export const checkResources = (c: Config, memory = totalmem()): E.Either<ResourceError, ResourceEstimate> => {
  const est = estimateResources(c);
  if (est.bytes <= 0.5 * memory) return E.right(est);
  // The part that dominates; when the model alone (without its saved states) is over the budget, the part of
  // the model: a trajectory of huge states is not cured by saving fewer of them.
  const model = est.parts.filter((x) => !x.what.startsWith('trajectory'));
  const pool = sum(model.map((x) => x.bytes)) > 0.5 * memory ? model : est.parts;
  const part = pool.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  return E.left({
    _tag: 'ResourceError', part, bytes: est.bytes, memory,
    // Naming the model's sum when the model alone is over: "most of it" then holds of the number said.
    message: `${pool === model ? "this config's model (without its saved states)" : 'this config'} needs ~${formatBytes(sum(pool.map((x) => x.bytes)))} of memory, most of it for the ${part.what} (~${formatBytes(part.bytes)}); this machine has ${formatBytes(memory)} and egan uses at most half: ${part.remedy}`,
  });
};
