import type { OneLayerKernel } from './oneLayerKernel.js';
import type { EganParts } from './parts.js';
import type { Rhs } from '../ode/problem.js';
/** The module binding.c exports. */
export interface NativeAddon {
    readonly abi: number;
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
export type NativeStatus = {
    readonly available: true;
    readonly build: NativeBuild;
    readonly addon: NativeAddon;
} | {
    readonly available: false;
    readonly reason: string;
};
/** Load a compiled module (no checks of its build record: see nativeStatus). */
export declare const loadNativeAddon: (file: string) => NativeAddon | string;
/** Whether the native kernel can be used in this process, and why not (read once per process). */
export declare const nativeStatus: () => NativeStatus;
/** What the native kernel covers, in words (nativeSupport decides it). */
export declare const NATIVE_COVERS = "one-hidden-layer MLP critics with relu, leaky_relu, tanh or sigmoid; loss wgan; any regularizer and dimension";
/** Why the native kernel does not cover this model, or undefined when it does. */
export declare const nativeSupport: (m: EganParts) => string | undefined;
/**
 * The native kernel for model m with the given chunks and block size, from `addon`: the same interface and
 * the same numbers as oneLayerKernel(m, { chunks, BLOCK: block }). Throws if m is not covered (check
 * nativeSupport first).
 */
export declare const makeNativeKernel: (addon: NativeAddon, m: EganParts, chunks: number, block: number) => OneLayerKernel;
/**
 * A team of `threads` (1 .. chunks) computing model m's chunks (native/team.c); threads - 1 of them are
 * POSIX threads of the addon, which spin ~0.2 ms after a call and then sleep. Throws if m is not covered
 * or the threads cannot be started.
 */
export declare const makeNativeTeam: (addon: NativeAddon, m: EganParts, chunks: number, block: number, threads: number) => NativeTeam;
/**
 * The native kernel for m when a usable build exists and covers m, else undefined (also when the kernel
 * refuses the model: create() checks its sizes and that the exponential's table is exact): rhs, the whole
 * right-hand side through a team of one thread (one native call per evaluation), and load and chunk, a
 * per-chunk kernel made on first use (only worker threads driving it from JavaScript need one).
 */
export declare const nativeOneLayerKernel: (m: EganParts, chunks: number, block: number) => (OneLayerKernel & Pick<NativeTeam, "rhs">) | undefined;
//# sourceMappingURL=native.d.ts.map