/**
 * Sweeps: a base config plus axes over field paths, expanded into cells
 * (the cartesian product, first axis slowest), each cell a resolved config
 * with a key (a hash of the resolved config). Results are one JSON line per
 * finished cell in results.jsonl, appended and flushed as they come, so an
 * interrupted sweep loses nothing and `--resume` skips what is there.
 *
 * Seeds: with "seedMode": "per-cell" (default) a cell's seed derives from
 * (sweep seed, the cell's axis values), with "shared" every cell uses the
 * sweep seed (same target samples and initial state across the grid, the
 * cleaner choice for a phase diagram); an axis over "seed" overrides both.
 * Either way a cell's numbers depend only on its resolved config: the same
 * whatever the number of workers or shards.
 *
 * Rules: `"rules": [{ "when": { path: value, ... }, "set": { path: value, ... } }]`
 * change a cell's config where the axes alone cannot, e.g. a fixed-step
 * solver for relu critics and an adaptive one for smooth activations in one
 * sweep. After the axes (and the seed) are set, each rule in order whose
 * `when` fields all equal the cell's resolved config values (defaults filled
 * in, so an object value must be given whole) sets its `set` fields;
 * a `when` path that is not a field of the config is an error (a typo would
 * otherwise never match). What a rule sets is part of the resolved config,
 * hence of the cell's key, not of its assignment (the axis values).
 */
import { z } from 'zod';
import * as E from 'fp-ts/lib/Either.js';
import { type Config } from '../model/config.js';
import type { Warning } from '../ode/solution.js';
export declare const SweepSchema: z.ZodObject<{
    seed: z.ZodDefault<z.ZodInt>;
    seedMode: z.ZodDefault<z.ZodEnum<{
        "per-cell": "per-cell";
        shared: "shared";
    }>>;
    base: z.ZodRecord<z.ZodString, z.ZodUnknown>;
    axes: z.ZodArray<z.ZodUnion<readonly [z.ZodObject<{
        path: z.ZodString;
        values: z.ZodArray<z.ZodUnion<readonly [z.ZodNumber, z.ZodString, z.ZodBoolean]>>;
    }, z.core.$strict>, z.ZodObject<{
        path: z.ZodString;
        linspace: z.ZodObject<{
            from: z.ZodNumber;
            to: z.ZodNumber;
            n: z.ZodInt;
        }, z.core.$strict>;
    }, z.core.$strict>, z.ZodObject<{
        path: z.ZodString;
        logspace: z.ZodObject<{
            from: z.ZodNumber;
            to: z.ZodNumber;
            n: z.ZodInt;
        }, z.core.$strict>;
    }, z.core.$strict>]>>;
    rules: z.ZodOptional<z.ZodArray<z.ZodObject<{
        when: z.ZodRecord<z.ZodString, z.ZodUnknown>;
        set: z.ZodRecord<z.ZodString, z.ZodUnknown>;
    }, z.core.$strict>>>;
    tauEps: z.ZodOptional<z.ZodObject<{
        distance: z.ZodDefault<z.ZodEnum<{
            meanGap: "meanGap";
            mmd2: "mmd2";
            slicedW2: "slicedW2";
        }>>;
        eps: z.ZodNumber;
        relative: z.ZodDefault<z.ZodBoolean>;
        samples: z.ZodDefault<z.ZodInt>;
    }, z.core.$strict>>;
}, z.core.$strict>;
export type SweepSpec = z.infer<typeof SweepSchema>;
export interface Cell {
    readonly index: number;
    readonly assignment: Record<string, number | string | boolean>;
    readonly config: Config;
    readonly key: string;
}
/** JSON with object keys sorted, for hashing. */
export declare const canonical: (v: unknown) => string;
export declare const configKey: (c: Config) => string;
/** A sweep spec or one of its cells is invalid: the message names the field path (sweep.axes.0.path, ...) or the cell. */
export interface SweepError {
    readonly _tag: 'SweepError';
    readonly message: string;
}
/** Validate a JSON value as a sweep spec, filling defaults. */
export declare const parseSweep: (input: unknown) => E.Either<SweepError, SweepSpec>;
/** All cells of a sweep, validated; the first invalid cell is an error naming its assignment. */
export declare const expandSweep: (spec: SweepSpec) => E.Either<SweepError, Cell[]>;
/** The cells of shard i (1-based) of n: every n-th cell starting at i - 1. */
export declare const shardCells: (cells: readonly Cell[], i: number, n: number) => Cell[];
export interface ResultLine {
    readonly key: string;
    readonly index: number;
    readonly assignment: Record<string, unknown>;
    readonly status: string;
    readonly t: number;
    readonly message?: string;
    readonly stats: Record<string, unknown>;
    readonly metrics?: Record<string, number | number[]>;
    readonly tauEps?: number | null;
    readonly seed: number;
    /**
     * The run's warnings, when it had any ({ code, message }; lines written by egan 0.1 carry the message
     * strings alone, and lines written before warnings were recorded have none).
     */
    readonly warnings?: readonly (Warning | string)[];
}
/** Read results.jsonl; a torn (unparsable) line is reported and dropped, so its cell is redone. */
export declare const readResults: (path: string) => {
    lines: ResultLine[];
    torn: number;
};
export declare const OBSERVABLES: readonly ["collapseScore", "modesCovered", "quality", "meanGap", "mmd2", "slicedW2", "criticValue", "regularizer", "gradNormMean", "gradNormMax", "thetaNorm"];
/** Cells x observables, sorted by cell index, ready to plot. */
export declare const aggregate: (spec: SweepSpec, lines: readonly ResultLine[]) => {
    header: string[];
    rows: (number | string | null)[][];
};
//# sourceMappingURL=sweep.d.ts.map