/** `egan run` end to end (docs/model.md §8): JSON output, files written, one-line errors with exit code 2. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { egan } from '../helpers/cli.ts';
import { METRICS_ROWS, metricsRowCost, metricsRows } from '../../src/cli/run.ts';

const dir = mkdtempSync(join(tmpdir(), 'egan-run-'));
const write = (name: string, value: unknown) => { const p = join(dir, name); writeFileSync(p, typeof value === 'string' ? value : JSON.stringify(value)); return p; };

const explicit = {
  seed: 1,
  target: { kind: 'points', points: [[1, 0], [0, 1], [-1, 0], [0, -1]] },
  particles: { n: 4, init: { kind: 'points', points: [[0.1, 0], [0, 0.1], [-0.1, 0], [0, -0.1]] } },
  kernel: { kind: 'two-point', g1: 1, g2: 0.2 },
  critic: { kind: 'mlp', hidden: [2], activation: 'tanh' },
  theta: [0.5, -0.3, 0.2, 0.8, 0, 0, 0.7, -0.4, 0],
  regularizer: { kind: 'grad2-fake', lambda: 0.5 },
  t1: 5, saveAt: { n: 6 },
};

describe('egan run', () => {
  it('prints the docs/model.md §8 JSON for explicit target points, particles and theta', () => {
    const r = egan(['run', write('explicit.json', explicit), '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.status).toBe('success');
    expect(out.t).toBe(5);
    for (const k of ['steps', 'accepted', 'rejected', 'rhsEvals']) expect(typeof out.stats[k]).toBe('number');
    expect(out.final.particles).toHaveLength(4);
    expect(out.final.theta).toHaveLength(9);
    for (const k of ['collapseScore', 'modesCovered', 'quality', 'meanGap', 'mmd2', 'slicedW2', 'criticValue', 'regularizer']) expect(Number.isFinite(out.metrics[k])).toBe(true);
  });

  it('--out writes the trajectory, final state, metrics and the resolved config; the resolved config reproduces the run', () => {
    const out = join(dir, 'out1');
    const r = egan(['run', write('explicit2.json', explicit), '--json', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    for (const f of ['config.resolved.json', 'result.json', 'final.json', 'metrics.json', 'trajectory.json', 'trajectory.csv']) expect(existsSync(join(out, f))).toBe(true);
    const csv = readFileSync(join(out, 'trajectory.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(7); // header + saveAt.n = 6
    // metrics.csv: the observables at each saved time; its last row is metrics.json (the final state's).
    const mcsv = readFileSync(join(out, 'metrics.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    expect(mcsv).toHaveLength(7);
    const finalMetrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
    const last = mcsv[6];
    mcsv[0].forEach((col, k) => expect(Number(last[k]), col).toBe(col === 't' ? 5 : finalMetrics[col]));
    expect(Number(mcsv[1][0])).toBe(0);
    const again = egan(['run', join(out, 'config.resolved.json'), '--json']);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout).final).toEqual(JSON.parse(r.stdout).final);
  });

  it('metrics.csv keeps at most 1,001 rows of a long trajectory (every k-th saved time and the last), trajectory.csv all (issue 23: saveAt.n = 1e6 spent an hour in metrics)', () => {
    const out = join(dir, 'many');
    const r = egan(['run', write('many.json', { ...explicit, solver: { method: 'euler', h: 1e-3 }, saveAt: { n: 5001 } }), '--json', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'trajectory.csv'), 'utf8').trim().split('\n')).toHaveLength(5002);
    const rows = readFileSync(join(out, 'metrics.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
    expect(rows).toHaveLength(1001); // k = ceil(5000 / 1000) = 5: indices 0, 5, ..., 5000
    expect(rows[1][0]).toBeCloseTo(5 * 1e-3, 12);
    expect(rows.at(-1)![0]).toBe(5);
    expect(rows.at(-1)![1]).toBe(JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')).meanGap);
  });

  it('--out is all or nothing: a second run replaces the first one\'s files together, a folder of other files is refused before solving, a killed run\'s partial folder is cleared', () => {
    const out = join(dir, 'replace');
    const a = egan(['run', write('a.json', explicit), '--out', out]);
    expect(a.status, a.stderr).toBe(0);
    mkdirSync(join(out, '.egan-partial-999999999'));
    writeFileSync(join(out, '.egan-partial-999999999', 'trajectory.json'), '{"torn');
    const bCfg = { ...explicit, t1: 2 };
    const b = egan(['run', write('b.json', bCfg), '--json', '--out', out]);
    expect(b.status, b.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'config.resolved.json'), 'utf8')).t1).toBe(2);
    expect(JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')).t).toBe(2);
    expect(JSON.parse(readFileSync(join(out, 'trajectory.json'), 'utf8')).t.at(-1)).toBe(2);
    expect(readdirSync(out).sort()).toEqual(['config.resolved.json', 'final.json', 'metrics.csv', 'metrics.json', 'result.json', 'trajectory.csv', 'trajectory.json']);
    const foreign = join(dir, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'notes.txt'), 'mine');
    const c = egan(['run', write('c.json', { ...explicit, t1: 1e6, solver: { method: 'rk4', h: 1e-3 } }), '--out', foreign]);
    expect(c.status).toBe(2);
    expect(c.stderr).toMatch(/--out .*foreign: holds files that are not an egan run's \(notes\.txt\); expected an empty folder or a previous run's folder/);
    expect(readdirSync(foreign)).toEqual(['notes.txt']);
  });

  it('--threads 2 prints exactly the output of one thread; --threads 0 exits 2 naming the option', () => {
    const cfg = write('threads.json', { ...explicit, theta: undefined, particles: { n: 12 }, target: { kind: 'ring', samples: 20 }, critic: { kind: 'mlp', hidden: [5], activation: 'tanh' }, t1: 2 });
    const one = egan(['run', cfg, '--json']);
    const two = egan(['run', cfg, '--json', '--threads', '2']);
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const bad = egan(['run', cfg, '--threads', '0']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--threads: got "0"; expected an integer >= 1/);
  });

  const bad: [string, unknown, RegExp][] = [
    ['unknown field', { ...explicit, lambda: 1 }, /config\.lambda: got 1; unknown field/],
    ['negative particles.n', { target: { kind: 'ring' }, particles: { n: -3 } }, /config\.particles\.n: got -3; expected/],
    ['g2 > g1', { target: { kind: 'ring' }, particles: { n: 4 }, kernel: { kind: 'two-point', g1: 1, g2: 1.5 } }, /config\.kernel\.g2: got 1\.5; expected g2 <= g1/],
    ['a string where a number belongs', { target: { kind: 'ring' }, particles: { n: 4 }, etaD: 'fast' }, /config\.etaD: got "fast"; expected a number/],
    ['invalid JSON', '{ "target": ', /not valid JSON/],
  ];
  for (const [name, cfg, msg] of bad) {
    it(`exits 2 with a one-line message for ${name}`, () => {
      const r = egan(['run', write(`${name.replace(/\W/g, '_')}.json`, cfg)]);
      expect(r.status).toBe(2);
      const lines = r.stderr.split('\n').filter((l) => l.trim() && !l.startsWith('npm warn'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(msg);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    });
  }
  it('exits 2 for a missing file', () => {
    const r = egan(['run', join(dir, 'nope.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot read config file .*nope\.json: ENOENT/);
  });
});

describe('metricsRows: the rows of metrics.csv', () => {
  // Row costs by hand: 32 particles, 64 target points in 2-D: 2 (32² + 64² + 32·64) + 64 · 96 (2 + log2 97) =
  // 67,174; 100 against 100 MNIST images: 784 · 30,000 + 64 · 200 (784 + log2 201) = 33,653,133.
  it('keeps every saved time within the budget, strides beyond it', () => {
    expect(metricsRowCost(32, 64, 2)).toBeCloseTo(67_173.9, 0);
    expect(metricsRows(1000, 32, 64, 2)).toBe(1000);
    expect(metricsRows(5000, 32, 64, 2)).toBe(METRICS_ROWS);
    expect(metricsRows(1000, 100, 100, 784)).toBe(59); // floor(2e9 / 33,653,133)
    expect(metricsRows(1000, 1e6, 1e6, 784)).toBe(11); // the floor of a finished run
  });
  it('an interrupted run gets a hundredth of the budget, and at least its first and last saved times', () => {
    expect(metricsRows(1000, 32, 64, 2, true)).toBe(297); // floor(2e7 / 67,174)
    expect(metricsRows(1000, 100, 100, 784, true)).toBe(2);
    expect(metricsRows(1, 100, 100, 784, true)).toBe(1);
    expect(metricsRows(100, 32, 64, 2, true)).toBe(100);
  });
});
