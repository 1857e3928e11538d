/**
 * The resource guard (issue 23, failure 2): configs whose allocations exceed half of the machine's memory are
 * refused before anything is allocated, naming the part that dominates and the way out; the estimates are
 * checked against the closed-form sizes of each part, and the CLI refuses in one line within seconds where it
 * used to fail after allocating ("Invalid typed array length", exit 70) or take minutes and gigabytes.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { checkResources, estimateResources, parseConfig, expandSweep, parseSweep, MAX_CELLS, type Config } from '../../src/index.ts';
import { egan } from '../helpers/cli.ts';

const parse = (v: unknown): Config => { const r = parseConfig(v); if (E.isLeft(r)) throw new Error(JSON.stringify(r.left)); return r.right; };
const GB = 2 ** 30;
const ring = { target: { kind: 'ring', samples: 64 }, particles: { n: 64 } };

describe('estimateResources', () => {
  it('counts the critic, the state, the activations and the trajectory from their sizes', () => {
    const c = parse({ ...ring, critic: { kind: 'mlp', hidden: [8, 4], activation: 'tanh' }, saveAt: { n: 11 } });
    const e = estimateResources(c);
    const p = (2 * 8 + 8) + (8 * 4 + 4) + 4 + 1; // W1 b1, W2 b2, w_out b_out
    expect(e.criticParameters).toBe(p);
    expect(e.n).toBe(64 * 2 + p);
    const by = (w: string) => e.parts.find((x) => x.what.startsWith(w))!.bytes;
    expect(by('critic')).toBe(128 * p);
    expect(by('activations')).toBe(16 * 128 * 12);
    expect(by('trajectory')).toBe(2 * 11 * (8 * e.n + 256));
    expect(e.parts.some((x) => x.what.includes('Jacobian'))).toBe(false); // dopri5 builds none
  });

  it('adds the dense Jacobian of the stiff solvers only (3 n² doubles), and the dense N x N of an ntk kernel', () => {
    const stiff = estimateResources(parse({ ...ring, critic: { kind: 'linear' }, solver: { method: 'rodas4' } }));
    expect(stiff.parts.find((x) => x.what.includes('Jacobian'))!.bytes).toBe(24 * stiff.n ** 2);
    const ntk = estimateResources(parse({ ...ring, kernel: { kind: 'ntk' } }));
    expect(ntk.parts.find((x) => x.what.includes('ntk kernel'))!.bytes).toBe(8 * 64 * 64);
  });
});

describe('checkResources', () => {
  it('refuses hidden [1e5, 1e5] (1e10 parameters, ~1,200 GB) naming the critic and the remedy', () => {
    const r = checkResources(parse({ ...ring, critic: { kind: 'mlp', hidden: [100_000, 100_000], activation: 'tanh' } }), 24 * GB);
    if (E.isRight(r)) throw new Error('accepted');
    expect(r.left.part.what).toMatch(/^critic: 1\.00e10 parameters/);
    expect(r.left.message).toMatch(/critic\.hidden/);
    expect(r.left.bytes).toBeGreaterThan(1000 * GB);
  });

  it('refuses a linear critic of N = 1e5 under rodas4 (a 1.4 TB Jacobian) and accepts it under Euler (no Jacobian)', () => {
    const base = { target: { kind: 'ring', samples: 16 }, particles: { n: 100_000 }, critic: { kind: 'linear' }, saveAt: { n: 2 } };
    const stiff = checkResources(parse({ ...base, solver: { method: 'rodas4' } }), 24 * GB);
    if (E.isRight(stiff)) throw new Error('accepted');
    expect(stiff.left.message).toMatch(/explicit solver/);
    expect(E.isRight(checkResources(parse({ ...base, solver: { method: 'euler', h: 1 } }), 24 * GB))).toBe(true);
  });

  it('refuses saveAt.n = 1e6 of a 20,000-number state on 24 GB (~320 GB of trajectory), names saveAt.n', () => {
    const r = checkResources(parse({ target: { kind: 'ring', samples: 64 }, particles: { n: 10_000 }, critic: { kind: 'linear' }, solver: { method: 'euler', h: 1e-3 }, saveAt: { n: 1_000_000 } }), 24 * GB);
    if (E.isRight(r)) throw new Error('accepted');
    expect(r.left.message).toMatch(/saveAt\.n/);
  });

  it('accepts the README configs with room to spare', () => {
    expect(E.isRight(checkResources(parse({ ...ring, critic: { kind: 'mlp', hidden: [32], activation: 'relu' } }), 24 * GB))).toBe(true);
  });
});

describe('sweeps', () => {
  it(`refuses more than ${MAX_CELLS} cells before expanding any axis, naming the axis`, () => {
    const s = parseSweep({ base: ring, axes: [{ path: 'kernel.g2', linspace: { from: 0, to: 1, n: 100_000_000 } }] });
    if (E.isLeft(s)) throw new Error(s.left.message);
    const t0 = Date.now();
    const r = expandSweep(s.right);
    expect(Date.now() - t0).toBeLessThan(1000);
    if (E.isRight(r)) throw new Error('accepted');
    expect(r.left.message).toMatch(/1\.00e\+8 cells .*axis 0 "kernel\.g2" has 100000000 values.*at most 100,000/);
  });
});

describe('the CLI says it in one line, exit 2, within seconds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'egan-res-'));
  const write = (name: string, v: unknown) => { const p = join(dir, name); writeFileSync(p, JSON.stringify(v)); return p; };
  for (const [what, args] of [
    ['run, hidden [1e5, 1e5]', () => ['run', write('h.json', { ...ring, critic: { kind: 'mlp', hidden: [100_000, 100_000], activation: 'tanh' }, t1: 1, solver: { method: 'euler', h: 1 } })]],
    ['damp, hidden [1e5, 1e5]', () => ['damp', write('h2.json', { ...ring, critic: { kind: 'mlp', hidden: [100_000, 100_000], activation: 'tanh' } })]],
    ['sweep, a 1e8-cell axis', () => ['sweep', write('sw.json', { base: ring, axes: [{ path: 'kernel.g2', linspace: { from: 0, to: 1, n: 100_000_000 } }] }), '--out', join(dir, 'swo')]],
    ['sweep, one cell of N = 1e5 under rodas4', () => ['sweep', write('sw2.json', { base: { ...ring, critic: { kind: 'linear' }, solver: { method: 'rodas4' } }, axes: [{ path: 'particles.n', values: [64, 100_000] }] }), '--out', join(dir, 'swo2')]],
  ] as const) {
    it(what, () => {
      const t0 = Date.now();
      const r = egan(args(), 30_000);
      expect(Date.now() - t0).toBeLessThan(10_000);
      expect(r.status).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^egan: .*(cells|GB)/);
      expect(r.stdout).toBe('');
    });
  }
});
