/**
 * CLI input/output: loading and validating JSON configs (bad input is a
 * `UsageError`, exit code 2, one line), atomic file writes (temp file +
 * rename, so a crash never leaves a truncated file), CSV.
 */
import { readFileSync } from 'node:fs';
import { writeAtomic } from '../experiments/files.ts';
export { writeAtomic, toCsv } from '../experiments/files.ts';
import { dirname, join, resolve } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { parseConfig, formatConfigError, resolveDataPaths, type Config } from '../model/config.ts';

import { UsageError } from './exit.ts';
export { EXIT, UsageError } from './exit.ts';

export const readJsonFile = (path: string, what = 'config'): unknown => {
  let text: string;
  try { text = readFileSync(path, 'utf8'); }
  catch (e) { throw new UsageError(`cannot read ${what} file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`); }
  try { return JSON.parse(text); }
  catch (e) { throw new UsageError(`${what} file ${path} is not valid JSON: ${(e as Error).message}`); }
};

/** A config file, validated; relative data-file paths in it are relative to the config file's folder. */
export const loadConfig = (path: string): Config => {
  const r = parseConfig(resolveDataPaths(readJsonFile(path), dirname(resolve(path))));
  if (E.isLeft(r)) throw new UsageError(`${path}: ${formatConfigError(r.left)}`);
  return r.right;
};

export const writeJson = (dir: string, name: string, value: unknown): string => {
  const p = join(dir, name);
  writeAtomic(p, JSON.stringify(value, null, 2) + '\n');
  return p;
};

export const parseNumber = (name: string, s: string): number => {
  const v = Number(s);
  if (!Number.isFinite(v)) throw new UsageError(`${name}: got ${JSON.stringify(s)}; expected a finite number`);
  return v;
};

export const parseInteger = (name: string, s: string, min = 1): number => {
  const v = Number(s);
  if (!Number.isInteger(v) || v < min) throw new UsageError(`${name}: got ${JSON.stringify(s)}; expected an integer >= ${min}`);
  return v;
};
