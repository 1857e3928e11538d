/**
 * The config reference is generated from the schema: docs/config.md must equal `configReference()` (run
 * `./bin/egan.js schema --markdown > docs/config.md` and `./bin/egan.js schema > docs/config.schema.json`
 * after changing the schema), every field has a meaning,
 * and the JSON Schema agrees with parseConfig on what is required and on the defaults.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import { egan } from '../helpers/cli.ts';
import { configJsonSchema, configReference, parseConfig, type JsonSchema } from '../../src/index.ts';

const fields = (node: JsonSchema, path: string, out: [string, JsonSchema][]) => {
  for (const [k, f] of Object.entries(node.properties ?? {})) {
    out.push([`${path}${k}`, f]);
    fields(f, `${path}${k}.`, out);
    for (const a of f.oneOf ?? f.anyOf ?? []) fields(a, `${path}${k}.`, out);
  }
  return out;
};

describe('config reference', () => {
  // The committed files against the commands that write them, each in a fresh process: in this one, other
  // test files may have registered solvers of their own (the test workers share one module graph), and a
  // registered solver is a valid solver.method of the schema. (`egan schema` prints configReference() and
  // configJsonSchema().)
  it('docs/config.md is the generated reference (egan schema --markdown)', () => {
    const r = egan(['schema', '--markdown']);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(new URL('../../docs/config.md', import.meta.url), 'utf8')).toBe(r.stdout);
  });

  it('docs/config.schema.json (for editors: "$schema" in a config) is the generated JSON Schema (egan schema)', () => {
    const r = egan(['schema']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(new URL('../../docs/config.schema.json', import.meta.url), 'utf8'))).toEqual(JSON.parse(r.stdout));
  });

  it('a config naming the schema with "$schema" parses to the same config as without it', () => {
    const plain = { target: { kind: 'ring' }, particles: { n: 4 } };
    expect(parseConfig({ $schema: '../docs/config.schema.json', ...plain })).toEqual(parseConfig(plain));
    expect(E.isLeft(parseConfig({ $schema: 3, ...plain }))).toBe(true);
  });

  it('every field of the JSON Schema says what it means', () => {
    const all = fields(configJsonSchema(), '', []);
    expect(all.length).toBeGreaterThan(80);
    const bare = all.filter(([, f]) => !f.description).map(([p]) => p);
    expect(bare).toEqual([]);
  });

  it('its defaults are the ones parseConfig fills in, and target and particles.n are required', () => {
    const s = configJsonSchema();
    expect(s.required).toEqual(['target', 'particles']);
    expect(s.properties.particles.required).toEqual(['n']);
    const c = parseConfig({ target: { kind: 'ring' }, particles: { n: 4 } });
    if (E.isLeft(c)) throw new Error('parse');
    const top = c.right as unknown as Record<string, unknown>;
    for (const k of ['seed', 'loss', 'weightDecay', 'etaG', 'etaD', 't1']) expect(s.properties[k].default).toEqual(top[k]);
    const ring = s.properties.target.oneOf!.find((a) => a.properties?.kind.const === 'ring')!;
    for (const [k, f] of Object.entries(ring.properties!)) if (f.default !== undefined) expect(f.default).toEqual((c.right.target as Record<string, unknown>)[k]);
  });
});
