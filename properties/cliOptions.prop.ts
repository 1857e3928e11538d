/**
 * Every command, fed a random bad option value or a random unusable path, answers the way a user error
 * should: at once (bounded time, before any solving), exit code 2, exactly one line on stderr naming what
 * was wrong, nothing on stdout, and no stack trace. The rest of the command line is valid, so the
 * option under test is the one to blame.
 */
import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { egan } from '../test/helpers/cli.ts';

const ex = (f: string) => fileURLToPath(new URL(`../examples/${f}`, import.meta.url));
const LINEAR = ex('linear.json'), SWEEP = ex('sweep-small.json'), COMPARE = ex('compare.json'), POINTS = ex('points.json');
const dir = mkdtempSync(join(tmpdir(), 'egan-cliprop-'));
const aFile = join(dir, 'a-file.txt');
writeFileSync(aFile, 'not a folder\n');

/** Strings that are not a number at all. */
const notANumber = fc.oneof(fc.constantFrom('abc', '', 'NaN', 'Infinity', '-Infinity', '1e999', '0x', '--', '1,5', ' '), fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !Number.isFinite(Number(s))));
/** Values an integer option >= min refuses: non-numbers, fractions, values below min. */
const badInteger = (min: number) => fc.oneof(notANumber, fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((x) => !Number.isInteger(x)).map(String), fc.integer({ min: -1e6, max: min - 1 }).map(String));
/** Values the zero-mode tolerance refuses: outside [0, 1) or not a number. */
const badZeroTol = fc.oneof(notANumber, fc.double({ min: -1e6, max: -1e-12, noNaN: true }).map(String), fc.double({ min: 1, max: 1e6, noNaN: true }).map(String));
/** Paths where no output folder can be made: under a regular file, in /proc, or the file itself. */
const badOut = fc.oneof(fc.constant(aFile), fc.stringMatching(/^[a-z]{1,6}$/).map((s) => join(aFile, s)), fc.stringMatching(/^[a-z]{1,6}$/).map((s) => `/proc/${s}/out`));
/** Files that do not exist. */
const missing = fc.stringMatching(/^[a-z0-9]{1,10}$/).map((s) => join(dir, 'no-such', `${s}.json`));

const cases: fc.Arbitrary<string[]>[] = [
  badInteger(1).map((v) => ['run', LINEAR, `--threads=${v}`]),
  fc.string({ maxLength: 8 }).filter((s) => s !== 'warn' && s !== 'stop').map((v) => ['run', LINEAR, `--on-crawl=${v}`]),
  badOut.map((p) => ['run', LINEAR, '--out', p]),
  missing.map((p) => ['run', p]),
  badZeroTol.map((v) => ['damp', LINEAR, `--zero-tol=${v}`]),
  badOut.map((p) => ['damp', LINEAR, '--out', p]),
  notANumber.map((v) => ['critical', LINEAR, '--param', 'regularizer.lambda', `--lo=${v}`, '--hi', '2']),
  fc.tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true })).map(([lo, dx]) => ['critical', LINEAR, '--param', 'regularizer.lambda', `--lo=${lo + dx}`, `--hi=${lo}`]),
  fc.stringMatching(/^[a-z]{1,8}(\.[a-z]{1,8})?$/).filter((p) => !['etaG', 'etaD', 'seed', 't1', 'weightDecay'].includes(p)).map((p) => ['critical', LINEAR, '--param', p, '--lo', '0.1', '--hi', '1']),
  badInteger(2).map((v) => ['locus', LINEAR, '--param', 'regularizer.lambda', '--from', '0.1', '--to', '1', `--steps=${v}`]),
  badInteger(1).map((v) => ['sweep', SWEEP, `--workers=${v}`, '--out', join(dir, 'sw')]),
  fc.oneof(notANumber, fc.tuple(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 1, max: 9 })).filter(([i, n]) => i > n).map(([i, n]) => `${i}/${n}`)).map((v) => ['sweep', SWEEP, `--shard=${v}`, '--out', join(dir, 'sw')]),
  badOut.map((p) => ['sweep', SWEEP, '--out', p]),
  missing.map((p) => ['phase', p]),
  missing.map((p) => ['plot', p]),
  missing.map((p) => ['eval', p, '--target', POINTS]),
  badInteger(1).map((v) => ['ntk', COMPARE, `--widths=${v}`]),
  badOut.map((p) => ['compare', COMPARE, '--out', p]),
  badInteger(1).map((v) => ['report', `--workers=${v}`, '--out', join(dir, 'rep')]),
];

describe('bad command-line input, any command', () => {
  test.prop([fc.oneof(...cases)], { numRuns: 32, seed: 20261202 })('one line on stderr, exit 2, at once, no stack trace', (args) => {
    const t0 = Date.now();
    const r = egan(args, 20_000);
    const elapsed = Date.now() - t0;
    expect(r.signal, `${args.join(' ')} did not finish`).toBeNull();
    expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines, args.join(' ')).toHaveLength(1);
    expect(lines[0]).toMatch(/^egan( \w+)?: /);
    expect(r.stderr).not.toMatch(/\n\s+at |Error:|internal error/);
    expect(elapsed).toBeLessThan(10_000);
  }, 600_000);
});
