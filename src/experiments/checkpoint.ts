/**
 * Checkpoint files of runs and sweep cells: a long fixed-step run (rk4, euler) writes its whole solve state
 * (ode/checkpoint.ts) to a file every so often and when it is interrupted, and a later run of the same config
 * goes on from there with the same numbers, bit for bit, as if it had never stopped. Killed by the machine
 * (kill -9, a lost session, a preempted cluster job), a run loses at most the time since its last checkpoint.
 *
 * - The file holds the solve's state and, as its meta, the hash of the run's resolved config (`configKey`, the
 *   key of a sweep cell): a checkpoint is only ever continued by the config that wrote it.
 * - Cadence: every `everySeconds` of wall time (default CHECKPOINT_SECONDS), but never more often than
 *   WRITE_SHARE allows: a checkpoint that took w seconds to write is followed by one no sooner than w / WRITE_SHARE
 *   later, so writing them costs at most ~2% of the run however large its state and saved trajectory.
 * - Error-controlled solvers write none: their step-size controller and stages are not captured.
 *
 * @example
 * const ck = checkpointFor(config, 'out/run/checkpoint.egan');   // undefined for an error-controlled solver
 * pool.run(config, { checkpoint: ck });
 */
import { existsSync, readFileSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import { decodeCheckpoint, encodeCheckpoint, type CheckpointOptions, type SolveCheckpoint } from '../ode/checkpoint.ts';
import type { Config } from '../model/config.ts';
import { configKey } from './sweep.ts';
import { configSolver } from './run.ts';
import { writeAtomic } from './files.ts';

/** A run's checkpoint file in its --out folder. */
export const CHECKPOINT_FILE = 'checkpoint.egan';
/** Default wall time between checkpoints, in seconds. */
export const CHECKPOINT_SECONDS = 60;
/** Most share of a run's wall time spent writing checkpoints. */
export const WRITE_SHARE = 0.02;

/** Where and how often a run writes checkpoints, and the checkpoint it goes on from (plain data: sent to workers). */
export interface RunCheckpoint {
  readonly path: string;
  /** The config's key (configKey), stored in the file. */
  readonly key: string;
  readonly everySeconds: number;
  readonly resume?: SolveCheckpoint;
}

/**
 * True when the config's solver can checkpoint (a fixed-step method whose steps carry no memory: rk4, euler).
 * @example canCheckpoint(config)   // true for "solver": { "method": "rk4", "h": 0.01 }, false for dopri5
 */
export const canCheckpoint = (config: Config): boolean => configSolver(config).resumable === true;

/**
 * The checkpoint at `path` for this config, or why it cannot be used (unreadable, truncated, another config's,
 * another solve's). Undefined when there is no file.
 * @example readCheckpoint('out/run/checkpoint.egan', config)   // undefined, Right(checkpoint) or Left("it was written by another config ...")
 */
export const readCheckpoint = (path: string, config: Config): E.Either<string, SolveCheckpoint> | undefined => {
  if (!existsSync(path)) return undefined;
  let bytes: Uint8Array;
  try { bytes = readFileSync(path); } catch (e) { return E.left(`cannot read it (${(e as Error).message})`); }
  const d = decodeCheckpoint(bytes);
  if (E.isLeft(d)) return d;
  const key = configKey(config);
  const theirs = (d.right.meta as { key?: unknown } | null)?.key;
  if (theirs !== key) return E.left(`it was written by another config (key ${String(theirs)}; this config's is ${key})`);
  return E.right(d.right.checkpoint);
};

/**
 * The checkpoint settings of a run of this config writing to `path` (undefined when its solver cannot checkpoint).
 * @example checkpointFor(config, 'out/run/checkpoint.egan', 60)   // { path, key, everySeconds: 60 } or undefined
 */
export const checkpointFor = (config: Config, path: string, everySeconds = CHECKPOINT_SECONDS, resume?: SolveCheckpoint): RunCheckpoint | undefined =>
  canCheckpoint(config) ? { path, key: configKey(config), everySeconds, ...(resume ? { resume } : {}) } : undefined;

/**
 * The solve options that write a run's checkpoints to its file (in the thread running the solve). A write that
 * fails (a full disk, a folder gone) does not stop the run: `onError` hears of the first such failure, with
 * the cause, and the run goes on (later writes are tried again).
 * @example solve(problem, rk4({ h }), { checkpoint: checkpointWriter(checkpointFor(config, path)!, console.error) })
 */
export const checkpointWriter = (ck: RunCheckpoint, onError?: (message: string) => void): CheckpointOptions => {
  let lastWrite = Date.now();
  let lastCost = 0;
  let failed = false;
  return {
    everySeconds: ck.everySeconds,
    save: (c, reason) => {
      const start = Date.now();
      if (reason === 'periodic' && start - lastWrite < lastCost / WRITE_SHARE) return;
      try {
        writeAtomic(ck.path, encodeCheckpoint(c, { key: ck.key }));
      } catch (e) {
        if (!failed) onError?.(`could not write the checkpoint ${ck.path} at t = ${c.t} (${(e as Error).message}); the run goes on, and a stop now would lose what it did since its last checkpoint`);
        failed = true;
        return;
      }
      lastWrite = Date.now();
      lastCost = lastWrite - start;
    },
  };
};
