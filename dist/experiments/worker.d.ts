import type { Config } from '../model/config.js';
import { type TauEpsSpec } from './run.js';
export interface RunRequest {
    readonly id: number;
    readonly config: Config;
    readonly flag: SharedArrayBuffer;
    readonly progressMs?: number;
    readonly tauEps?: TauEpsSpec;
    /** Threads for the right-hand side (default 1). */
    readonly threads?: number;
}
//# sourceMappingURL=worker.d.ts.map