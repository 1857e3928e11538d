/**
 * Worker-thread entry: runs configs sent by the main thread. A solve is
 * synchronous, so interruption comes through a shared flag (Int32Array on a
 * SharedArrayBuffer) that the solver reads once per step: the main thread
 * sets it on SIGINT/SIGTERM and the worker returns the partial result.
 * Messages in:  { id, config (resolved), flag: SharedArrayBuffer, progressMs?, tauEps?, threads?, onCrawl?, checkpoint? }
 * Messages out: { id, progress: t } and { id, warning } ... then { id, result } (packed by wire.ts) or { id, error }.
 */
import { parentPort } from 'node:worker_threads';
import { buildModel } from '../model/model.ts';
import { threadModel } from '../model/threadedRhs.ts';
import type { Config } from '../model/config.ts';
import { runModel, type TauEpsSpec } from './run.ts';
import * as E from 'fp-ts/lib/Either.js';
import { checkpointWriter, type RunCheckpoint } from './checkpoint.ts';
import { toWire } from './wire.ts';

export interface RunRequest {
  readonly id: number;
  readonly config: Config;
  readonly flag: SharedArrayBuffer;
  readonly progressMs?: number;
  readonly tauEps?: TauEpsSpec;
  /** Threads for the right-hand side (default 1). */
  readonly threads?: number;
  readonly onCrawl?: 'warn' | 'stop';
  /** Write checkpoints (and go on from one): experiments/checkpoint.ts. */
  readonly checkpoint?: RunCheckpoint;
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (req: RunRequest) => {
    try {
      const flag = new Int32Array(req.flag);
      const signal = { get aborted() { return Atomics.load(flag, 0) !== 0; } };
      let last = Date.now();
      const every = req.progressMs ?? 200;
      const threaded = threadModel(buildModel(req.config), req.threads ?? 1);
      if (E.isLeft(threaded)) { port.postMessage({ id: req.id, error: threaded.left }); return; }
      const { model, note, close } = threaded.right;
      let r: ReturnType<typeof runModel>;
      try {
        r = runModel(model, {
          signal,
          ...(req.tauEps ? { tauEps: req.tauEps } : {}),
          solve: {
            onCrawl: req.onCrawl ?? 'warn', onWarning: (warning) => port.postMessage({ id: req.id, warning }),
            ...(req.checkpoint ? { checkpoint: checkpointWriter(req.checkpoint, (message) => port.postMessage({ id: req.id, warning: { code: 'checkpoint', message } })), ...(req.checkpoint.resume ? { resume: req.checkpoint.resume } : {}) } : {}),
          },
          onMetrics: () => port.postMessage({ id: req.id, metrics: true }),
          onProgress: (t) => { const now = Date.now(); if (now - last >= every) { last = now; port.postMessage({ id: req.id, progress: t }); } },
        });
      } finally {
        close();
      }
      const out = E.isLeft(r) ? r.left : r.right;
      const { wire, transfer } = toWire(note ? { ...out, warnings: [...out.warnings, { code: 'threads', message: note }] } : out);
      port.postMessage({ id: req.id, result: wire }, transfer);
    } catch (e) {
      port.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e) });
    }
  });
}
