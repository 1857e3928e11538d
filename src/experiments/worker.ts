/**
 * Worker-thread entry: runs configs sent by the main thread. A solve is
 * synchronous, so interruption comes through a shared flag (Int32Array on a
 * SharedArrayBuffer) that the solver reads once per step: the main thread
 * sets it on SIGINT/SIGTERM and the worker returns the partial result.
 * Messages in:  { id, config (resolved), flag: SharedArrayBuffer, progressMs? }
 * Messages out: { id, progress: t } ... then { id, result } or { id, error }.
 */
import { parentPort } from 'node:worker_threads';
import { buildModel } from '../model/model.ts';
import type { Config } from '../model/config.ts';
import { runModel, type TauEpsSpec } from './run.ts';
import * as E from 'fp-ts/lib/Either.js';

export interface RunRequest {
  readonly id: number;
  readonly config: Config;
  readonly flag: SharedArrayBuffer;
  readonly progressMs?: number;
  readonly tauEps?: TauEpsSpec;
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (req: RunRequest) => {
    try {
      const flag = new Int32Array(req.flag);
      const signal = { get aborted() { return Atomics.load(flag, 0) !== 0; } };
      let last = Date.now();
      const every = req.progressMs ?? 200;
      const model = buildModel(req.config);
      const r = runModel(model, {
        signal,
        ...(req.tauEps ? { tauEps: req.tauEps } : {}),
        onProgress: (t) => { const now = Date.now(); if (now - last >= every) { last = now; port.postMessage({ id: req.id, progress: t }); } },
      });
      port.postMessage({ id: req.id, result: E.isLeft(r) ? r.left : r.right });
    } catch (e) {
      port.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e) });
    }
  });
}
