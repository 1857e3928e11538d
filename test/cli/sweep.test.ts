/**
 * Sweeps (issue 6): identical results with 1 and 2 workers and with 3 shards
 * merged; SIGINT midway then --resume gives exactly the lines of an
 * uninterrupted run; a torn last line is redone, and so is a cell recorded as
 * crashed (its worker died; the pool side is test/experiments/pool.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { egan, eganAsync } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'egan-sweep-'));
const spec = (t1: number, solver?: { method: string; h: number }) => ({
  seed: 3,
  base: {
    target: { kind: 'ring', modes: 4, samples: 24 }, particles: { n: 12 },
    critic: { kind: 'mlp', hidden: [6], activation: 'tanh' }, regularizer: { kind: 'grad2-fake', lambda: 0.3 }, t1, saveAt: { n: 2 },
    ...(solver ? { solver } : {}),
  },
  axes: [{ path: 'kernel.g2', values: [0, 0.3, 0.6, 0.9] }, { path: 'etaD', values: [0.3, 1] }],
  tauEps: { eps: 0.1 },
});
const specFile = (name: string, t1: number, solver?: { method: string; h: number }) => { const p = join(dir, name); writeFileSync(p, JSON.stringify(spec(t1, solver))); return p; };
const lines = (d: string) => readFileSync(join(d, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).sort((a, b) => a.index - b.index);

describe('egan sweep', () => {
  const file = specFile('s.json', 15);
  // The one-worker run the other tests compare with, made by whichever test needs it first (each test runs alone).
  const ref = join(dir, 'w1');
  const reference = (): string => {
    if (!existsSync(join(ref, 'results.jsonl'))) {
      const a = egan(['sweep', file, '--workers', '1', '--out', ref]);
      expect(a.status, a.stderr).toBe(0);
    }
    return ref;
  };
  it('gives identical results with --workers 1 and --workers 2', () => {
    reference();
    const b = egan(['sweep', file, '--workers', '2', '--out', join(dir, 'w2')]);
    expect(b.status, b.stderr).toBe(0);
    expect(lines(ref)).toHaveLength(8);
    expect(lines(join(dir, 'w2'))).toEqual(lines(ref));
    expect(readFileSync(join(ref, 'cells.csv'), 'utf8').trim().split('\n')).toHaveLength(9);
  });

  it('--resume redoes a cell recorded as crashed (its worker died) and keeps the rest', () => {
    const out = join(dir, 'crashed');
    const ref8 = lines(reference());
    mkdirSync(out);
    const crashed = { ...ref8[5], status: 'crashed', t: 0, message: 'the worker running this config died: exit code 1', stats: {} };
    delete (crashed as { metrics?: unknown }).metrics;
    delete (crashed as { tauEps?: unknown }).tauEps;
    writeFileSync(join(out, 'results.jsonl'), ref8.map((l, i) => JSON.stringify(i === 5 ? crashed : l)).join('\n') + '\n');
    const r = egan(['sweep', file, '--workers', '1', '--resume', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/1 cell\(s\) in .* crashed their worker last time; they are redone/);
    expect(r.stderr).toMatch(/7 already done, 1 to run/);
    expect(lines(out)).toEqual(ref8);
  });

  it('3 shards merged give the same lines, and merge reports no gap', () => {
    for (const i of [1, 2, 3]) expect(egan(['sweep', file, '--workers', '1', '--shard', `${i}/3`, '--out', join(dir, `shard${i}`)]).status).toBe(0);
    const m = egan(['merge', join(dir, 'shard1'), join(dir, 'shard2'), join(dir, 'shard3'), '--out', join(dir, 'merged'), '--sweep', file]);
    expect(m.status, m.stdout + m.stderr).toBe(0);
    expect(m.stdout).toMatch(/no cell missing/);
    expect(lines(join(dir, 'merged'))).toEqual(lines(reference()));
    const gap = egan(['merge', join(dir, 'shard1'), join(dir, 'shard3'), '--out', join(dir, 'merged2'), '--sweep', file]);
    expect(gap.status).toBe(1);
    expect(gap.stdout).toMatch(/missing cells: 1, 4, 7/);
  });

  it('SIGINT midway, then --resume, gives exactly the lines of an uninterrupted run', async () => {
    // Cells of 16,000 rhs calls (rk4, h = 0.05; ~0.4-0.8 s each on a 2-core EPYC): the adaptive default finished
    // all eight in 2.5 s there, sometimes before the signal below was sent (exit 0, or killed once the sweep had
    // removed its handler on the way out). Interrupted cells go on from their checkpoints.
    const slow = specFile('slow.json', 200, { method: 'rk4', h: 0.05 });
    const full = join(dir, 'full');
    expect(egan(['sweep', slow, '--workers', '2', '--out', full], 300_000).status).toBe(0);
    const part = join(dir, 'part');
    const child = eganAsync(['sweep', slow, '--workers', '1', '--out', part]);
    const results = join(part, 'results.jsonl');
    const t0 = Date.now();
    while (!(existsSync(results) && readFileSync(results, 'utf8').trim().split('\n').length >= 2) && Date.now() - t0 < 120_000) await new Promise((r) => setTimeout(r, 50));
    // A second sweep into the same folder while the first runs refuses at once, naming the first one's pid.
    const second = egan(['sweep', slow, '--workers', '1', '--resume', '--out', part]);
    expect(second.status).toBe(2);
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    expect(second.stderr).toContain(`another egan sweep (pid ${child.pid}) is writing there`);
    const sent = Date.now();
    child.kill('SIGINT');
    const [code, signal] = await new Promise<[number | null, string | null]>((r) => child.on('exit', (c, sig) => r([c, sig])));
    const stopMs = Date.now() - sent;
    console.log(`stopped ${stopMs} ms after SIGINT with exit code ${code}${signal ? `, killed by ${signal}` : ''}`);
    expect(code).toBe(130);
    expect(stopMs).toBeLessThan(5000);
    const before = lines(part).length;
    expect(before).toBeGreaterThanOrEqual(2);
    expect(before).toBeLessThan(8);
    expect(JSON.parse(readFileSync(join(part, 'summary.json'), 'utf8')).complete).toBe(false);
    // a torn last line (a crash mid-write) is reported and redone
    appendFileSync(results, '{"key":"torn');
    const r = egan(['sweep', slow, '--workers', '2', '--resume', '--out', part], 300_000);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/1 torn line/);
    expect(lines(part)).toEqual(lines(full));
  });

  it('--resume after an axis was added relabels the lines already there (same key, new index and assignment)', () => {
    // Shared seeds: with per-cell seeds the new axis would change every cell's seed, hence its key, and all would rerun.
    const one = { ...spec(5), seedMode: 'shared', axes: [{ path: 'kernel.g2', values: [0, 0.5] }] };
    const two = { ...spec(5), seedMode: 'shared', axes: [{ path: 'etaD', values: [1, 0.5] }, { path: 'kernel.g2', values: [0, 0.5] }] };
    const f1 = join(dir, 'one.json'), f2 = join(dir, 'two.json'), out = join(dir, 'grow');
    writeFileSync(f1, JSON.stringify({ ...one, base: { ...one.base, etaD: 1 } }));
    writeFileSync(f2, JSON.stringify(two));
    expect(egan(['sweep', f1, '--workers', '1', '--out', out]).status).toBe(0);
    const r = egan(['sweep', f2, '--workers', '1', '--resume', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/2 already done, 2 to run/);
    const got = lines(out);
    expect(got.map((l) => l.index)).toEqual([0, 1, 2, 3]);
    for (const l of got) expect(Object.keys(l.assignment)).toEqual(['etaD', 'kernel.g2']);
    const csv = readFileSync(join(out, 'cells.csv'), 'utf8').trim().split('\n').slice(1);
    for (const row of csv) expect(row.split(',')[2]).not.toBe('');
  });
  it('egan phase draws the phase diagram of a sweep (each cell at its g2/g1 and etaD with its modes covered / K); a folder without a sweep or a sweep without an etaD axis exits 2 naming it', () => {
    const r = egan(['phase', reference()]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^phase diagram of 8 cells \(1 activation\(s\) x 4 g2\/g1 x 2 etaD\/etaG; modesCoveredFraction, collapseScore\), 0 failed \(marked "fail"\), 0 not run: /);
    const svg = readFileSync(join(ref, 'phase.svg'), 'utf8');
    const order = (a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1];
    const drawn = [...svg.matchAll(/aria-label="g2\/g1: ([^;]*); etaD\/etaG: ([^;]*); modes covered \/ K: ([^"]*)"/g)].map((m) => [+m[1], +m[2], +m[3]]).sort(order);
    const want = lines(ref).map((l) => [l.assignment['kernel.g2'], l.assignment.etaD, l.metrics.modesCovered / 4]).sort(order);
    expect(drawn).toEqual(want);
    expect(svg.match(/aria-roledescription="rect mark"/g)).toHaveLength(16); // 8 cells, covered and score
    const none = egan(['phase', join(dir, 'nowhere')]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^egan: .*nowhere\/sweep\.resolved\.json does not exist/);
    const flat = join(dir, 'flat');
    mkdirSync(flat);
    writeFileSync(join(flat, 'sweep.resolved.json'), JSON.stringify({ ...spec(5), axes: [{ path: 'kernel.g2', values: [0, 0.5] }] }));
    const noEta = egan(['phase', flat]);
    expect(noEta.status).toBe(2);
    expect(noEta.stderr).toMatch(/needs an axis over "etaD"; the sweep's axes are kernel\.g2/);
  });
  it('applies rules end to end and records each run\'s warnings in its line (critic growth at etaD = 10, g2/g1 = 0.9)', () => {
    const grow = {
      seed: 0, seedMode: 'shared',
      base: {
        target: { kind: 'ring', modes: 8, samples: 32 }, particles: { n: 16 }, critic: { kind: 'mlp', hidden: [16], activation: 'tanh' },
        regularizer: { kind: 'grad2-fake', lambda: 0.1 }, t1: 20, solver: { method: 'dopri5' }, saveAt: { n: 2 },
      },
      axes: [{ path: 'etaD', values: [1, 10] }, { path: 'kernel.g2', values: [0, 0.9] }],
      rules: [{ when: { etaD: 10 }, set: { solver: { method: 'rk4', h: 0.05 } } }],
    };
    const f = join(dir, 'grow-rules.json'), out = join(dir, 'grow-rules');
    writeFileSync(f, JSON.stringify(grow));
    const r = egan(['sweep', f, '--workers', '2', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const got = lines(out);
    expect(got.map((l) => l.assignment)).toEqual([{ etaD: 1, 'kernel.g2': 0 }, { etaD: 1, 'kernel.g2': 0.9 }, { etaD: 10, 'kernel.g2': 0 }, { etaD: 10, 'kernel.g2': 0.9 }]);
    for (const l of got) if (l.assignment.etaD === 10) expect(l.stats).toMatchObject({ steps: 400, rejected: 0 }); // rk4 h = 0.05 to t = 20
    expect(got[0].stats.steps).not.toBe(400);
    expect(got[3].warnings).toEqual([expect.objectContaining({ code: 'criticGrowth', message: expect.stringMatching(/critic's parameters grew .*-fold/) })]);
    expect(got[0].warnings).toBeUndefined();
  });

  it('folders keep to one sweep: a stale lock is taken over, another sweep\'s folder and a twice-used axis path are refused, merge names malformed lines and refuses another sweep\'s shards', () => {
    const out = join(dir, 'identity');
    mkdirSync(out, { recursive: true });
    // A lock left by a process that no longer runs (a pid above any pid_max).
    writeFileSync(join(out, '.egan-sweep.lock'), '999999999\n');
    const a = egan(['sweep', file, '--workers', '2', '--out', out]);
    expect(a.status, a.stderr).toBe(0);
    expect(a.stderr).toMatch(/was left by process 999999999, which no longer runs; taking it over/);
    expect(existsSync(join(out, '.egan-sweep.lock'))).toBe(false);
    // Another sweep (other seed: other keys) resumed into this folder: refused, nothing written.
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ ...spec(15), seed: 4 }));
    const before = readFileSync(join(out, 'results.jsonl'), 'utf8');
    const b = egan(['sweep', other, '--resume', '--out', out]);
    expect(b.status).toBe(2);
    expect(b.stderr).toMatch(/8 of the 8 lines of .*results\.jsonl are not cells of .*other\.json: the folder holds another sweep's results/);
    expect(readFileSync(join(out, 'results.jsonl'), 'utf8')).toBe(before);
    // The same path on two axes.
    const twice = join(dir, 'twice.json');
    writeFileSync(twice, JSON.stringify({ ...spec(15), axes: [{ path: 'etaD', values: [1] }, { path: 'etaD', values: [2] }] }));
    const c = egan(['sweep', twice, '--out', join(dir, 'twice')]);
    expect(c.status).toBe(2);
    expect(c.stderr).toMatch(/sweep\.axes\.1\.path: "etaD" is already axis 0/);
    // merge: a malformed line is named by its number and ignored; shards of another sweep are refused.
    appendFileSync(join(out, 'results.jsonl'), '{"key":"x"}\n');
    const m = egan(['merge', out, '--out', join(dir, 'merged-identity'), '--sweep', file]);
    expect(m.status, m.stderr).toBe(0);
    expect(m.stderr).toMatch(/1 malformed or torn line\(s\) in .* ignored \(line 9\)/);
    const f = egan(['merge', out, '--out', join(dir, 'merged-other'), '--sweep', other]);
    expect(f.status).toBe(2);
    expect(f.stderr).toMatch(/8 of the 8 result lines are not cells of .*other\.json/);
  });

  it('--workers beyond the core count is capped at it, with a warning', () => {
    const r = egan(['sweep', file, '--workers', '200', '--out', join(dir, 'many')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/--workers 200: this machine has \d+ core\(s\); using \d+/);
    expect(lines(join(dir, 'many'))).toEqual(lines(reference()));
  });
});
