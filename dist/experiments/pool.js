import { siblingModule, startWorker } from "../runtime/workers.js";
import { WorkerCrash } from "./crash.js";
export { WorkerCrash } from "./crash.js";
const workerUrl = siblingModule(import.meta.url, 'worker');
export const makePool = (size, options = {}) => {
    const url = options.workerUrl ?? workerUrl;
    const flag = new SharedArrayBuffer(4);
    const flagView = new Int32Array(flag);
    const workers = [];
    const idle = [];
    const queue = [];
    const pending = new Map();
    let nextId = 1;
    let closing = false;
    const pump = () => {
        while (idle.length > 0 && queue.length > 0) {
            const w = idle.pop();
            const job = queue.shift();
            const id = nextId++;
            pending.set(id, { ...job, worker: w });
            w.postMessage({ id, config: job.config, flag, tauEps: job.tauEps, threads: job.threads });
        }
    };
    /** The worker w is gone: reject its run with the cause, and start a replacement unless closing. */
    const lost = (w, cause) => {
        const k = workers.indexOf(w);
        if (k < 0)
            return;
        workers.splice(k, 1);
        const i = idle.indexOf(w);
        if (i >= 0)
            idle.splice(i, 1);
        for (const [id, p] of pending) {
            if (p.worker !== w)
                continue;
            pending.delete(id);
            p.reject(new WorkerCrash(`the worker running this config died: ${cause}${p.t !== undefined ? ` (last progress at t = ${p.t})` : ''}`, p.t));
        }
        if (!closing) {
            spawn();
            pump();
        }
    };
    const spawn = () => {
        const w = startWorker(url);
        w.unref();
        w.on('message', (msg) => {
            const p = pending.get(msg.id);
            if (!p)
                return;
            if (msg.progress !== undefined) {
                p.t = msg.progress;
                p.onProgress?.(msg.progress);
                return;
            }
            pending.delete(msg.id);
            idle.push(w);
            if (msg.error !== undefined)
                p.reject(new WorkerCrash(msg.error, p.t));
            else
                p.resolve(msg.result);
            pump();
        });
        w.on('error', (e) => lost(w, e.message));
        w.on('exit', (code) => lost(w, `exit code ${code}`));
        workers.push(w);
        idle.push(w);
    };
    for (let k = 0; k < Math.max(1, size); k++)
        spawn();
    return {
        run: (config, onProgress, tauEps, threads) => new Promise((resolve, reject) => { queue.push({ config, tauEps, threads, onProgress, resolve, reject }); pump(); }),
        interrupt: () => { Atomics.store(flagView, 0, 1); },
        close: async () => { closing = true; await Promise.all(workers.map((w) => w.terminate())); },
    };
};
//# sourceMappingURL=pool.js.map