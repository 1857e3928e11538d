/**
 * Checkpoint files (experiments/checkpoint.ts): a file is continued only by the config that wrote it, and a
 * checkpoint that cannot be written does not stop the run (said once, with the cause).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { parseConfig, buildModel, solve, rk4, checkpointFor, checkpointWriter, readCheckpoint, canCheckpoint, type SolveCheckpoint, type Config } from '../../src/index.ts';

const config = (over: object = {}): Config => {
  const c = parseConfig({ target: { kind: 'ring', samples: 16 }, particles: { n: 8 }, critic: { kind: 'mlp', hidden: [4], activation: 'tanh' }, t1: 2, solver: { method: 'rk4', h: 0.01 }, ...over });
  if (E.isLeft(c)) throw new Error('bad test config');
  return c.right;
};
const checkpointsOf = (c: Config): SolveCheckpoint[] => {
  const m = buildModel(c);
  const saved: SolveCheckpoint[] = [];
  solve({ rhs: m.rhs, u0: m.u0, tspan: [0, c.t1] }, rk4({ h: 0.01 }), { saveAt: { n: c.saveAt.n }, checkpoint: { everySteps: 50, save: (k) => saved.push(k) } });
  return saved;
};

describe('checkpoint files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'egan-ckfile-'));

  it('only fixed-step configs checkpoint', () => {
    expect(canCheckpoint(config())).toBe(true);
    expect(canCheckpoint(config({ solver: { method: 'euler', h: 0.01 } }))).toBe(true);
    expect(canCheckpoint(config({ solver: { method: 'dopri5' } }))).toBe(false);
    expect(checkpointFor(config({ solver: { method: 'rkc-fixed', h: 0.01 } }), join(dir, 'x.egan'))).toBeUndefined();
  });

  it('a file is read back for its own config, refused for another, and absent is undefined', () => {
    const c = config();
    const path = join(dir, 'a.egan');
    expect(readCheckpoint(path, c)).toBeUndefined();
    const ck = checkpointFor(c, path)!;
    const k = checkpointsOf(c)[1];
    checkpointWriter(ck).save(k, 'interrupted');
    const back = readCheckpoint(path, c);
    expect(back && E.isRight(back) && back.right.t).toBe(k.t);
    const other = readCheckpoint(path, config({ etaD: 2 }));
    expect(other && E.isLeft(other) && other.left).toMatch(/^it was written by another config \(key [0-9a-f]{16}; this config's is [0-9a-f]{16}\)$/);
    writeFileSync(join(dir, 'junk.egan'), 'not a checkpoint at all');
    const junk = readCheckpoint(join(dir, 'junk.egan'), c);
    expect(junk && E.isLeft(junk) && junk.left).toMatch(/^not an egan checkpoint/);
  });

  it('a checkpoint that cannot be written is said once, with the cause, and does not throw', () => {
    const c = config();
    // A folder that cannot be made: its parent is a file (ENOTDIR).
    writeFileSync(join(dir, 'a-file'), '');
    const path = join(dir, 'a-file', 'run', 'checkpoint.egan');
    const ck = checkpointFor(c, path, 60)!;
    const errors: string[] = [];
    const w = checkpointWriter(ck, (m) => errors.push(m));
    const [k1, k2] = checkpointsOf(c);
    expect(() => { w.save(k1, 'interrupted'); w.save(k2, 'interrupted'); }).not.toThrow();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBe(`could not write the checkpoint ${path} at t = ${k1.t} (ENOTDIR: not a directory, mkdir '${join(dir, 'a-file', 'run')}'); the run goes on, and a stop now would lose what it did since its last checkpoint`);
  });
});
