/**
 * `egan plot DIR` draws a run written by `egan run --out DIR`: particles at three saved times over the
 * target (with a legend saying which is which) and one panel per metric of metrics.csv; a folder that is
 * not a run's is one line, exit 2.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { egan } from '../helpers/cli.ts';
import { readSvg } from '../helpers/svgLegends.ts';

const dir = mkdtempSync(join(tmpdir(), 'egan-plot-'));

describe('egan plot', () => {
  it('draws the particles at t = 0, the middle and the end, and every metric column', () => {
    const cfg = join(dir, 'ring.json');
    writeFileSync(cfg, JSON.stringify({ target: { kind: 'ring', samples: 32 }, particles: { n: 8 }, critic: { kind: 'linear' }, t1: 4, saveAt: { n: 5 } }));
    const out = join(dir, 'run');
    expect(egan(['run', cfg, '--out', out]).status).toBe(0);
    const r = egan(['plot', out]);
    expect(r.status, r.stderr).toBe(0);
    const svg = readFileSync(join(out, 'run.svg'), 'utf8');
    const reading = readSvg(svg);
    expect(reading.hasLegend).toBe(true);
    expect(reading.seriesColours.size).toBeGreaterThanOrEqual(1);
    for (const label of ['target', 'particles, t = 0', 'particles, t = 2', 'particles, t = 4']) expect(svg).toContain(`>${label}<`);
    const header = readFileSync(join(out, 'metrics.csv'), 'utf8').split('\n')[0];
    expect(header.startsWith('t,meanGap,mmd2,slicedW2,collapseScore,modesCovered')).toBe(true);
    for (const title of ['mean gap', 'MMD²', 'sliced W2', 'collapse score', '|theta|']) expect(svg).toContain(title);
  }, 60_000);

  it('a folder that is not a run is one line naming what is missing, exit 2', () => {
    const r = egan(['plot', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/config\.resolved\.json not found; expected the --out folder of egan run/);
  });
});
