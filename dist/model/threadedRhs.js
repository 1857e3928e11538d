import { siblingModule, startWorker } from "../runtime/workers.js";
import * as E from 'fp-ts/lib/Either.js';
import { BLOCK, chunkCount, finishRhs, makeOneLayerCore, makeOneLayerRhs } from "./rhsOneLayer.js";
import { makeNativeTeam, nativeStatus, nativeSupport } from "./native.js";
/** Int32 slots of the control block. seq < 0 tells the workers to exit; next is the next chunk to take. */
export const CTL = { seq: 0, done: 1, ready: 2, error: 3, next: 4 };
const CTL_BYTES = 64;
/** Spin iterations before a waiting thread sleeps on Atomics.wait (~0.3 ms: an Atomics.load costs ~14 ns here). */
export const SPIN = 20_000;
/** Views of the shared block: control, state U (n), chunk gradients (chunks p), forces G (nx). */
export const sharedViews = (sab, n, p, nx, chunks) => {
    let off = CTL_BYTES;
    const U = new Float64Array(sab, off, n);
    off += 8 * n;
    const parts = new Float64Array(sab, off, chunks * p);
    off += 8 * chunks * p;
    const G = new Float64Array(sab, off, nx);
    return { ctl: new Int32Array(sab, 0, CTL_BYTES / 4), U, parts, G };
};
/**
 * The native kernel's threads (native/team.c) instead of worker threads: the caller and T - 1 threads of
 * the addon share each call's chunks, one native call per right-hand side and no JavaScript on the other
 * threads (bench section 3: per call against worker threads driving the native kernel). Undefined when
 * the team cannot be made (then worker threads run it).
 */
const nativeThreads = (m, chunks, T, note) => {
    const s = nativeStatus();
    if (!s.available || nativeSupport(m) !== undefined)
        return undefined;
    let team;
    try {
        team = makeNativeTeam(s.addon, m, chunks, BLOCK, T);
    }
    catch {
        return undefined;
    }
    let closed = false;
    const rhs = (t, u, du) => {
        if (closed)
            throw new Error('threaded rhs called after close()');
        team.rhs(t, u, du);
    };
    const close = () => { closed = true; team.close(); };
    return { model: { ...m, rhs }, threads: T, ...(note ? { note } : {}), close, workers: [] };
};
const entry = siblingModule(import.meta.url, 'rhsWorker');
/** Take chunks from the shared counter until none is left. */
export const takeChunks = (ctl, core, u, parts, G) => {
    const { p, chunks } = core;
    for (let c = Atomics.add(ctl, CTL.next, 1); c < chunks; c = Atomics.add(ctl, CTL.next, 1)) {
        parts.fill(0, c * p, (c + 1) * p);
        core.chunk(u, c, parts, c * p, G);
    }
};
const threadError = (message) => ({ _tag: 'ThreadError', message });
export const threadModel = (m, threads, options = {}) => {
    const { timeoutMs = 60_000, stallMs = 60_000, kernel = 'auto' } = options;
    if (!Number.isInteger(threads) || threads < 1)
        return E.left(threadError(`threads: got ${threads}; expected an integer >= 1`));
    const oneLayer = m.shape.kind === 'mlp' && m.shape.hidden.length === 1;
    const single = (note) => ({
        model: kernel === 'js' && oneLayer ? { ...m, rhs: makeOneLayerRhs(m, 'js') } : m, threads: 1, ...(note ? { note } : {}), close: () => { }, workers: [],
    });
    if (threads === 1)
        return E.right(single());
    if (!oneLayer)
        return E.right(single('the threaded right-hand side needs a one-hidden-layer mlp critic; running on one thread'));
    const chunks = chunkCount(m.N, m.M);
    const T = Math.min(threads, chunks);
    const note = T < threads ? `the right-hand side of this model splits into ${chunks} chunks; using ${chunks} threads` : undefined;
    if (kernel === 'auto') {
        const native = nativeThreads(m, chunks, T, note);
        if (native)
            return E.right(native);
    }
    const core = makeOneLayerCore(m, kernel);
    const p = m.shape.p, n = m.n, nx = m.N * m.d;
    const sab = new SharedArrayBuffer(CTL_BYTES + 8 * (n + chunks * p + nx));
    const { ctl, U, parts, G } = sharedViews(sab, n, p, nx, chunks);
    const workers = [];
    for (let index = 1; index < T; index++) {
        const data = { config: m.config, sab, n, p, nx, chunks, kernel };
        const w = startWorker(entry, { workerData: data });
        w.unref();
        workers.push(w);
    }
    let closed = false;
    const close = () => {
        if (closed)
            return;
        closed = true;
        Atomics.store(ctl, CTL.seq, -1);
        Atomics.notify(ctl, CTL.seq);
        for (const w of workers)
            void w.terminate();
    };
    // Wait for every worker's model (the main thread blocks; workers run on their own threads).
    const deadline = Date.now() + timeoutMs;
    for (let r = Atomics.load(ctl, CTL.ready); r < T - 1; r = Atomics.load(ctl, CTL.ready)) {
        if (Date.now() > deadline) {
            close();
            return E.left(threadError(`threads: the right-hand side workers did not start within ${timeoutMs} ms`));
        }
        Atomics.wait(ctl, CTL.ready, r, 50);
    }
    if (Atomics.load(ctl, CTL.error) !== 0) {
        close();
        return E.left(threadError('threads: a right-hand side worker failed to build the model'));
    }
    // Every thread reads the shared copy U of the state and writes to shared memory. (The core is this
    // model's own compiled copy, specialise.ts, so its loops only ever see these shared arrays.)
    let seq = 0;
    const rhs = (_t, u, du) => {
        if (closed)
            throw new Error('threaded rhs called after close()');
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
            if (++spins <= SPIN)
                continue;
            if (d !== seen) {
                seen = d;
                since = Date.now();
            }
            else if (Date.now() - since > stallMs) {
                close();
                throw new Error(`threads: no right-hand side worker finished its share for ${stallMs} ms (${T - 1 - d} of ${T - 1} missing): a worker thread died or froze; the threaded model is closed`);
            }
            Atomics.wait(ctl, CTL.done, d, 100);
        }
        if (Atomics.load(ctl, CTL.error) !== 0)
            throw new Error('a right-hand side worker failed during a call');
        finishRhs(m, chunks, u, parts, G, du);
    };
    return E.right({ model: { ...m, rhs }, threads: T, ...(note ? { note } : {}), close, workers });
};
//# sourceMappingURL=threadedRhs.js.map