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

describe('egan plot on image-shaped data', () => {
  it('draws the final particles as pictures beside their nearest target images (cosine)', () => {
    // 6 target "images" of 8 x 8 pixels; the particles start on the targets, so each is its own nearest.
    const points = Array.from({ length: 6 }, (_, m) => Array.from({ length: 64 }, (_, k) => Math.sin(m * 1.3 + k * 0.37 * (m + 1))));
    const cfg = join(dir, 'img.json');
    writeFileSync(cfg, JSON.stringify({ target: { kind: 'points', points }, particles: { n: 6, init: { kind: 'points', points } }, critic: { kind: 'linear' }, t1: 0.001, saveAt: { n: 2 } }));
    const out = join(dir, 'img');
    expect(egan(['run', cfg, '--out', out]).status).toBe(0);
    const r = egan(['plot', out]);
    expect(r.status, r.stderr).toBe(0);
    const svg = readFileSync(join(out, 'run.svg'), 'utf8');
    expect(svg.match(/<image /g)).toHaveLength(12);
    expect(svg).toContain('6 distinct');
    expect(svg).not.toContain('modes covered');
  }, 60_000);
});
