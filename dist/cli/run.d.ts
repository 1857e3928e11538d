import type { Config } from '../model/config.js';
import { type RunOutcome } from '../experiments/pool.js';
export interface RunCliOptions {
    json?: boolean;
    out?: string;
    threads?: string;
}
export declare const humanRun: (r: RunOutcome, K: number) => string;
/** Write a run's files into dir (atomically, file by file). */
export declare const writeRunOutput: (dir: string, config: Config, r: RunOutcome) => void;
export declare const runCommand: (file: string, opts: RunCliOptions) => Promise<number>;
//# sourceMappingURL=run.d.ts.map