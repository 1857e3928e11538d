/**
 * The config's reference documentation, generated from its schema (config.ts), so that it cannot drift from
 * what egan accepts: `configJsonSchema()` is the JSON Schema (draft 2020-12) of a config as a user writes it
 * (defaults optional; bounds, enums and one description per field), and `configReference()` the same as
 * Markdown tables, one per object and per variant of a `kind`/`method` union (docs/config.md is its output,
 * and `egan schema` prints either).
 *
 * @example
 * configJsonSchema().properties.particles.required;   // ['n']
 * configReference().startsWith('# Config reference');  // true
 */
import { z } from 'zod';
import { configSchema } from './config.ts';

/** A JSON Schema node, as far as this module reads it. */
export interface JsonSchema {
  readonly type?: string;
  readonly description?: string;
  readonly default?: unknown;
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly minItems?: number;
  readonly items?: JsonSchema;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly oneOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly [key: string]: unknown;
}

/** The JSON Schema of a config as written (defaults optional). */
export const configJsonSchema = (): JsonSchema & { properties: Record<string, JsonSchema> } => {
  const s = z.toJSONSchema(configSchema(), { io: 'input', unrepresentable: 'any' }) as JsonSchema & { properties: Record<string, JsonSchema> };
  const editorHint: JsonSchema = { type: 'string', description: 'optional: the path or URL of this JSON Schema (docs/config.schema.json), for an editor\'s completion; ignored by egan' };
  return { ...s, properties: { $schema: editorHint, ...s.properties }, title: 'egan config', description: 'A training run of the effective GAN model: target, particles, kernel, critic, game and solver.' };
};

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** One cell of the "type" column: the JSON type with its bounds or values. */
const typeOf = (s: JsonSchema): string => {
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum) return s.enum.map((v) => `\`${JSON.stringify(v)}\``).join(', ');
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return alts.map(typeOf).join(' or ');
  const bounds: string[] = [];
  if (s.exclusiveMinimum !== undefined) bounds.push(`> ${s.exclusiveMinimum}`);
  if (s.minimum !== undefined && s.minimum !== -MAX_SAFE) bounds.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined && s.maximum !== MAX_SAFE) bounds.push(`≤ ${s.maximum}`);
  const b = bounds.length ? ` ${bounds.join(', ')}` : '';
  if (s.type === 'array') return `${s.minItems ? 'non-empty ' : ''}array of ${s.items ? typeOf(s.items) : 'values'}`;
  if (s.type === 'object') return 'object';
  return `${s.type ?? 'value'}${b}`;
};

const cell = (x: string) => x.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The discriminator of a union of objects (`kind` or `method`), when there is one. */
const discriminator = (alts: readonly JsonSchema[]): string | undefined =>
  ['kind', 'method'].find((k) => alts.every((a) => a.properties?.[k] && (a.properties[k].const !== undefined || a.properties[k].enum)));

interface Section { readonly title: string; readonly description?: string; readonly node: JsonSchema }

/** Tables of an object's fields; nested objects and unions get their own sections (after this one). */
const table = (path: string, node: JsonSchema, pending: Section[]): string => {
  const req = new Set(node.required ?? []);
  const rows = Object.entries(node.properties ?? {}).map(([k, f]) => {
    const full = path ? `${path}.${k}` : k;
    const alts = f.oneOf ?? f.anyOf;
    const union = alts && discriminator(alts);
    if ((f.type === 'object' && f.properties) || union) pending.push({ title: full, description: f.description, node: f });
    const type = union ? `object: see [\`${full}\`](#${anchor(full)})` : f.type === 'object' && f.properties ? `object: see [\`${full}\`](#${anchor(full)})` : typeOf(f);
    const def = f.default !== undefined ? `\`${JSON.stringify(f.default)}\`` : req.has(k) ? '**required**' : '';
    return `| \`${k}\` | ${cell(type)} | ${cell(def)} | ${cell(f.description ?? '')} |`;
  });
  return ['| field | type | default | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
};

const anchor = (title: string) => title.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');

/** The Markdown reference of every config field. */
export const configReference = (): string => {
  const root = configJsonSchema();
  const out: string[] = [
    '# Config reference',
    '',
    'Generated from egan\'s config schema by `egan schema --markdown` (the JSON Schema: `egan schema`); a test keeps this file equal to',
    'that output. A config is a JSON object; only `target` and `particles.n` are required, every other field has the default',
    'shown. An unknown field or a bad value is an error naming the field path, the value and what was expected.',
    '',
    '## Top level',
    '',
  ];
  const pending: Section[] = [];
  out.push(table('', root, pending), '');
  while (pending.length) {
    const s = pending.shift()!;
    out.push(`## ${s.title}`, '');
    if (s.description) out.push(s.description.charAt(0).toUpperCase() + s.description.slice(1) + '.', '');
    const alts = s.node.oneOf ?? s.node.anyOf;
    const key = alts && discriminator(alts);
    if (alts && key) {
      const more: Section[] = [];
      for (const a of alts) {
        const d = a.properties![key];
        const names = d.const !== undefined ? [d.const] : d.enum!;
        out.push(`### ${s.title}: \`"${key}": ${names.map((n) => JSON.stringify(n)).join(' | ')}\``, '');
        if (d.description) out.push(d.description.charAt(0).toUpperCase() + d.description.slice(1) + '.', '');
        out.push(table(s.title, a, more), '');
      }
      pending.unshift(...more);
    } else {
      out.push(table(s.title, s.node, pending), '');
    }
  }
  return out.join('\n');
};
