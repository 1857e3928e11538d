/**
 * The optional native kernel: the one-hidden-layer critic's chunked
 * right-hand side (oneLayerKernel.ts) written in C (native/oneLayer.c),
 * compiled on the user's machine at install time (native/build.mjs, or
 * `npm run native`) and loaded through Node-API. It computes the same bits as
 * the JavaScript kernel (the same operations in the same order, no fused
 * multiply-add, the exponential's tables handed over from JavaScript), which
 * the build checks before it records a build as usable
 * (native/verify.ts), so the choice changes speed, never a number: results,
 * tests and the committed tables are those of either kernel. What it buys:
 * the compiler vectorises the loops over points (AVX-512 on the machine of
 * bench/results): on the small config of issue 10 (N = 64, 64 samples, MLP
 * [32] tanh) 24 us per call in C and ~29 us through Node-API, against
 * 113 us for the JavaScript kernel (bench section 3 prints the solve times).
 *
 * Covered: relu, leaky_relu, tanh, sigmoid; wgan; every regularizer; any d.
 * Not covered (their formulas call Math.log1p, Math.sin or Math.exp, whose
 * last bits a C library need not share): softplus, sin, nsgan; those models,
 * deeper critics and machines without a usable build take the JavaScript
 * kernel, silently (`nativeStatus()` and `nativeSupport(model)` say why).
 * EGAN_NATIVE=0 in the environment turns the native kernel off (for A/B
 * measurements; bench section 3 prints both).
 *
 * A build is used only when it is complete, verified, made from the current
 * sources (hash), for this interface version, platform and architecture, and
 * for CPU features this CPU has (native/sources.mjs decides, for the
 * installer and this loader alike); otherwise the reason is reported and the
 * JavaScript kernel runs.
 *
 * @example
 * const s = nativeStatus();   // { available: true, build } | { available: false, reason }
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { NATIVE_ABI, NATIVE_DIR, NATIVE_MODULE, NATIVE_RECORD, buildProblem } from '../../native/sources.mjs';
import { activationKernels } from './activations.ts';
import type { OneLayerKernel } from './oneLayerKernel.ts';
import type { EganParts } from './parts.ts';
import type { Rhs } from '../ode/problem.ts';

/** The module binding.c exports. */
export interface NativeAddon {
  readonly abi: number;
  /** Doubles per vector in the register tiles, as the build compiled native/vec.h (8 with AVX-512, else 4). */
  readonly vectorWidth: number;
  create(ints: Int32Array, lambda: number, Y: Float64Array, wY: Float64Array, tables: Float64Array): unknown;
  load(handle: unknown, u: Float64Array): void;
  chunk(handle: unknown, u: Float64Array, c: number, grad: Float64Array, go: number, G: Float64Array): void;
  teamCreate(ints: Int32Array, lambda: number, Y: Float64Array, wY: Float64Array, tables: Float64Array, finish: Float64Array, threads: number): unknown;
  teamRun(team: unknown, u: Float64Array, parts: Float64Array, G: Float64Array, du: Float64Array): void;
  teamClose(team: unknown): void;
}

/** The model's right-hand side computed by a team of threads (native/team.c): the same bits for any number of them. */
export interface NativeTeam {
  readonly threads: number;
  /** du at state u: every chunk, then finishRhs (in C for the two-point kernel, else the kernel applied here). */
  readonly rhs: Rhs;
  /** Stop the team's threads (idempotent; also done when the team is garbage-collected). rhs must not follow. */
  close(): void;
}

/** What native/build.mjs records next to the module. */
export interface NativeBuild {
  readonly abi: number;
  readonly sourceHash: string;
  readonly cc: string;
  readonly flags: readonly string[];
  readonly cpu: string;
  readonly arch: string;
  readonly platform: string;
  readonly node: string;
  readonly verified: boolean;
  readonly date: string;
  /** The CPU flags the build's compiler flags rely on (see native/sources.mjs). */
  readonly features?: readonly string[];
}

export type NativeStatus =
  | { readonly available: true; readonly build: NativeBuild; readonly addon: NativeAddon }
  | { readonly available: false; readonly reason: string };

/** Activation codes of oneLayer.h. */
const ACTIVATION_CODE: Partial<Record<string, number>> = { relu: 0, leaky_relu: 1, tanh: 2, sigmoid: 3 };

/** Load a compiled module (no checks of its build record: see nativeStatus). */
export const loadNativeAddon = (file: string): NativeAddon | string => {
  try {
    const addon = createRequire(import.meta.url)(file) as NativeAddon;
    return addon.abi === NATIVE_ABI ? addon : `${file} has interface version ${String(addon.abi)}, this egan needs ${NATIVE_ABI}`;
  } catch (e) {
    return `${file} does not load: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
  }
};

/**
 * The command that builds the kernel: `npm rebuild egan` where egan is installed as a dependency (its folder is
 * under node_modules; the install script runs again), `npm run native` in a clone of egan itself.
 */
export const NATIVE_BUILD_COMMAND = /[\\/]node_modules[\\/]/.test(NATIVE_DIR) ? 'npm rebuild egan' : 'npm run native';
const REBUILD = `rebuild with \`${NATIVE_BUILD_COMMAND}\``;

const readStatus = (): NativeStatus => {
  if (process.env.EGAN_NATIVE === '0') return { available: false, reason: 'turned off by EGAN_NATIVE=0' };
  if (!existsSync(NATIVE_MODULE) || !existsSync(NATIVE_RECORD)) return { available: false, reason: `not built (\`${NATIVE_BUILD_COMMAND}\` builds it; it needs a C compiler)` };
  let build: NativeBuild;
  try { build = JSON.parse(readFileSync(NATIVE_RECORD, 'utf8')) as NativeBuild; } catch { return { available: false, reason: `${NATIVE_RECORD} is unreadable: ${REBUILD}` }; }
  const problem = buildProblem(build);
  if (problem !== undefined) return { available: false, reason: `${problem}: ${REBUILD}` };
  const addon = loadNativeAddon(NATIVE_MODULE);
  return typeof addon === 'string' ? { available: false, reason: `${addon}: ${REBUILD}` } : { available: true, build, addon };
};

let status: NativeStatus | undefined;

/** Whether the native kernel can be used in this process, and why not (read once per process). */
export const nativeStatus = (): NativeStatus => (status ??= readStatus());

/** What the native kernel covers, in words (nativeSupport decides it). */
export const NATIVE_COVERS = 'one-hidden-layer MLP critics with relu, leaky_relu, tanh or sigmoid; loss wgan; any regularizer and dimension';

/** Why the native kernel does not cover this model, or undefined when it does. */
export const nativeSupport = (m: EganParts): string | undefined => {
  const s = m.shape;
  if (s.kind !== 'mlp' || s.hidden.length !== 1) return 'the native kernel covers one-hidden-layer MLP critics only';
  if (ACTIVATION_CODE[s.activation] === undefined) return `the native kernel does not cover activation ${s.activation} (its formula calls a Math function)`;
  if (m.loss.kind !== 'wgan') return `the native kernel does not cover loss ${m.loss.kind} (its coefficients call Math.exp)`;
  return undefined;
};

let tables: Float64Array | undefined;

/**
 * The exponential's constants and tables in oneLayer.h's layout (K32, L32_HI, L32_LO, BIAS, E2..E7, POW2, TM1),
 * built once per process (create() copies them).
 */
const packedTables = (): Float64Array => {
  if (tables) return tables;
  const t = activationKernels('tanh', 1).tables();
  tables = new Float64Array(10 + t.POW2.length + t.TM1.length);
  tables.set([t.K32, t.L32_HI, t.L32_LO, t.BIAS, t.E2, t.E3, t.E4, t.E5, t.E6, t.E7]);
  tables.set(t.POW2, 10);
  tables.set(t.TM1, 10 + t.POW2.length);
  return tables;
};

/** The arguments of create / teamCreate for model m (oneLayer.h's EganOneLayerInts, lambda, Y, wY, tables); throws if m is not covered. */
const modelArgs = (m: EganParts, chunks: number, block: number) => {
  const why = nativeSupport(m);
  if (why !== undefined) throw new Error(why);
  const s = m.shape, useReg = m.lambda > 0;
  const ints = Int32Array.from([
    m.N, m.targetWeights.length, s.hidden[0], m.d, chunks, block, ACTIVATION_CODE[s.activation] ?? -1,
    m.regularizer.kind === 'gp-fake' ? 1 : 0, useReg && m.regularizer.onFake ? 1 : 0, useReg && !m.regularizer.onFake ? 1 : 0,
    s.wOff[0], s.bOff[0], s.outOff, s.boutOff,
  ]);
  return [ints, m.lambda, m.targetPoints, m.targetWeights, packedTables()] as const;
};

/**
 * The native kernel for model m with the given chunks and block size, from `addon`: the same interface and
 * the same numbers as oneLayerKernel(m, { chunks, BLOCK: block }). Throws if m is not covered (check
 * nativeSupport first).
 */
export const makeNativeKernel = (addon: NativeAddon, m: EganParts, chunks: number, block: number): OneLayerKernel => {
  const handle = addon.create(...modelArgs(m, chunks, block));
  return {
    load: (u) => addon.load(handle, u),
    chunk: (u, c, grad, go, G) => addon.chunk(handle, u, c, grad, go, G),
  };
};

/**
 * A team of `threads` (1 .. chunks) computing model m's chunks (native/team.c); threads - 1 of them are
 * POSIX threads of the addon, which spin ~0.2 ms after a call and then sleep. Throws if m is not covered
 * or the threads cannot be started.
 */
export const makeNativeTeam = (addon: NativeAddon, m: EganParts, chunks: number, block: number, threads: number): NativeTeam => {
  // finishRhs's scale and constants (rhsOneLayer.ts), for team.c's copy of it.
  const scale = m.etaG / m.N, twoPoint = m.kernel.kind === 'two-point';
  const finish = Float64Array.of(m.etaD, m.weightDecay, twoPoint ? 1 : 0, m.kernel.g1, m.kernel.g2, scale);
  const team = addon.teamCreate(...modelArgs(m, chunks, block), finish, threads);
  const parts = new Float64Array(chunks * m.shape.p), G = new Float64Array(m.N * m.d);
  const { kernel, d } = m;
  let closed = false;
  return {
    threads,
    rhs: twoPoint
      ? (_t, u, du) => addon.teamRun(team, u, parts, G, du)
      : (_t, u, du) => { addon.teamRun(team, u, parts, G, du); kernel.apply(G, d, scale, du); },
    close: () => { if (!closed) { closed = true; addon.teamClose(team); } },
  };
};

/**
 * The native kernel for m when a usable build exists and covers m, else undefined (also when the kernel
 * refuses the model: create() checks its sizes and that the exponential's table is exact): rhs, the whole
 * right-hand side through a team of one thread (one native call per evaluation), and load and chunk, a
 * per-chunk kernel made on first use (only worker threads driving it from JavaScript need one).
 */
export const nativeOneLayerKernel = (m: EganParts, chunks: number, block: number): (OneLayerKernel & Pick<NativeTeam, 'rhs'>) | undefined => {
  const s = nativeStatus();
  if (!s.available || nativeSupport(m) !== undefined) return undefined;
  let team: NativeTeam;
  try { team = makeNativeTeam(s.addon, m, chunks, block, 1); } catch { return undefined; }
  let k: OneLayerKernel | undefined;
  const perChunk = () => (k ??= makeNativeKernel(s.addon, m, chunks, block));
  return { rhs: team.rhs, load: (u) => perChunk().load(u), chunk: (u, c, grad, go, G) => perChunk().chunk(u, c, grad, go, G) };
};
