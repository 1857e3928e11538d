/**
 * Worker-thread entry of `egan critical` and `egan locus`: the scan is synchronous (an equilibrium and an
 * eigen-decomposition per point), so it runs here while the main thread stays free to take SIGINT/SIGTERM.
 * The main thread sets a shared flag; the scan reads it before each point and returns what it has
 * (`complete: false`), which the command prints before exiting 130.
 * Message in: { request: ScanRequest, flag: SharedArrayBuffer }; message out: the scan's Either.
 */
import { parentPort } from 'node:worker_threads';
import { criticalDamping, type CriticalOptions } from '../analysis/critical.ts';
import { rootLocus } from '../analysis/locus.ts';
import type { Config } from '../model/config.ts';

export type ScanRequest =
  | { readonly command: 'critical'; readonly config: Config; readonly param: string; readonly lo: number; readonly hi: number; readonly options: Omit<CriticalOptions, 'signal'> }
  | { readonly command: 'locus'; readonly config: Config; readonly param: string; readonly from: number; readonly to: number; readonly steps: number; readonly zeroTol?: number };

if (parentPort) {
  const port = parentPort;
  port.on('message', ({ request: q, flag }: { request: ScanRequest; flag: SharedArrayBuffer }) => {
    const view = new Int32Array(flag);
    const signal = { get aborted() { return Atomics.load(view, 0) !== 0; } };
    port.postMessage(q.command === 'critical'
      ? criticalDamping(q.config, q.param, q.lo, q.hi, { ...q.options, signal })
      : rootLocus(q.config, q.param, q.from, q.to, q.steps, q.zeroTol, { signal }));
  });
}
