/**
 * The effective-GAN right-hand side computed by several threads: the
 * calling thread and threads - 1 worker threads (rhsWorker.ts) share the
 * state, the per-chunk parameter gradients and the particle forces through
 * one SharedArrayBuffer. Per call the caller copies u into shared memory,
 * bumps a call number (Atomics), takes chunks like the workers, waits for
 * them and finishes (chunk sums in fixed order, weight decay, kernel).
 *
 * The points are split into the same fixed chunks as the single-thread fused
 * RHS (oneLayerLayout(N, M, d)); every thread takes the next chunk from a shared
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
import { siblingModule, startWorker } from '../runtime/workers.ts';
import * as E from 'fp-ts/lib/Either.js';
import type { Config } from './config.ts';
import type { EganModel } from './model.ts';
import type { Rhs } from '../ode/problem.ts';
import { finishRhs, makeOneLayerCore, makeOneLayerRhs, oneLayerLayout, type OneLayerCore } from './rhsOneLayer.ts';
import { makeNativeTeam, nativeStatus, nativeSupport, type NativeTeam } from './native.ts';

/** Int32 slots of the control block. seq < 0 tells the workers to exit; next is the next chunk to take. */
export const CTL = { seq: 0, done: 1, ready: 2, error: 3, next: 4 } as const;
const CTL_BYTES = 64;
/** Spin iterations before a waiting thread sleeps on Atomics.wait (~0.3 ms: an Atomics.load costs ~14 ns here). */
export const SPIN = 20_000;

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
export const sharedViews = (sab: SharedArrayBuffer, n: number, p: number, nx: number, chunks: number) => {
  let off = CTL_BYTES;
  const U = new Float64Array(sab, off, n); off += 8 * n;
  const parts = new Float64Array(sab, off, chunks * p); off += 8 * chunks * p;
  const G = new Float64Array(sab, off, nx);
  return { ctl: new Int32Array(sab, 0, CTL_BYTES / 4), U, parts, G };
};

/** A worker thread of a threaded model, as far as callers need it (node's Worker has this and more). */
export interface WorkerHandle {
  readonly threadId: number;
  terminate(): Promise<number>;
}

export interface ThreadedModel {
  /** The model with its rhs replaced by the threaded one (threads = 1: the model itself). */
  readonly model: EganModel;
  /** Threads in use (including the caller's). */
  readonly threads: number;
  /** Why fewer threads than asked are used, when that is so. */
  readonly note?: string;
  /** Stop the workers (idempotent). The model's rhs must not be called afterwards. */
  close(): void;
  /** The worker threads (threads - 1 of them; none when the native kernel's own threads run it). */
  readonly workers: readonly WorkerHandle[];
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


/**
 * The native kernel's threads (native/team.c) instead of worker threads: the caller and T - 1 threads of
 * the addon share each call's chunks, one native call per right-hand side and no JavaScript on the other
 * threads (bench section 3: per call against worker threads driving the native kernel). Undefined when
 * the team cannot be made (then worker threads run it).
 */
const nativeThreads = (m: EganModel, chunks: number, block: number, T: number, note: string | undefined): ThreadedModel | undefined => {
  const s = nativeStatus();
  if (!s.available || nativeSupport(m) !== undefined) return undefined;
  let team: NativeTeam;
  try { team = makeNativeTeam(s.addon, m, chunks, block, T); } catch { return undefined; }
  let closed = false;
  const rhs: Rhs = (t, u, du) => {
    if (closed) throw new Error('threaded rhs called after close()');
    team.rhs(t, u, du);
  };
  const close = () => { closed = true; team.close(); };
  return { model: { ...m, rhs }, threads: T, ...(note ? { note } : {}), close, workers: [] };
};
const entry = siblingModule(import.meta.url, 'rhsWorker');

/** Take chunks from the shared counter until none is left. */
export const takeChunks = (ctl: Int32Array, core: OneLayerCore, u: Float64Array, parts: Float64Array, G: Float64Array): void => {
  const { p, chunks } = core;
  for (let c = Atomics.add(ctl, CTL.next, 1); c < chunks; c = Atomics.add(ctl, CTL.next, 1)) {
    parts.fill(0, c * p, (c + 1) * p);
    core.chunk(u, c, parts, c * p, G);
  }
};

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
const threadError = (message: string): ThreadError => ({ _tag: 'ThreadError', message });

export const threadModel = (m: EganModel, threads: number, options: ThreadOptions = {}): E.Either<ThreadError, ThreadedModel> => {
  const { timeoutMs = 60_000, stallMs = 60_000, kernel = 'auto' } = options;
  if (!Number.isInteger(threads) || threads < 1) return E.left(threadError(`threads: got ${threads}; expected an integer >= 1`));
  const oneLayer = m.shape.kind === 'mlp' && m.shape.hidden.length === 1;
  const single = (note?: string): ThreadedModel => ({
    model: kernel === 'js' && oneLayer && !m.generator ? { ...m, rhs: makeOneLayerRhs(m, 'js') } : m, threads: 1, ...(note ? { note } : {}), close: () => {}, workers: [],
  });
  if (threads === 1) return E.right(single());
  if (m.generator) return E.right(single('a real generator model runs its right-hand side on one thread'));
  if (!oneLayer) return E.right(single('the threaded right-hand side needs a one-hidden-layer mlp critic; running on one thread'));
  const { chunks, block } = oneLayerLayout(m.N, m.M, m.d);
  const T = Math.min(threads, chunks);
  const note = T < threads ? `the right-hand side of this model splits into ${chunks} chunks; using ${chunks} threads` : undefined;
  if (kernel === 'auto') {
    const native = nativeThreads(m, chunks, block, T, note);
    if (native) return E.right(native);
  }
  const core = makeOneLayerCore(m, kernel);
  const p = m.shape.p, n = m.n, nx = m.N * m.d;
  const sab = new SharedArrayBuffer(CTL_BYTES + 8 * (n + chunks * p + nx));
  const { ctl, U, parts, G } = sharedViews(sab, n, p, nx, chunks);
  const workers: Worker[] = [];
  for (let index = 1; index < T; index++) {
    const data: RhsWorkerData = { config: m.config, sab, n, p, nx, chunks, kernel };
    const w = startWorker(entry, { workerData: data });
    w.unref();
    workers.push(w);
  }
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    Atomics.store(ctl, CTL.seq, -1);
    Atomics.notify(ctl, CTL.seq);
    for (const w of workers) void w.terminate();
  };
  // Wait for every worker's model (the main thread blocks; workers run on their own threads).
  const deadline = Date.now() + timeoutMs;
  for (let r = Atomics.load(ctl, CTL.ready); r < T - 1; r = Atomics.load(ctl, CTL.ready)) {
    if (Date.now() > deadline) { close(); return E.left(threadError(`threads: the right-hand side workers did not start within ${timeoutMs} ms`)); }
    Atomics.wait(ctl, CTL.ready, r, 50);
  }
  if (Atomics.load(ctl, CTL.error) !== 0) { close(); return E.left(threadError('threads: a right-hand side worker failed to build the model')); }

  // Every thread reads the shared copy U of the state and writes to shared memory. (The core is this
  // model's own compiled copy, specialise.ts, so its loops only ever see these shared arrays.)
  let seq = 0;
  const rhs: Rhs = (_t, u, du) => {
    if (closed) throw new Error('threaded rhs called after close()');
    U.set(u);
    Atomics.store(ctl, CTL.next, 0);
    Atomics.store(ctl, CTL.done, 0);
    seq = seq === 0x3fffffff ? 1 : seq + 1;
    Atomics.store(ctl, CTL.seq, seq);
    Atomics.notify(ctl, CTL.seq);
    core.load(U);
    takeChunks(ctl, core, U, parts, G);
    let spins = 0, seen = -1, since = 0;
    for (let d = Atomics.load(ctl, CTL.done); d < T - 1; d = Atomics.load(ctl, CTL.done)) {
      if (++spins <= SPIN) continue;
      if (d !== seen) { seen = d; since = Date.now(); }
      else if (Date.now() - since > stallMs) {
        close();
        throw new Error(`threads: no right-hand side worker finished its share for ${stallMs} ms (${T - 1 - d} of ${T - 1} missing): a worker thread died or froze; the threaded model is closed`);
      }
      Atomics.wait(ctl, CTL.done, d, 100);
    }
    if (Atomics.load(ctl, CTL.error) !== 0) throw new Error('a right-hand side worker failed during a call');
    finishRhs(m, chunks, u, parts, G, du);
  };
  return E.right({ model: { ...m, rhs }, threads: T, ...(note ? { note } : {}), close, workers });
};
