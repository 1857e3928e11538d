import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { parseConfig } from '../../src/model/config.ts';
import { expandSweep, parseSweep } from '../../src/experiments/sweep.ts';

// The configs and sweep files under examples/ are what the README's commands run: each must be valid as it is
// (a sweep file by its "base" and "axes", every cell expanded and checked).
const dir = fileURLToPath(new URL('../../examples/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('examples/', () => {
  it('holds both kinds of file', () => {
    expect(files.some((f) => f.startsWith('sweep-'))).toBe(true);
    expect(files.some((f) => !f.startsWith('sweep-'))).toBe(true);
  });
  for (const f of files) {
    it(`${f} is a valid ${f.startsWith('sweep-') ? 'sweep' : 'run config'}`, () => {
      const input: unknown = JSON.parse(readFileSync(dir + f, 'utf8'));
      if (f.startsWith('sweep-')) {
        const spec = parseSweep(input);
        if (E.isLeft(spec)) throw new Error(spec.left.message);
        const cells = expandSweep(spec.right);
        if (E.isLeft(cells)) throw new Error(cells.left.message);
        expect(cells.right.length).toBeGreaterThan(0);
      } else {
        const c = parseConfig(input);
        expect(E.isRight(c), E.isLeft(c) ? JSON.stringify(c.left) : '').toBe(true);
      }
    });
  }
});
