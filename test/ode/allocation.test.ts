/**
 * The integration loop keeps nothing per step: 1e5 steps on a
 * 100-dimensional problem grow the retained heap (gc before and after) by
 * less than 1 MB. Runs in a child process started with --expose-gc. The
 * script also counts young-generation collections, an upper bound on the
 * transient allocation rate, which `npm run bench` reports.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../scripts/heap-growth.ts', import.meta.url));

describe('allocation', () => {
  // rodas4 factorizes a 100 x 100 matrix every step, ndf at every change of step or order: fewer steps keep the test short
  // (5,000 steps still turn one state-sized array kept per step, 800 bytes, into 4 MB; rodas4's 20,000 took 17 s of
  // a suite that must stay under 5 minutes).
  for (const [method, steps] of [['dopri5', 100000], ['rk4', 100000], ['rodas4', 5000], ['ndf', 5000], ['ndf-krylov', 20000]] as const) {
    it(`${method}: ${steps} steps grow the retained heap by less than 1 MB`, () => {
      const r = spawnSync(process.execPath, ['--expose-gc', '--max-semi-space-size=1', '--import', 'tsx', script, method, String(steps)], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
      console.log(`${method}: ${out.steps} steps, retained growth ${(out.growth / 1024).toFixed(1)} KiB, ${out.scavenges} scavenges`);
      expect(out.steps).toBeGreaterThanOrEqual(steps);
      expect(out.growth).toBeLessThan(1024 * 1024);
    });
  }
});
