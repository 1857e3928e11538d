/**
 * Worker threads for the compiled package and the TypeScript sources alike. A module names its worker entry
 * by `siblingModule(import.meta.url, 'worker')`: the file next to it with its own extension, .js in dist/
 * and .ts in src/. `startWorker` runs a .js entry directly and a .ts entry through boot.mjs, which registers
 * tsx's loader in the worker first (development and tests only; tsx is not a run-time dependency).
 *
 * @example
 * const w = startWorker(siblingModule(import.meta.url, 'rhsWorker'), { workerData });
 */
import { Worker } from 'node:worker_threads';
/** The URL of the module `name` in the caller's folder, with the caller's extension (.ts or .js). */
export const siblingModule = (callerUrl, name) => new URL(`./${name}${callerUrl.endsWith('.ts') ? '.ts' : '.js'}`, callerUrl);
/** A worker running `entry` (a .js/.mjs module directly; a .ts module through tsx). */
export const startWorker = (entry, options = {}) => {
    if (!entry.pathname.endsWith('.ts'))
        return new Worker(entry, { execArgv: process.execArgv, ...options });
    return new Worker(new URL('./boot.mjs', import.meta.url), { execArgv: process.execArgv, ...options, workerData: { ...options.workerData, entry: entry.href } });
};
//# sourceMappingURL=workers.js.map