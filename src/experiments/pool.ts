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
import type { RunFailure, RunResult, RunWarning, TauEpsSpec } from './run.ts';
import { WorkerCrash } from './crash.ts';
import type { RunCheckpoint } from './checkpoint.ts';
import { fromWire, type WireOutcome } from './wire.ts';

export type RunOutcome = RunResult | RunFailure;

export { WorkerCrash } from './crash.ts';

export interface PoolOptions {
  /** The worker script (default: worker.ts / worker.js next to this module); tests substitute their own. */
  readonly workerUrl?: URL;
}

/** How one run on the pool goes: progress and warnings as they happen, tau_eps, threads, and what a crawl does. */
export interface PoolRunOptions {
  /** Called with the time reached, about every 200 ms. */
  readonly onProgress?: (t: number) => void;
  /** The solve reached t1; the end-of-run metrics are being computed. */
  readonly onMetrics?: () => void;
  /** Called as soon as the solve warns (a crawl), before the run ends. */
  readonly onWarning?: (w: RunWarning) => void;
  readonly tauEps?: TauEpsSpec;
  /** > 1 splits the run's right-hand side over that many threads (threadedRhs.ts). */
  readonly threads?: number;
  /** "stop" ends a crawling solve at once with status "crawl" (ode/options.ts); default "warn". */
  readonly onCrawl?: 'warn' | 'stop';
  /** Write checkpoints to a file as the run goes, and go on from one (experiments/checkpoint.ts). */
  readonly checkpoint?: RunCheckpoint;
}

export interface Pool {
  /** Run a config; resolves with its outcome, or rejects with a WorkerCrash (the worker died or threw outside the solve). */
  run(config: Config, options?: PoolRunOptions): Promise<RunOutcome>;
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
  const queue: { config: Config; options: PoolRunOptions; resolve: (r: RunOutcome) => void; reject: (e: Error) => void }[] = [];
  const pending = new Map<number, { resolve: (r: RunOutcome) => void; reject: (e: Error) => void; options: PoolRunOptions; worker: Worker; t?: number }>();
  let nextId = 1;
  let closing = false;

  const pump = () => {
    while (idle.length > 0 && queue.length > 0) {
      const w = idle.pop()!;
      const job = queue.shift()!;
      const id = nextId++;
      pending.set(id, { ...job, worker: w });
      const o = job.options;
      w.postMessage({ id, config: job.config, flag, tauEps: o.tauEps, threads: o.threads, onCrawl: o.onCrawl, checkpoint: o.checkpoint });
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
    w.on('message', (msg: { id: number; progress?: number; metrics?: true; warning?: RunWarning; result?: WireOutcome; error?: string }) => {
      const p = pending.get(msg.id);
      if (!p) return;
      if (msg.progress !== undefined) { p.t = msg.progress; p.options.onProgress?.(msg.progress); return; }
      if (msg.metrics) { p.options.onMetrics?.(); return; }
      if (msg.warning !== undefined) { p.options.onWarning?.(msg.warning); return; }
      pending.delete(msg.id);
      idle.push(w);
      if (msg.error !== undefined) p.reject(new WorkerCrash(msg.error, p.t));
      else p.resolve(fromWire(msg.result!));
      pump();
    });
    w.on('error', (e) => lost(w, e.message));
    w.on('exit', (code) => lost(w, `exit code ${code}`));
    workers.push(w);
    idle.push(w);
  };
  for (let k = 0; k < Math.max(1, size); k++) spawn();

  return {
    run: (config, options = {}) => new Promise((resolve, reject) => { queue.push({ config, options, resolve, reject }); pump(); }),
    interrupt: () => { Atomics.store(flagView, 0, 1); },
    close: async () => { closing = true; await Promise.all(workers.map((w) => w.terminate())); },
  };
};
