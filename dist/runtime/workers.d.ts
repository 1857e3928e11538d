/**
 * Worker threads for the compiled package and the TypeScript sources alike. A module names its worker entry
 * by `siblingModule(import.meta.url, 'worker')`: the file next to it with its own extension, .js in dist/
 * and .ts in src/. `startWorker` runs a .js entry directly and a .ts entry through boot.mjs, which registers
 * tsx's loader in the worker first (development and tests only; tsx is not a run-time dependency).
 *
 * @example
 * const w = startWorker(siblingModule(import.meta.url, 'rhsWorker'), { workerData });
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';
/** The URL of the module `name` in the caller's folder, with the caller's extension (.ts or .js). */
export declare const siblingModule: (callerUrl: string, name: string) => URL;
/** A worker running `entry` (a .js/.mjs module directly; a .ts module through tsx). */
export declare const startWorker: (entry: URL, options?: WorkerOptions) => Worker;
//# sourceMappingURL=workers.d.ts.map