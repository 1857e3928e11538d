/**
 * `egan ntk` and `egan compare` end to end: the kernel's two-point fit and residual, the arc-cosine error
 * falling with width; the effective model with the empirical NTK following the real generator to within 2% of
 * the target's scale at width 512 (measured 0.8%) and closer at large width than at small; the files of --out;
 * a config without a generator refused in one line.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { egan } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'egan-compare-'));
const example = JSON.parse(readFileSync(fileURLToPath(new URL('../../examples/compare.json', import.meta.url)), 'utf8'));
const write = (name: string, v: unknown) => { const p = join(dir, name); writeFileSync(p, JSON.stringify(v)); return p; };

describe('egan ntk and egan compare', () => {
  it('ntk --widths: the two-point fit of each width, and the distance to the arc-cosine limit falling with width', () => {
    const r = egan(['ntk', write('c.json', example), '--widths', '64,1024', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const [a, b] = JSON.parse(r.stdout);
    expect(a.width).toEqual([64]);
    expect(b.P).toBeGreaterThan(a.P);
    for (const s of [a, b]) {
      expect(s.g1).toBeGreaterThan(s.g2);
      expect(s.residual).toBeGreaterThan(0);
      expect(s.spectrum).toHaveLength(16);
    }
    expect(b.arcCosineError).toBeLessThan(a.arcCosineError / 2);
  });

  it('compare: the effective model with the empirical NTK stays within 2% of the target scale of the real generator at width 512, closer than at width 64; --out writes json, csv, svg', () => {
    const out = join(dir, 'out');
    const r = egan(['compare', write('c512.json', example), '--json', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const wide = JSON.parse(r.stdout);
    expect(wide.distance.ntk.at(-1)).toBeLessThan(0.02);
    expect(wide.distance.twoPoint.at(-1)).toBeGreaterThan(wide.distance.ntk.at(-1));
    for (const run of ['real', 'ntk', 'twoPoint']) expect(wide.runs[run].status).toBe('success');
    const narrow = JSON.parse(egan(['compare', write('c64.json', { ...example, generator: { ...example.generator, hidden: [64] } }), '--json']).stdout);
    expect(wide.distance.ntk.at(-1)).toBeLessThan(narrow.distance.ntk.at(-1) / 2);
    expect(readFileSync(join(out, 'compare.csv'), 'utf8').split('\n')[0]).toMatch(/^t,distanceNtk,distanceTwoPoint,realMeanGap/);
    expect(readFileSync(join(out, 'compare.svg'), 'utf8')).toMatch(/^<svg/);
  });

  it('a config without a generator: one line, exit 2', () => {
    const { generator: _, ...plain } = example;
    for (const cmd of ['ntk', 'compare']) {
      const r = egan([cmd, write('plain.json', plain)]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^egan: .*plain\\.json: egan ${cmd} needs a generator`));
    }
  });
});
