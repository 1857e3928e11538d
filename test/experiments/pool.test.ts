/**
 * The worker pool survives its workers: a run whose worker exits or throws is
 * rejected with a WorkerCrash naming the cause and the last progress time, the
 * pool starts a replacement, and every other run (queued or running) still
 * finishes. Before, a worker that exited left its run pending forever (a sweep
 * hung). The worker here is a stand-in (test/helpers/crashWorker.mjs).
 */
import { describe, expect, it } from 'vitest';
import { makePool, WorkerCrash, type RunOutcome } from '../../src/experiments/pool.ts';
import type { Config } from '../../src/model/config.ts';

const workerUrl = new URL('../helpers/crashWorker.mjs', import.meta.url);
const cfg = (seed: number) => ({ seed }) as unknown as Config;
const settle = (p: Promise<RunOutcome>) => p.then((r) => ({ ok: r.t }), (e: unknown) => ({ err: e }));

describe('worker pool', () => {
  it('rejects the run of a worker that died, replaces the worker and finishes every other run', async () => {
    const pool = makePool(2, { workerUrl });
    try {
      const seeds = [10, 1, 11, 2, 12, 3, 13, 14];
      const got = await Promise.all(seeds.map((s) => settle(pool.run(cfg(s)))));
      const ok = got.flatMap((g, i) => ('ok' in g ? [[seeds[i], g.ok]] : []));
      expect(ok).toEqual([[10, 10], [11, 11], [12, 12], [13, 13], [14, 14]]);
      const errs = got.flatMap((g) => ('err' in g ? [g.err] : []));
      expect(errs).toHaveLength(3);
      for (const e of errs) expect(e).toBeInstanceOf(WorkerCrash);
      const [exited, threw, reported] = errs as WorkerCrash[];
      expect(exited.message).toMatch(/died: exit code 7 \(last progress at t = 0.5\)/);
      expect(exited.t).toBe(0.5);
      expect(threw.message).toMatch(/died: boom in the worker/);
      expect(reported.message).toBe('the model could not be built');
      // Still two working workers afterwards: two runs at once complete.
      const last = await Promise.all([pool.run(cfg(20)), pool.run(cfg(21))]);
      expect(last.map((r) => r.t)).toEqual([20, 21]);
      // The particles came packed (src/experiments/wire.ts) and are rows again.
      expect(last.map((r) => r.final.particles)).toEqual([[[20, -20]], [[21, -21]]]);
    } finally {
      await pool.close();
    }
  }, 30_000);
});
