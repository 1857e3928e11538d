/**
 * The effective-GAN right-hand side computed by several threads: the
 * calling thread and threads - 1 worker threads (rhsWorker.ts) share the
 * state, the per-chunk parameter gradients and the particle forces through
 * one SharedArrayBuffer. Per call the caller copies u into shared memory,
 * bumps a call number (Atomics), takes chunks like the workers, waits for
 * them and finishes (chunk sums in fixed order, weight decay, kernel).
 *
 * The points are split into the same fixed chunks as the single-thread fused
 * RHS (chunkCount(N, M)); every thread takes the next chunk from a shared
 * counter until none is left (threads of unequal speed share the work), writes
 * its gradient into that chunk's slot, and the slots are added in chunk order.
 * The result is therefore bitwise identical for any number of threads and any
 * assignment of chunks to threads (test/model/threadedRhs.test.ts).
 * Worth it when one call costs well above the synchronisation (~ a few
 * microseconds): N (particles + target samples) times hidden units above
 * ~2,000 (bench section 1 prints the speed-up). Only the one-hidden-layer MLP
 * critic has the chunked core; other critics keep the single-thread RHS.
 *
 * Where the native kernel covers the model (native.ts), its own threads run
 * the same scheme instead (native/team.c: the same chunks, slots and order,
 * so the same bits), with no JavaScript on the other threads and one native
 * call per right-hand side: on the small config of issue 10 the median call
 * is 11.8 us against 19 us with worker threads driving the native kernel.
 * `kernel: 'js'` keeps worker threads and the JavaScript kernel.
 *
 * @example
 * const r = threadModel(buildModel(config), 2);   // Either<ThreadError, ThreadedModel>
 * if (E.isRight(r)) { runModel(r.right.model); r.right.close(); }
 */
import type { Worker } from 'node:worker_threads';
import * as E from 'fp-ts/lib/Either.js';
import type { Config } from './config.js';
import type { EganModel } from './model.js';
import { type OneLayerCore } from './rhsOneLayer.js';
/** Int32 slots of the control block. seq < 0 tells the workers to exit; next is the next chunk to take. */
export declare const CTL: {
    readonly seq: 0;
    readonly done: 1;
    readonly ready: 2;
    readonly error: 3;
    readonly next: 4;
};
/** Spin iterations before a waiting thread sleeps on Atomics.wait (~0.3 ms: an Atomics.load costs ~14 ns here). */
export declare const SPIN = 20000;
export interface RhsWorkerData {
    readonly config: Config;
    readonly sab: SharedArrayBuffer;
    readonly n: number;
    readonly p: number;
    readonly nx: number;
    readonly chunks: number;
    readonly kernel: 'auto' | 'js';
}
/** Views of the shared block: control, state U (n), chunk gradients (chunks p), forces G (nx). */
export declare const sharedViews: (sab: SharedArrayBuffer, n: number, p: number, nx: number, chunks: number) => {
    ctl: Int32Array<SharedArrayBuffer>;
    U: Float64Array<SharedArrayBuffer>;
    parts: Float64Array<SharedArrayBuffer>;
    G: Float64Array<SharedArrayBuffer>;
};
export interface ThreadedModel {
    /** The model with its rhs replaced by the threaded one (threads = 1: the model itself). */
    readonly model: EganModel;
    /** Threads in use (including the caller's). */
    readonly threads: number;
    /** Why fewer threads than asked are used, when that is so. */
    readonly note?: string;
    /** Stop the workers (idempotent). The model's rhs must not be called afterwards. */
    close(): void;
    /** The worker threads (threads - 1 of them; none when the native kernel's own threads run it), e.g. for their resourceUsage(). */
    readonly workers: readonly Worker[];
}
export interface ThreadOptions {
    /** How long to wait for the workers to build their model (ms, default 60,000). */
    readonly timeoutMs?: number;
    /**
     * How long a call waits with no worker finishing before it gives up (ms, default
     * 60,000): a worker thread that died mid-run would otherwise leave the caller waiting
     * forever. One worker's share of a call is at most a few chunks, milliseconds at
     * N = 1e5, so only a dead or frozen worker reaches this.
     */
    readonly stallMs?: number;
    /**
     * 'js' runs the JavaScript kernel even where the native one is usable (for A/B measurements: bench
     * section 3); the numbers are the same bits either way. Default 'auto'.
     */
    readonly kernel?: 'auto' | 'js';
}
/** Take chunks from the shared counter until none is left. */
export declare const takeChunks: (ctl: Int32Array, core: OneLayerCore, u: Float64Array, parts: Float64Array, G: Float64Array) => void;
/**
 * A model whose rhs runs on `threads` threads (capped at the number of chunks). Blocks
 * until the workers have built their copy of the model (at most
 * `timeoutMs`); a worker that fails to start gives Left with the reason. A call
 * in which no worker finishes for `stallMs` closes the model and throws (a worker
 * died); the pool running the solve reports that as a crashed run (pool.ts).
 */
/** Why a threaded model could not be made (bad count, workers that did not start or failed to build the model). */
export interface ThreadError {
    readonly _tag: 'ThreadError';
    readonly message: string;
}
export declare const threadModel: (m: EganModel, threads: number, options?: ThreadOptions) => E.Either<ThreadError, ThreadedModel>;
//# sourceMappingURL=threadedRhs.d.ts.map