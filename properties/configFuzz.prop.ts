/**
 * Config fuzzing (issue 11, docs/model.md §8): random JSON values and random mutations
 * of a valid config fed to the loader never throw; a rejection names a field
 * path in one line. A few mutations also go through the real `egan run`
 * (bounded in time): each either runs or exits 2 with one line, no stack trace.
 */
import { test, fc } from '@fast-check/vitest';
import { expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { parseConfig, formatConfigError, buildModel } from '../src/index.ts';
import { PROP_PARAMS } from './arbitraries.ts';
import { egan } from '../test/helpers/cli.ts';

const VALID = {
  seed: 1, target: { kind: 'ring', modes: 4, samples: 16 }, particles: { n: 8 }, kernel: { kind: 'two-point', g1: 1, g2: 0.3 },
  critic: { kind: 'mlp', hidden: [4], activation: 'tanh' }, regularizer: { kind: 'grad2-fake', lambda: 0.5 }, etaG: 1, etaD: 1,
  t1: 1, solver: { method: 'rk4', h: 0.1 }, saveAt: { n: 3 },
};
const PATHS = ['seed', 'target', 'target.kind', 'target.modes', 'target.samples', 'target.radius', 'particles', 'particles.n', 'particles.init',
  'kernel.kind', 'kernel.g1', 'kernel.g2', 'critic.kind', 'critic.hidden', 'critic.activation', 'loss', 'regularizer.kind', 'regularizer.lambda',
  'weightDecay', 'etaG', 'etaD', 'solver', 'solver.method', 'solver.h', 'saveAt.n', 'theta', 'extraField'];
const BAD_VALUES = fc.oneof(
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '', 'gelu', 'relu', 'linear', null, true, [], {}, [[1, 2]], -1, 0, 1e12, -1e-300, 2.5, 'ring'),
  fc.jsonValue({ maxDepth: 2 }),
);
const mutate = (path: string, value: unknown) => {
  const c = JSON.parse(JSON.stringify(VALID));
  const keys = path.split('.');
  let o = c;
  for (const k of keys.slice(0, -1)) o = o[k];
  o[keys[keys.length - 1]] = value;
  return c;
};

test.prop([fc.jsonValue({ maxDepth: 4 })], PROP_PARAMS)('random JSON never throws in the loader; a rejection names one path in one line', (v) => {
  const r = parseConfig(v);
  if (E.isLeft(r)) {
    const msg = formatConfigError(r.left);
    expect(msg).toMatch(/^config\.\S+: /);
    expect(msg).not.toContain('\n');
  }
});

test.prop([fc.constantFrom(...PATHS), BAD_VALUES], { ...PROP_PARAMS, numRuns: PROP_PARAMS.numRuns * 3 })('mutated configs: rejected with the mutated path (or a parent), or accepted and buildable', (path, value) => {
  const r = parseConfig(mutate(path, value));
  if (E.isLeft(r)) {
    const first = path.split('.')[0];
    expect(formatConfigError(r.left)).toMatch(new RegExp(`^config\\.(${first}|\\(root\\))`));
  } else if (r.right.particles.n <= 1000 && (r.right.target.kind !== 'ring' || r.right.target.samples <= 1000)) {
    const m = buildModel(r.right);
    const du = new Float64Array(m.n);
    m.rhs(0, m.u0, du);
    expect(du.length).toBe(m.n);
  }
});

const dir = mkdtempSync(join(tmpdir(), 'egan-fuzz-'));
let k = 0;
// Each case spawns a real `egan run` (~0.6 s), so this one takes 12 runs; the in-process fuzz above takes
// 300 (random JSON: 100). t1 and the step are left alone so that every accepted mutation runs quickly.
test.prop([fc.constantFrom(...PATHS.filter((p) => !['solver', 'solver.h', 'particles', 'particles.n', 'target', 'target.samples'].includes(p))), BAD_VALUES], { ...PROP_PARAMS, numRuns: 12 })(
  'egan run on mutated configs: runs or exits 2 with one line, never a stack trace or a hang', (path, value) => {
    const file = join(dir, `c${k++}.json`);
    writeFileSync(file, JSON.stringify(mutate(path, value)));
    const r = egan(['run', file, '--json'], 60_000);
    expect(r.signal).toBeNull();
    expect([0, 1, 2]).toContain(r.status);
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
    if (r.status === 2) expect(r.stderr.split('\n').filter((l) => l.startsWith('egan:'))).toHaveLength(1);
  });
