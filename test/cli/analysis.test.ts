/**
 * egan damp at an unstable equilibrium says so (count, growth rate, e-folding time; no bare negative tau; no
 * "largest stable step 0"), and the analysis commands' options are validated (one line, exit 2).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { egan, eganAsync } from '../helpers/cli.ts';
import { guardDense } from '../../src/cli/analysis.ts';

const dir = mkdtempSync(join(tmpdir(), 'egan-analysis-'));
const file = join(dir, 'tanh.json');
// A small tanh critic whose equilibrium (particles matched to the feature means) has growing modes.
writeFileSync(file, JSON.stringify({ target: { kind: 'ring', modes: 4, samples: 32 }, particles: { n: 8 }, critic: { kind: 'mlp', hidden: [8], activation: 'tanh' } }));

describe('egan damp at an unstable equilibrium', () => {
  it('names the unstable modes, their growth rate and e-folding time, and gives no stable GD step', () => {
    const j = egan(['damp', file, '--json']);
    expect(j.status, j.stderr).toBe(0);
    const out = JSON.parse(j.stdout) as { modes: { re: number; tau: number | null; unstable: boolean; growthTime: number | null; kind: string }[]; alpha: number; unstableModes: number; gdMaxStep: number | null };
    const growing = out.modes.filter((r) => r.kind === 'mode' && r.re > 0);
    expect(growing.length).toBeGreaterThan(0);
    expect(out.unstableModes).toBe(growing.length);
    for (const r of out.modes) expect(r.unstable).toBe(r.kind === 'mode' && r.re > 0);
    for (const r of growing) expect(r.growthTime).toBeCloseTo(1 / r.re, 12);
    expect(out.alpha).toBe(Math.max(...growing.map((r) => r.re)));
    expect(out.gdMaxStep).toBeNull();
    const h = egan(['damp', file]);
    expect(h.stdout).toContain(`UNSTABLE equilibrium: ${growing.length} mode(s) grow; fastest growth rate ${out.alpha.toPrecision(8)}`);
    expect(h.stdout).toContain(`e-folding time ${(1 / out.alpha).toPrecision(6)}`);
    expect(h.stdout).toMatch(/largest stable GD step \(simultaneous\) none/);
    // Every row with a negative tau is labelled.
    for (const line of h.stdout.split('\n').filter((l) => /^\s+-?\d/.test(l))) {
      const tau = Number(line.trim().split(/\s+/)[4]);
      if (tau < 0) expect(line).toMatch(/UNSTABLE \(grows, e-folding time /);
    }
  }, 60_000);
});

describe('critical on an MLP critic', () => {
  it('sets the linear-critic lambda_c (the closed form for the same config with a linear critic) beside its result', () => {
    const mlp = JSON.parse(readFileSync(file, 'utf8'));
    const lin = join(dir, 'as-linear.json');
    writeFileSync(lin, JSON.stringify({ ...mlp, critic: { kind: 'linear' } }));
    const a = egan(['critical', file, '--param', 'regularizer.lambda', '--lo', '0.05', '--hi', '3', '--grid', '7', '--json']);
    const b = egan(['critical', lin, '--param', 'regularizer.lambda', '--lo', '0.05', '--hi', '3', '--grid', '7', '--json']);
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    expect(JSON.parse(a.stdout).linearTheory).toEqual(JSON.parse(b.stdout).closedForm);
    const h = egan(['critical', file, '--param', 'regularizer.lambda', '--lo', '0.05', '--hi', '3', '--grid', '7']);
    expect(h.stdout).toMatch(/linear-critic theory .*: lambda_c = [\d.]+; this critic's argmin alpha is [\d.]+ times it/);
  }, 60_000);
});

describe('--out for damp, critical and locus', () => {
  const linear = new URL('../../examples/linear.json', import.meta.url).pathname;
  it('writes JSON equal to --json, a CSV of every row and an SVG; critical lands on the closed form', () => {
    const out = join(dir, 'analysis-out');
    const d = egan(['damp', linear, '--json', '--out', out]);
    expect(d.status, d.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'damp.json'), 'utf8'))).toEqual(JSON.parse(d.stdout));
    const rows = readFileSync(join(out, 'damp.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe('re,im,omegaN,zeta,tau,kind,unstable,growthTime');
    expect(rows.length - 1).toBe(JSON.parse(d.stdout).modes.length);
    const c = egan(['critical', linear, '--param', 'regularizer.lambda', '--lo', '0.05', '--hi', '2', '--json', '--out', out]);
    expect(c.status, c.stderr).toBe(0);
    const cj = JSON.parse(readFileSync(join(out, 'critical.json'), 'utf8'));
    expect(Math.abs(cj.argminAlpha - cj.closedForm.lambdaC)).toBeLessThan(1e-8);
    expect(readFileSync(join(out, 'critical.csv'), 'utf8').trim().split('\n')).toHaveLength(cj.grid.p.length + 1);
    const l = egan(['locus', linear, '--param', 'regularizer.lambda', '--from', '0.1', '--to', '1', '--steps', '5', '--out', out]);
    expect(l.status, l.stderr).toBe(0);
    const lj = JSON.parse(readFileSync(join(out, 'locus.json'), 'utf8'));
    expect(readFileSync(join(out, 'locus.csv'), 'utf8').trim().split('\n')).toHaveLength(lj.branches.length * 5 + 1);
    for (const f of ['damp.svg', 'critical.svg', 'locus.svg']) {
      expect(existsSync(join(out, f))).toBe(true);
      expect(readFileSync(join(out, f), 'utf8')).toMatch(/^<svg[^>]*>[\s\S]*<\/svg>$/);
    }
    const bad = egan(['damp', linear, '--out', join(linear, 'sub')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  }, 90_000);
});

const deep = join(dir, 'deep.json');
writeFileSync(deep, '['.repeat(100000) + ']'.repeat(100000));

describe('a config written with a byte-order mark is read like one without', () => {
  it('runs', () => {
    const bom = join(dir, 'bom.json');
    const cfg = JSON.stringify({ target: { kind: 'ring', samples: 16 }, particles: { n: 4 }, critic: { kind: 'linear' }, t1: 1 });
    writeFileSync(bom, '\ufeff' + cfg);
    writeFileSync(join(dir, 'nobom.json'), cfg);
    const a = egan(['run', bom, '--json']), b = egan(['run', join(dir, 'nobom.json'), '--json']);
    expect(a.status, a.stderr).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('a linearization too large for the machine is refused before it starts', () => {
  it('egan damp at N = 5,000 (n = 10,003): one line naming n and the time, exit 2, in seconds', () => {
    const big = join(dir, 'big.json');
    writeFileSync(big, JSON.stringify({ target: { kind: 'ring', samples: 64 }, particles: { n: 5000 }, critic: { kind: 'linear' } }));
    const t0 = Date.now();
    const r = egan(['damp', big]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^egan: damp: n = 10003 coordinates and 1 eigen-decomposition\(s\) would take ~[\d.]+ hours/);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  it('guardDense refuses what does not fit in memory, naming the size that would', () => {
    expect(() => guardDense(100_000, 1, 'damp', 16 * 2 ** 30)).toThrow(/damp: the state has n = 100000 coordinates .* need ~447\.0 GB and this machine has 16\.0 GB; expected n up to ~13377/);
    expect(() => guardDense(300, 25, 'critical', 16 * 2 ** 30)).not.toThrow();
  });
});

describe('options are validated: one line, exit 2', () => {
  for (const [args, msg] of [
    [['damp', file, '--zero-tol', '-1'], /--zero-tol: got "-1"; expected a number in \[0, 1\)/],
    [['damp', file, '--zero-tol', 'abc'], /--zero-tol: got "abc"; expected a finite number/],
    [['critical', file, '--param', 'regularizer.lambda', '--lo', '2', '--hi', '1'], /--lo 2 --hi 1: expected lo < hi/],
    [['locus', file, '--param', 'regularizer.lambda', '--from', '0', '--to', '1', '--steps', '1'], /--steps: got "1"; expected an integer >= 2/],
    [['run', file, '--threads', '0'], /--threads: got "0"; expected an integer >= 1/],
    [['critical', file, '--param', 'critic.kind', '--lo', '0', '--hi', '1'], /--param critic\.kind: expected the path of a numeric config field/],
    [['critical', file, '--param', 'regularizer.lambda', '--lo', '0.1', '--hi', '1', '--grid', '1e12'], /--grid: got "1e12"; expected an integer >= 3 and <= 10000/],
    [['locus', file, '--param', 'regularizer.lambda', '--from', '0', '--to', '1', '--steps', '1e12'], /--steps: got "1e12"; expected an integer >= 2 and <= 10000/],
    [['locus', file, '--param', 'particles.n', '--from', '1', '--to', '4', '--steps', '3'], /--param particles\.n: an integer field/],
    [['critical', file, '--param', 'seed', '--lo', '0', '--hi', '4'], /--param seed: an integer field/],
    [['run', deep, '--json'], /nested 100000 levels deep; expected at most 64/],
  ] as const) {
    it(`egan ${args.filter((a) => a !== file).join(' ')}`, () => {
      const r = egan([...args]);
      expect(r.status).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(msg);
    });
  }
  it('egan --version prints the version alone', () => {
    const r = egan(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('critical and locus on SIGINT/SIGTERM (issue 23, failure 6): print what they have, exit 130', () => {
  // 2,000 scan points of a 129-coordinate model (~1-2 min): interrupted after ~2 s, some points are done.
  const mlp = join(dir, 'scan.json');
  writeFileSync(mlp, JSON.stringify({ target: { kind: 'ring', samples: 64 }, particles: { n: 32 }, critic: { kind: 'mlp', hidden: [16], activation: 'tanh' }, regularizer: { kind: 'grad2-fake', lambda: 1 } }));
  const interrupt = async (args: string[], signal: NodeJS.Signals) => {
    const child = eganAsync(args);
    let stdout = '', stderr = '';
    child.stdout?.on('data', (b: Buffer) => { stdout += b.toString(); });
    child.stderr?.on('data', (b: Buffer) => { stderr += b.toString(); });
    const t0 = Date.now();
    while (!/eigen-decomposition/.test(stderr) && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 2000));
    const sent = Date.now();
    child.kill(signal);
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    return { code, ms: Date.now() - sent, stdout, stderr };
  };

  it('critical --json, SIGINT: the scanned grid and its best point, complete false, within a second', async () => {
    const r = await interrupt(['critical', mlp, '--param', 'regularizer.lambda', '--lo', '0.05', '--hi', '3', '--grid', '2000', '--json'], 'SIGINT');
    console.log(`critical stopped ${r.ms} ms after SIGINT`);
    expect(r.code).toBe(130);
    expect(r.ms).toBeLessThan(1000);
    const out = JSON.parse(r.stdout);
    expect(out.complete).toBe(false);
    expect(out.grid.p.length).toBeGreaterThan(0);
    expect(out.grid.p.length).toBeLessThan(2000);
    // The best point is the grid's smallest alpha.
    expect(out.alphaMin).toBe(Math.min(...out.grid.alpha));
    expect(r.stderr).toMatch(/interrupted; printing the points computed so far/);
  }, 60_000);

  it('locus, SIGTERM: the branches up to the last point, said to be partial', async () => {
    const r = await interrupt(['locus', mlp, '--param', 'regularizer.lambda', '--from', '0.05', '--to', '3', '--steps', '2000'], 'SIGTERM');
    expect(r.code).toBe(130);
    expect(r.ms).toBeLessThan(1000);
    const m = /INTERRUPTED: partial locus, (\d+) of 2000 points/.exec(r.stdout);
    expect(m).not.toBeNull();
    const rows = r.stdout.trim().split('\n').filter((l) => /^\s*[0-9.e+-]+\s/.test(l));
    expect(rows.length).toBe(Number(m![1]));
  }, 60_000);
});
