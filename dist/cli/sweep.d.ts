import { type Cell, type ResultLine, type SweepSpec } from '../experiments/sweep.js';
import { WorkerCrash, type RunOutcome } from '../experiments/pool.js';
/** Status of a cell whose worker died (pool.ts); not a solver failure code, and redone by --resume. */
export declare const CRASHED = "crashed";
export declare const loadSweep: (file: string) => {
    spec: SweepSpec;
    cells: Cell[];
};
export declare const resultLine: (cell: Cell, r: RunOutcome) => ResultLine;
/** The line of a cell whose worker died: status "crashed", the cause, the last time it reported (t0 if none); --resume redoes it. */
export declare const crashLine: (cell: Cell, e: WorkerCrash) => ResultLine;
export declare const writeAggregate: (dir: string, spec: SweepSpec, lines: readonly ResultLine[], extra: Record<string, unknown>) => void;
export declare const sweepCommand: (file: string, opts: {
    workers?: string;
    shard?: string;
    resume?: boolean;
    out?: string;
}) => Promise<number>;
export declare const mergeCommand: (dirs: string[], opts: {
    out: string;
    sweep?: string;
}) => Promise<number>;
//# sourceMappingURL=sweep.d.ts.map