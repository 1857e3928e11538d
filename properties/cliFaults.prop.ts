/**
 * The CLI under faults, with generated sizes, timings and kill points (issue 23):
 * - sizes: a config too large for this machine (generated widths, particle counts, saved times, solvers) is
 *   refused in one line, exit 2, within seconds, and nothing is written to stdout; the library's
 *   checkResources says Left exactly when its estimate is over half of the memory it is given;
 * - concurrent sweeps: two `egan sweep` into one folder, the second started a random delay after the first:
 *   one runs, the other is refused at once naming the holder's pid, and the folder holds each cell once;
 * - kill points: `egan sweep` killed with SIGKILL at a random moment, then `--resume`: cells.csv is byte for
 *   byte the one of an uninterrupted run, and results.jsonl holds each cell once.
 * Run counts are small (each case starts real processes); the seeds are fast-check's, printed on failure.
 */
import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { BIN, egan, eganAsync } from '../test/helpers/cli.ts';
import { checkResources, estimateResources, parseConfig, type Config } from '../src/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'egan-faults-'));
let serial = 0;
const write = (v: unknown) => { const p = join(dir, `c${serial++}.json`); writeFileSync(p, JSON.stringify(v)); return p; };

/** Generated sizes: widths up to 1e5 in up to three layers, N up to 1e7, saveAt.n up to 1e6, any solver. */
const sized = fc.record({
  n: fc.integer({ min: 0, max: 7 }).chain((e) => fc.integer({ min: Math.max(1, 10 ** (e - 1)), max: 10 ** e })),
  hidden: fc.array(fc.integer({ min: 1, max: 5 }).chain((e) => fc.integer({ min: 10 ** (e - 1), max: 10 ** e })), { minLength: 0, maxLength: 3 }),
  saveAt: fc.integer({ min: 2, max: 1_000_000 }),
  method: fc.constantFrom('euler', 'rk4', 'dopri5', 'rodas4'),
}).map(({ n, hidden, saveAt, method }) => ({
  target: { kind: 'ring', samples: 64 }, particles: { n },
  critic: hidden.length ? { kind: 'mlp', hidden, activation: 'tanh' } : { kind: 'linear' },
  t1: 1, solver: method === 'euler' || method === 'rk4' ? { method, h: 1 } : { method }, saveAt: { n: saveAt },
}));
const parse = (v: unknown): Config => { const r = parseConfig(v); if (E.isLeft(r)) throw new Error(JSON.stringify(r.left)); return r.right; };

describe('sizes', () => {
  test.prop([sized, fc.double({ min: 2 ** 30, max: 2 ** 40, noNaN: true })], { numRuns: 200 })('checkResources is Left exactly when the estimate exceeds half the memory, naming a part and its remedy', (cfg, memory) => {
    const c = parse(cfg);
    const est = estimateResources(c);
    const r = checkResources(c, memory);
    expect(E.isLeft(r)).toBe(est.bytes > 0.5 * memory);
    if (E.isLeft(r)) {
      expect(est.parts).toContainEqual(r.left.part);
      expect(r.left.message).toContain(r.left.part.remedy);
      expect(r.left.message).not.toMatch(/NaN|Infinity|undefined/);
    }
  });

  const tooBig = sized.filter((cfg) => estimateResources(parse(cfg)).bytes > 0.5 * totalmem());
  test.prop([tooBig], { numRuns: 6 })('a config too large for this machine: one line, exit 2, within seconds, nothing on stdout', (cfg) => {
    const t0 = Date.now();
    const r = egan(['run', write(cfg)], 30_000);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^egan: .*needs ~[0-9.,]+ [KMG]B of memory, most of it for the .*; this machine has .*: .+$/);
  });
});

/** A small sweep (8 cells, ~1 s on one worker) and its uninterrupted cells.csv. */
const spec = {
  seed: 3,
  base: { target: { kind: 'ring', modes: 4, samples: 24 }, particles: { n: 12 }, critic: { kind: 'mlp', hidden: [6], activation: 'tanh' }, regularizer: { kind: 'grad2-fake', lambda: 0.3 }, t1: 15, saveAt: { n: 2 } },
  axes: [{ path: 'kernel.g2', values: [0, 0.3, 0.6, 0.9] }, { path: 'etaD', values: [0.3, 1] }],
};
const SPEC = write(spec);
const reference = (() => { let csv: string | undefined; return () => { if (csv === undefined) { const out = join(dir, 'ref'); const r = egan(['sweep', SPEC, '--workers', '1', '--out', out]); if (r.status !== 0) throw new Error(r.stderr); csv = readFileSync(join(out, 'cells.csv'), 'utf8'); } return csv; }; })();
const keys = (out: string) => readFileSync(join(out, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).key as string);
const exited = (child: ReturnType<typeof spawn>) => new Promise<number | null>((r) => child.on('exit', (c) => r(c)));

describe('concurrent sweeps into one folder', () => {
  test.prop([fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 2 })], { numRuns: 3 })('one runs, the other is refused at once naming the holder, each cell recorded once', async (delay, workers) => {
    const out = join(dir, `both${serial++}`);
    const start = () => {
      const child = spawn(process.execPath, [BIN, 'sweep', SPEC, '--workers', String(workers), '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr?.on('data', (x: Buffer) => { stderr += x.toString(); });
      const t0 = Date.now();
      return exited(child).then((code) => ({ code, stderr, ms: Date.now() - t0 }));
    };
    const a = start();
    await new Promise((r) => setTimeout(r, delay));
    const b = start();
    const both = await Promise.all([a, b]);
    // Whichever took the lock first runs (with delay 0 that can be the second one started); the other is refused.
    const refused = both.filter((x) => x.code === 2);
    expect(both.filter((x) => x.code === 0)).toHaveLength(1);
    expect(refused).toHaveLength(1);
    for (const x of refused) {
      expect(x.stderr.trim().split('\n'), x.stderr).toHaveLength(1);
      // Concurrent: the holder named. Had the first one already finished (a small sweep takes ~0.3 s), the
      // folder is a finished sweep's, which a second run without --resume does not touch.
      expect(x.stderr).toMatch(/another egan sweep \(pid \d+\) is writing there|results\.jsonl exists: pass --resume/);
      expect(x.ms).toBeLessThan(5000);
    }
    const k = keys(out);
    expect(new Set(k).size).toBe(k.length);
    expect(k).toHaveLength(8);
    expect(readFileSync(join(out, 'cells.csv'), 'utf8')).toBe(reference());
  }, 120_000);
});

describe('kill -9 at a random moment, then --resume', () => {
  test.prop([fc.integer({ min: 50, max: 1500 }), fc.integer({ min: 1, max: 2 })], { numRuns: 4 })('cells.csv is byte-identical to an uninterrupted run, each cell once', async (killAt, workers) => {
    reference();
    const out = join(dir, `kill${serial++}`);
    const child = eganAsync(['sweep', SPEC, '--workers', String(workers), '--out', out]);
    const done = exited(child);
    await new Promise((r) => setTimeout(r, killAt));
    child.kill('SIGKILL');
    await done;
    const r = egan(['sweep', SPEC, '--workers', String(workers), '--resume', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(out, '.egan-sweep.lock'))).toBe(false);
    const k = keys(out);
    expect(new Set(k).size).toBe(k.length);
    expect(k).toHaveLength(8);
    expect(readFileSync(join(out, 'cells.csv'), 'utf8')).toBe(reference());
  }, 120_000);
});
