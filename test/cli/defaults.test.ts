/**
 * A first hour with egan: the README's minimal config finishes (relu critic, no solver named: the fixed-step
 * rk4 default, recorded in config.resolved.json), and a crawling error-controlled solve is reported while it
 * happens, and ended at once with --on-crawl stop.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { egan } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'egan-defaults-'));
const write = (name: string, c: unknown) => { const f = join(dir, name); writeFileSync(f, JSON.stringify(c)); return f; };
const minimal = { target: { kind: 'ring' }, particles: { n: 64 } };

describe('defaults that finish', () => {
  it("the README's minimal config runs to t1 = 100 with rk4 h = 0.05, recorded in config.resolved.json", () => {
    const t0 = Date.now();
    const r = egan(['run', write('minimal.json', minimal), '--out', join(dir, 'min')], 60_000);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^status success at t = 100\.0 {2}\(2000 steps, 0 rejected, 8001 rhs calls\)/);
    expect(Date.now() - t0).toBeLessThan(60_000);
    const resolved = JSON.parse(readFileSync(join(dir, 'min', 'config.resolved.json'), 'utf8'));
    expect(resolved.solver).toEqual({ method: 'rk4', h: 0.05, maxSteps: 100_000_000 });
    // Resolved configs run as they are: the same run again.
    const again = egan(['run', join(dir, 'min', 'config.resolved.json')], 60_000);
    expect(again.stdout).toBe(r.stdout);
  }, 120_000);

  it('a smooth critic keeps dopri5; larger learning rates shrink the relu default step', () => {
    const smooth = egan(['run', write('tanh.json', { ...minimal, critic: { kind: 'mlp', hidden: [8], activation: 'tanh' }, t1: 1 }), '--out', join(dir, 'tanh')], 60_000);
    expect(smooth.status, smooth.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'tanh', 'config.resolved.json'), 'utf8')).solver.method).toBe('dopri5');
    const fast = egan(['run', write('fast.json', { ...minimal, etaD: 4, t1: 0.1 }), '--out', join(dir, 'fast')], 60_000);
    expect(fast.status, fast.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'fast', 'config.resolved.json'), 'utf8')).solver.h).toBe(0.0125);
  }, 120_000);

  it('dopri5 on a relu critic: the crawl is said within seconds, and --on-crawl stop ends the run there (exit 1)', () => {
    const f = write('crawl.json', { ...minimal, solver: { method: 'dopri5' } });
    const r = egan(['run', f, '--on-crawl', 'stop'], 60_000);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^status crawl at t = /);
    expect(r.stderr).toMatch(/egan run: warning: the relu critic makes the right-hand side discontinuous .* is crawling at t = /);
    const steps = Number(/\((\d+) steps/.exec(r.stdout)![1]);
    expect(steps).toBeLessThan(3000);
    const bad = egan(['run', f, '--on-crawl', 'never'], 20_000);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/--on-crawl: got "never"; expected "warn" .* or "stop"/);
  }, 120_000);
});
