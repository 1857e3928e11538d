/**
 * A small pool of worker threads running configs (worker.ts), with a shared
 * interruption flag. Results come back in completion order through a
 * callback; determinism does not depend on the order because every run is a
 * pure function of its resolved config.
 */
import { Worker } from 'node:worker_threads';
import type { Config } from '../model/config.ts';
import type { RunFailure, RunResult, TauEpsSpec } from './run.ts';

export type RunOutcome = RunResult | RunFailure;

export interface Pool {
  /** Run a config; resolves with its outcome (or rejects on an internal error). */
  /** `threads` > 1 splits the run's right-hand side over that many threads (threadedRhs.ts). */
  run(config: Config, onProgress?: (t: number) => void, tauEps?: TauEpsSpec, threads?: number): Promise<RunOutcome>;
  /** Ask every running solve to stop (they return their partial results). */
  interrupt(): void;
  close(): Promise<void>;
}

const workerUrl = new URL('./worker-boot.mjs', import.meta.url);

export const makePool = (size: number): Pool => {
  const flag = new SharedArrayBuffer(4);
  const flagView = new Int32Array(flag);
  const workers: Worker[] = [];
  const idle: Worker[] = [];
  const queue: { config: Config; tauEps?: TauEpsSpec; threads?: number; onProgress?: (t: number) => void; resolve: (r: RunOutcome) => void; reject: (e: Error) => void }[] = [];
  const pending = new Map<number, { resolve: (r: RunOutcome) => void; reject: (e: Error) => void; onProgress?: (t: number) => void; worker: Worker }>();
  let nextId = 1;

  const pump = () => {
    while (idle.length > 0 && queue.length > 0) {
      const w = idle.pop()!;
      const job = queue.shift()!;
      const id = nextId++;
      pending.set(id, { ...job, worker: w });
      w.postMessage({ id, config: job.config, flag, tauEps: job.tauEps, threads: job.threads });
    }
  };

  for (let k = 0; k < Math.max(1, size); k++) {
    const w = new Worker(workerUrl, { execArgv: process.execArgv });
    w.unref();
    w.on('message', (msg: { id: number; progress?: number; result?: RunOutcome; error?: string }) => {
      const p = pending.get(msg.id);
      if (!p) return;
      if (msg.progress !== undefined) { p.onProgress?.(msg.progress); return; }
      pending.delete(msg.id);
      idle.push(w);
      if (msg.error !== undefined) p.reject(new Error(msg.error));
      else p.resolve(msg.result!);
      pump();
    });
    w.on('error', (e) => {
      for (const [id, p] of pending) if (p.worker === w) { pending.delete(id); p.reject(e); }
    });
    workers.push(w);
    idle.push(w);
  }

  return {
    run: (config, onProgress, tauEps, threads) => new Promise((resolve, reject) => { queue.push({ config, tauEps, threads, onProgress, resolve, reject }); pump(); }),
    interrupt: () => { Atomics.store(flagView, 0, 1); },
    close: async () => { await Promise.all(workers.map((w) => w.terminate())); },
  };
};
