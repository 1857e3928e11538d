/**
 * Checkpoints end to end, as a user meets them: a fixed-step `egan run --out` killed outright (SIGKILL) or
 * interrupted (SIGINT) goes on with `--resume` and writes the same files, byte for byte, as the run that was
 * never stopped; a sweep killed mid-cell goes on with `--resume` to the same result lines; the misuses are refused
 * with one line naming what to do.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { decodeCheckpoint } from '../../src/index.ts';
import { egan, eganAsync } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'egan-ckpt-'));
const write = (name: string, v: unknown) => { const p = join(dir, name); writeFileSync(p, JSON.stringify(v)); return p; };
// 40,000 rk4 steps, ~2 s on a quiet 2-core EPYC with AVX-512 (at t1 = 100 the run was over there in ~0.5 s,
// sometimes before the signal: exit 0): long enough to be stopped in the middle.
const base = { target: { kind: 'ring', samples: 64 }, particles: { n: 32 }, critic: { kind: 'mlp', hidden: [16], activation: 'tanh' }, t1: 400, solver: { method: 'rk4', h: 0.01 }, saveAt: { n: 21 } };
const cfg = write('run.json', base);
const FILES = ['final.json', 'result.json', 'metrics.csv', 'trajectory.csv', 'trajectory.json'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Start a command, wait until `ready()` holds (or 60 s), send the signal, and resolve with its exit code and stderr. */
const stopWhen = async (args: string[], ready: () => boolean, signal: NodeJS.Signals) => {
  const child = eganAsync(args);
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => { stderr += b.toString(); });
  const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  const t0 = Date.now();
  while (!ready() && Date.now() - t0 < 60_000) await sleep(20);
  expect(ready(), 'the condition to stop on never held').toBe(true);
  child.kill(signal);
  return { code: await exited, stderr: () => stderr };
};

describe('egan run --resume', () => {
  const ref = join(dir, 'ref');
  it('a run killed with SIGKILL goes on from its last checkpoint and writes the uninterrupted run\'s files, byte for byte', async () => {
    expect(egan(['run', cfg, '--out', ref]).status).toBe(0);
    expect(existsSync(join(ref, 'checkpoint.egan')), 'a finished run leaves no checkpoint').toBe(false);
    const out = join(dir, 'killed');
    const r = await stopWhen(['run', cfg, '--out', out, '--checkpoint-every', '0.2'], () => existsSync(join(out, 'checkpoint.egan')), 'SIGKILL');
    expect(r.code).toBe(null); // killed, not exited
    expect(existsSync(join(out, 'result.json'))).toBe(false);
    // Without --resume, the checkpoint is not thrown away silently.
    const again = egan(['run', cfg, '--out', out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/holds the checkpoint of an unfinished run of this config \(t = [\d.]+ of 400\), .*checkpoint\.egan; pass --resume to go on from it, or delete it to start over/);
    const res = egan(['run', cfg, '--out', out, '--resume']);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stderr).toMatch(/going on from the checkpoint at t = [\d.]+ \(\d+ steps done\)/);
    for (const f of FILES) expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(ref, f), 'utf8'));
    expect(existsSync(join(out, 'checkpoint.egan'))).toBe(false);
  });

  it('SIGINT: exit 130, a checkpoint where it stopped and the command that goes on; going on gives the same files', async () => {
    const out = join(dir, 'int');
    // Signalled once the run has taken steps (its first periodic checkpoint is there): the interruption writes a newer one.
    const r = await stopWhen(['run', cfg, '--out', out, '--checkpoint-every', '0.2'], () => existsSync(join(out, 'checkpoint.egan')), 'SIGINT');
    expect(r.code).toBe(130);
    const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8'));
    expect(result.status).toBe('interrupted');
    expect(result.t).toBeGreaterThan(0);
    expect(r.stderr()).toMatch(new RegExp(`checkpoint at t = ${result.t} in .*checkpoint\\.egan; \`egan run .*run\\.json --out .*int --resume\` goes on from it`));
    const res = egan(['run', cfg, '--out', out, '--resume']);
    expect(res.status, res.stderr).toBe(0);
    for (const f of FILES) expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(ref, f), 'utf8'));
  });

  it('refuses --resume without --out, with an error-controlled solver, and a checkpoint of another config', () => {
    const noOut = egan(['run', cfg, '--resume']);
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toMatch(/--resume: goes on from the checkpoint in the --out folder of the interrupted run; expected --out DIR/);
    const adaptive = egan(['run', write('dopri.json', { ...base, critic: { ...base.critic, activation: 'tanh' }, solver: { method: 'dopri5' } }), '--out', join(dir, 'd'), '--resume']);
    expect(adaptive.status).toBe(2);
    expect(adaptive.stderr).toMatch(/--resume: the solver dopri5 keeps no checkpoints .*; expected a fixed-step solver, rk4 or euler/);
    const every = egan(['run', cfg, '--checkpoint-every', '0']);
    expect(every.status).toBe(2);
    expect(every.stderr).toMatch(/--checkpoint-every: got 0; expected a number of seconds > 0/);
  });

  it('a checkpoint written by another config is named as such', async () => {
    const out = join(dir, 'other');
    await stopWhen(['run', cfg, '--out', out, '--checkpoint-every', '0.2'], () => existsSync(join(out, 'checkpoint.egan')), 'SIGKILL');
    const other = write('other.json', { ...base, etaD: 2 });
    const r = egan(['run', other, '--out', out, '--resume']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--resume: .*checkpoint\.egan: it was written by another config \(key [0-9a-f]{16}; this config's is [0-9a-f]{16}\); expected the checkpoint of a run of this config \(delete it to start over\)/);
    // Without --resume, another config's run replaces that run's files, its checkpoint with them.
    const fresh = egan(['run', other, '--out', out]);
    expect(fresh.status, fresh.stderr).toBe(0);
    expect(fresh.stderr).toMatch(/removing .*checkpoint\.egan, the checkpoint of another run \(it was written by another config .*\): this run replaces that run's files/);
    expect(existsSync(join(out, 'checkpoint.egan'))).toBe(false);
  });
});

// Cells of ~2 s on a quiet 2-core EPYC with AVX-512: at t1 = 60 a cell took ~0.3 s there, and a sweep could
// record both cells (removing their checkpoints) between two polls, so 'a checkpoint is there' never held.
const SWEEP_T1 = 400;

describe('egan sweep --resume with cells stopped midway', () => {
  it('a sweep killed with SIGKILL mid-cell goes on from the cells\' checkpoints to the uninterrupted sweep\'s lines', async () => {
    const spec = write('sweep.json', { seed: 1, base: { ...base, t1: SWEEP_T1 }, axes: [{ path: 'kernel.g2', values: [0, 0.5] }] });
    const lines = (d: string) => readFileSync(join(d, 'results.jsonl'), 'utf8').trim().split('\n').sort();
    const ref = join(dir, 'sref');
    expect(egan(['sweep', spec, '--workers', '1', '--out', ref]).status).toBe(0);
    const out = join(dir, 'skilled');
    const ckDir = join(out, '.egan-checkpoints');
    const r = await stopWhen(['sweep', spec, '--workers', '1', '--out', out, '--checkpoint-every', '0.2'], () => existsSync(ckDir) && readdirSync(ckDir).some((f) => f.endsWith('.egan')), 'SIGKILL');
    expect(r.code).toBe(null);
    const again = egan(['sweep', spec, '--workers', '1', '--out', out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/holds the checkpoints of 1 unfinished cell\(s\) .*: pass --resume to go on from them, or choose another --out/);
    const res = egan(['sweep', spec, '--workers', '1', '--out', out, '--resume']);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stderr).toMatch(/\(1 going on from their checkpoints\)/);
    expect(lines(out)).toEqual(lines(ref));
    expect(readdirSync(ckDir)).toEqual([]);
  });

  it('a cell whose checkpoint is unreadable starts over, said so, to the same line', () => {
    const spec = join(dir, 'sweep.json');
    const ref = readFileSync(join(dir, 'sref', 'results.jsonl'), 'utf8').trim().split('\n').sort();
    const key = JSON.parse(ref[0]).key as string;
    const out = join(dir, 'scorrupt');
    mkdirSync(join(out, '.egan-checkpoints'), { recursive: true });
    writeFileSync(join(out, '.egan-checkpoints', `${key}.egan`), 'EGANCKPT but cut short');
    const r = egan(['sweep', spec, '--workers', '1', '--out', out, '--resume']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`cell \\d's checkpoint .*${key}\\.egan cannot be used \\(checkpoint format version \\d+; this egan reads version 1\\); the cell starts over`));
    expect(readFileSync(join(out, 'results.jsonl'), 'utf8').trim().split('\n').sort()).toEqual(ref);
  });

  it('SIGINT keeps the running cell\'s checkpoint; a folder holding another sweep\'s cell checkpoints is refused', async () => {
    const spec = write('sweepA.json', { seed: 1, base: { ...base, t1: SWEEP_T1 }, axes: [{ path: 'kernel.g2', values: [0.1] }] });
    const other = write('sweepB.json', { seed: 1, base: { ...base, t1: SWEEP_T1 }, axes: [{ path: 'kernel.g2', values: [0.2] }] });
    const out = join(dir, 'sforeign');
    const ckDir = join(out, '.egan-checkpoints');
    // Stopped with SIGINT this time: the cell's checkpoint is still there afterwards, written at the signal or
    // later than the first one seen (the interrupted cell writes it on its way out; nothing removes it).
    const ckFiles = () => (existsSync(ckDir) ? readdirSync(ckDir).filter((f) => f.endsWith('.egan')) : []);
    const ckTime = () => { const d = decodeCheckpoint(readFileSync(join(ckDir, ckFiles()[0]!))); return E.isRight(d) ? d.right.checkpoint.t : NaN; };
    let first = NaN;
    const r0 = await stopWhen(['sweep', spec, '--workers', '1', '--out', out, '--checkpoint-every', '0.2'], () => ckFiles().length > 0 && Number.isFinite(first = ckTime()), 'SIGINT');
    expect(r0.code, r0.stderr()).toBe(130);
    expect(ckFiles()).toHaveLength(1);
    expect(ckTime()).toBeGreaterThanOrEqual(first);
    expect(ckTime()).toBeLessThan(SWEEP_T1);
    const r = egan(['sweep', other, '--workers', '1', '--out', out, '--resume']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/1 checkpoint\(s\) in .*\.egan-checkpoints are not of cells of .*sweepB\.json: the folder holds another sweep's unfinished cells/);
  });
});
