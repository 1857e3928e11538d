/**
 * A small pool of worker threads running configs (worker.ts), with a shared
 * interruption flag. Results come back in completion order through a
 * callback; determinism does not depend on the order because every run is a
 * pure function of its resolved config.
 *
 * A run whose worker dies (an uncaught error, a worker-level out-of-memory, an
 * exit) is rejected with a `WorkerCrash` naming the cause and the last time
 * the run reported, and the pool replaces that worker: the other runs, queued
 * or running, go on (a sweep records the cell as crashed, sweep.ts). Without
 * this a worker that exited left its run pending forever.
 */
import type { Worker } from 'node:worker_threads';
import { siblingModule, startWorker } from '../runtime/workers.ts';
import type { Config } from '../model/config.ts';
import type { RunFailure, RunResult, TauEpsSpec } from './run.ts';
import { WorkerCrash } from './crash.ts';

export type RunOutcome = RunResult | RunFailure;

export { WorkerCrash } from './crash.ts';

export interface PoolOptions {
  /** The worker script (default: worker.ts / worker.js next to this module); tests substitute their own. */
  readonly workerUrl?: URL;
}

export interface Pool {
  /** Run a config; resolves with its outcome, or rejects with a WorkerCrash (the worker died or threw outside the solve). */
  /** `threads` > 1 splits the run's right-hand side over that many threads (threadedRhs.ts). */
  run(config: Config, onProgress?: (t: number) => void, tauEps?: TauEpsSpec, threads?: number): Promise<RunOutcome>;
  /** Ask every running solve to stop (they return their partial results). */
  interrupt(): void;
  close(): Promise<void>;
}

const workerUrl = siblingModule(import.meta.url, 'worker');

export const makePool = (size: number, options: PoolOptions = {}): Pool => {
  const url = options.workerUrl ?? workerUrl;
  const flag = new SharedArrayBuffer(4);
  const flagView = new Int32Array(flag);
  const workers: Worker[] = [];
  const idle: Worker[] = [];
  const queue: { config: Config; tauEps?: TauEpsSpec; threads?: number; onProgress?: (t: number) => void; resolve: (r: RunOutcome) => void; reject: (e: Error) => void }[] = [];
  const pending = new Map<number, { resolve: (r: RunOutcome) => void; reject: (e: Error) => void; onProgress?: (t: number) => void; worker: Worker; t?: number }>();
  let nextId = 1;
  let closing = false;

  const pump = () => {
    while (idle.length > 0 && queue.length > 0) {
      const w = idle.pop()!;
      const job = queue.shift()!;
      const id = nextId++;
      pending.set(id, { ...job, worker: w });
      w.postMessage({ id, config: job.config, flag, tauEps: job.tauEps, threads: job.threads });
    }
  };

  /** The worker w is gone: reject its run with the cause, and start a replacement unless closing. */
  const lost = (w: Worker, cause: string) => {
    const k = workers.indexOf(w);
    if (k < 0) return;
    workers.splice(k, 1);
    const i = idle.indexOf(w);
    if (i >= 0) idle.splice(i, 1);
    for (const [id, p] of pending) {
      if (p.worker !== w) continue;
      pending.delete(id);
      p.reject(new WorkerCrash(`the worker running this config died: ${cause}${p.t !== undefined ? ` (last progress at t = ${p.t})` : ''}`, p.t));
    }
    if (!closing) { spawn(); pump(); }
  };

  const spawn = () => {
    const w = startWorker(url);
    w.unref();
    w.on('message', (msg: { id: number; progress?: number; result?: RunOutcome; error?: string }) => {
      const p = pending.get(msg.id);
      if (!p) return;
      if (msg.progress !== undefined) { p.t = msg.progress; p.onProgress?.(msg.progress); return; }
      pending.delete(msg.id);
      idle.push(w);
      if (msg.error !== undefined) p.reject(new WorkerCrash(msg.error, p.t));
      else p.resolve(msg.result!);
      pump();
    });
    w.on('error', (e) => lost(w, e.message));
    w.on('exit', (code) => lost(w, `exit code ${code}`));
    workers.push(w);
    idle.push(w);
  };
  for (let k = 0; k < Math.max(1, size); k++) spawn();

  return {
    run: (config, onProgress, tauEps, threads) => new Promise((resolve, reject) => { queue.push({ config, tauEps, threads, onProgress, resolve, reject }); pump(); }),
    interrupt: () => { Atomics.store(flagView, 0, 1); },
    close: async () => { closing = true; await Promise.all(workers.map((w) => w.terminate())); },
  };
};
