/**
 * Slow tier (`npm run test:slow`, ~1-2 min; not in `npm test`): issue 23, failure 4. 30,000 particles with
 * saveAt.n = 1,000 made `egan run --out` fail after the solve with "internal error: Invalid string length"
 * (the trajectory as one JSON string, past V8's 2^29-character limit), no trajectory written and result.json
 * claiming `complete: true`. Now both trajectory files are streamed: each is over a gigabyte, parses back
 * (spot-checked against final.json), and metrics.csv is strided by the cost of a row.
 */
import { describe, expect, it } from 'vitest';
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { egan } from '../helpers/cli.ts';
import { metricsRows } from '../../src/cli/run.ts';

describe('a 1.2 GB trajectory', () => {
  it('is streamed to disk: complete, over 2^29 characters, its last state equal to final.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'egan-bigtraj-'));
    try {
      const cfg = join(dir, 'big.json');
      writeFileSync(cfg, JSON.stringify({ target: { kind: 'ring', samples: 64 }, particles: { n: 30_000 }, critic: { kind: 'linear' }, t1: 1, solver: { method: 'euler', h: 0.001 }, saveAt: { n: 1000 } }));
      const out = join(dir, 'out');
      const r = egan(['run', cfg, '--out', out], 600_000);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/--out will hold ~2\.\d+ GB/);
      const size = statSync(join(out, 'trajectory.json')).size;
      expect(size).toBeGreaterThan(2 ** 29);
      expect(JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')).complete).toBe(true);
      // The tail of trajectory.json: the last saved state, then "]}".
      const fd = openSync(join(out, 'trajectory.json'), 'r');
      const tail = Buffer.alloc(4_000_000);
      readSync(fd, tail, 0, tail.length, size - tail.length);
      closeSync(fd);
      const text = tail.toString('utf8');
      expect(text.endsWith(']]}\n')).toBe(true);
      const last = JSON.parse(text.slice(text.lastIndexOf('[', text.length - 4), text.length - 3)) as number[];
      const fin = JSON.parse(readFileSync(join(out, 'final.json'), 'utf8'));
      expect(last.slice(0, 60_000)).toEqual(fin.particles.flat());
      const csvRows = readFileSync(join(out, 'metrics.csv'), 'utf8').trim().split('\n').length - 1;
      expect(csvRows).toBe(metricsRows(1000, 30_000, 64, 2));
      expect(csvRows).toBeLessThan(1000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
