/**
 * Validation issues in egan's own words, one line each: what was expected, in the form the config reference
 * uses ("expected an integer >= 1", "expected one of "relu", "tanh", ..."), with "did you mean" for a
 * misspelt field or value. Shared by configs (config.ts) and sweep specs (experiments/sweep.ts).
 *
 * @example
 * issueText(issue, schema, input);   // { path: 'critic.activaton', expected: 'unknown field; did you mean "activation"?' }
 */
import type { z } from 'zod';

/** Edit distance (insertions, deletions, substitutions), for suggestions. */
export const editDistance = (a: string, b: string): number => {
  const m = a.length, n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
    prev = cur;
  }
  return prev[n];
};

/** The candidate closest to `word`, when it is close enough to be a likely misspelling. */
export const nearest = (word: string, candidates: readonly string[]): string | undefined => {
  let best: string | undefined, bestD = Infinity;
  for (const c of candidates) { const d = editDistance(word, c); if (d < bestD) { bestD = d; best = c; } }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
};

type Def = { type: string; shape?: Record<string, z.ZodType>; options?: z.ZodType[]; innerType?: z.ZodType; in?: z.ZodType; discriminator?: string };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Unwrap defaults, optionals and refinements down to the object or union inside. */
const unwrap = (s: z.ZodType): z.ZodType => {
  for (let k = 0; k < 20; k++) {
    const d = defOf(s);
    if (d.innerType) s = d.innerType;
    else if (d.type === 'pipe' && d.in) s = d.in;
    else break;
  }
  return s;
};

/** The object schema at `path` for this input (a union picks the variant the input's discriminator names). */
const objectAt = (schema: z.ZodType, path: readonly PropertyKey[], input: unknown): Def | undefined => {
  let s = unwrap(schema);
  let v: unknown = input;
  for (let k = 0; ; k++) {
    let d = defOf(s);
    if (d.type === 'union' && d.options) {
      const key = d.discriminator ?? 'kind';
      const tag = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
      const pick = d.options.map(unwrap).find((o) => { const sh = defOf(o).shape?.[key]; return sh !== undefined && JSON.stringify(literalValues(sh)).includes(JSON.stringify(tag)); });
      if (!pick) return undefined;
      s = pick;
      d = defOf(s);
    }
    if (k === path.length) return d.type === 'object' ? d : undefined;
    const next = d.shape?.[String(path[k])];
    if (!next) return undefined;
    s = unwrap(next);
    v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[String(path[k])] : undefined;
  }
};

const literalValues = (s: z.ZodType): unknown[] => {
  const d = unwrap(s) as unknown as { _zod: { def: { values?: unknown[]; entries?: Record<string, unknown> } } };
  return d._zod.def.values ?? Object.values(d._zod.def.entries ?? {});
};

/** The union at `path` (array indices skipped) as its variants' field lists: `{ path, values } | { path, linspace }`. */
const unionForms = (schema: z.ZodType, path: readonly PropertyKey[]): string | undefined => {
  let s = unwrap(schema);
  for (const key of path) {
    const d = defOf(s) as Def & { element?: z.ZodType };
    if (d.type === 'array' && d.element) { s = unwrap(d.element); continue; }
    const next = d.shape?.[String(key)];
    if (!next) return undefined;
    s = unwrap(next);
  }
  const d = defOf(s) as Def & { element?: z.ZodType };
  if (d.type === 'array' && d.element) s = unwrap(d.element);
  const opts = defOf(s).options;
  if (!opts) return undefined;
  const forms = opts.map((o) => Object.keys(defOf(unwrap(o)).shape ?? {}));
  return forms.every((f) => f.length) ? forms.map((f) => `{ ${f.join(', ')} }`).join(' | ') : undefined;
};

const TYPE_WORDS: Record<string, string> = {
  object: 'an object', record: 'an object', number: 'a number', int: 'an integer', string: 'a string', array: 'an array',
  boolean: 'true or false', literal: 'a fixed value',
};
const typeWord = (t: string) => TYPE_WORDS[t] ?? `a ${t}`;
const quoteList = (vs: readonly unknown[]) => vs.map((v) => JSON.stringify(v)).join(', ');

export interface IssueText {
  /** Dot-separated field path ("particles.n"), "(root)" for the whole value. */
  readonly path: string;
  /** The value found there (undefined when missing). */
  readonly value: unknown;
  readonly expected: string;
}

/** One zod issue as egan says it; `schema` and `input` let an unknown field suggest the nearest known one. */
export const issueText = (issue: z.core.$ZodIssue, schema: z.ZodType, input: unknown): IssueText => {
  const at = (p: readonly PropertyKey[]) => p.reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k as string] : undefined), input);
  let path = issue.path.map(String).join('.');
  let value = at(issue.path);
  let expected = issue.message;
  const i = issue as z.core.$ZodIssue & Record<string, unknown>;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = (i.keys as string[])[0];
      path = path ? `${path}.${key}` : key;
      value = at([...issue.path, key]);
      const known = Object.keys(objectAt(schema, issue.path, input)?.shape ?? {});
      const near = nearest(key, known);
      expected = `unknown field; ${near ? `did you mean "${near}"?` : known.length ? `the fields here are ${quoteList(known)}` : 'remove it'}`;
      break;
    }
    case 'invalid_union': {
      const options = i.options as unknown[] | undefined;
      if (options) {
        const near = typeof value === 'string' ? nearest(value, options.map(String)) : undefined;
        expected = `expected one of ${quoteList(options)}${near ? `; did you mean "${near}"?` : ''}`;
      } else {
        const forms = unionForms(schema, issue.path);
        expected = forms ? `expected one of the forms ${forms}` : 'expected one of the forms this field takes (see the config reference)';
      }
      break;
    }
    case 'invalid_value': {
      const values = i.values as unknown[];
      const near = typeof value === 'string' ? nearest(value, values.map(String)) : undefined;
      expected = `expected ${values.length === 1 ? JSON.stringify(values[0]) : `one of ${quoteList(values)}`}${near ? `; did you mean "${near}"?` : ''}`;
      break;
    }
    case 'invalid_type': {
      const field = issue.path.length ? objectAt(schema, issue.path.slice(0, -1), input)?.shape?.[String(issue.path[issue.path.length - 1])] : undefined;
      const desc = field?.description;
      expected = value === undefined ? `required: ${typeWord(String(i.expected))}${desc ? ` (${desc})` : ''}` : `expected ${typeWord(String(i.expected))}`;
      break;
    }
    case 'too_small':
    case 'too_big': {
      if (!/^Too (small|big)/.test(issue.message)) break; // egan's own message
      const bound = issue.code === 'too_small' ? i.minimum : i.maximum;
      const op = issue.code === 'too_small' ? (i.inclusive ? '>=' : '>') : (i.inclusive ? '<=' : '<');
      const origin = String(i.origin);
      expected = origin === 'array' ? `expected ${issue.code === 'too_small' ? 'at least' : 'at most'} ${bound} item(s)`
        : origin === 'string' ? `expected ${issue.code === 'too_small' ? 'at least' : 'at most'} ${bound} character(s)`
          : `expected ${origin === 'int' || Number.isInteger(value) ? 'an integer' : 'a number'} ${op} ${bound}`;
      break;
    }
    default:
      expected = expected.replace(/^Invalid input: /, '');
  }
  return { path: path || '(root)', value, expected };
};
