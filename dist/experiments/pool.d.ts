import type { Config } from '../model/config.js';
import type { RunFailure, RunResult, TauEpsSpec } from './run.js';
export type RunOutcome = RunResult | RunFailure;
export { WorkerCrash } from './crash.js';
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
export declare const makePool: (size: number, options?: PoolOptions) => Pool;
//# sourceMappingURL=pool.d.ts.map