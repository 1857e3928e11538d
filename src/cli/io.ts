/**
 * CLI input/output: loading and validating JSON configs (bad input is a
 * `UsageError`, exit code 2, one line), atomic file writes (temp file +
 * rename, so a crash never leaves a truncated file), CSV.
 */
import { availableParallelism } from 'node:os';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { writeAtomic } from '../experiments/files.ts';
export { writeAtomic, toCsv } from '../experiments/files.ts';
import { dirname, join, resolve } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { parseConfig, formatConfigError, resolveDataPaths, type Config } from '../model/config.ts';
import { checkResources } from '../model/resources.ts';

import { UsageError } from './exit.ts';
export { EXIT, UsageError } from './exit.ts';

export const readJsonFile = (path: string, what = 'config'): unknown => {
  let text: string;
  try { text = readFileSync(path, 'utf8'); }
  catch (e) { throw new UsageError(`cannot read ${what} file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`); }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a byte-order mark some editors write
  const depth = jsonDepth(text);
  if (depth > MAX_JSON_DEPTH) throw new UsageError(`${what} file ${path}: nested ${depth} levels deep; expected at most ${MAX_JSON_DEPTH} (egan's files nest a few levels)`);
  try { return JSON.parse(text); }
  catch (e) { throw new UsageError(`${what} file ${path} is not valid JSON: ${(e as Error).message}`); }
};

/** Deepest nesting of arrays/objects, outside strings (so that a pathological file fails in one line, not deep inside). */
export const MAX_JSON_DEPTH = 64;
const jsonDepth = (text: string): number => {
  let depth = 0, max = 0, inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) { if (c === 92) i++; else if (c === 34) inString = false; continue; }
    if (c === 34) inString = true;
    else if (c === 91 || c === 123) { if (++depth > max) max = depth; }
    else if (c === 93 || c === 125) depth--;
  }
  return max;
};

/**
 * A config file, validated; relative data-file paths in it are relative to the config file's folder. With
 * `resources` (the default) a config that would need over half of this machine's memory is refused here, in
 * one line naming the part that dominates (checkResources), before anything is allocated.
 */
export const loadConfig = (path: string, opts: { resources?: boolean } = {}): Config => {
  const r = parseConfig(resolveDataPaths(readJsonFile(path), dirname(resolve(path))));
  if (E.isLeft(r)) throw new UsageError(`${path}: ${formatConfigError(r.left)}`);
  if (opts.resources !== false) {
    const res = checkResources(r.right);
    if (E.isLeft(res)) throw new UsageError(`${path}: ${res.left.message}`);
  }
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

/** Whether a process with this pid runs (a lock or partial folder it left is stale when it does not). */
export const processAlive = (pid: number): boolean => {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
};

/**
 * --workers: an integer >= 1, capped at the machine's cores with a warning (more workers than cores only share
 * the same cores, and each holds a model in memory).
 */
export const parseWorkers = (s: string | undefined, cores = availableParallelism()): number => {
  if (s === undefined) return cores;
  const k = parseInteger('--workers', s, 1);
  if (k <= cores) return k;
  process.stderr.write(`egan: --workers ${k}: this machine has ${cores} core(s); using ${cores} (more workers would only share them)\n`);
  return cores;
};

export const parseInteger = (name: string, s: string, min = 1, max = Number.MAX_SAFE_INTEGER): number => {
  const v = Number(s);
  if (!Number.isInteger(v) || v < min || v > max) throw new UsageError(`${name}: got ${JSON.stringify(s)}; expected an integer >= ${min}${max < Number.MAX_SAFE_INTEGER ? ` and <= ${max}` : ''}`);
  return v;
};

const REASONS: Record<string, string> = {
  EACCES: 'no permission to write there', EPERM: 'no permission to write there', EROFS: 'a read-only file system',
  ENOTDIR: 'a file stands where a folder is needed', ENOENT: 'folders cannot be created there (a virtual file system?)',
  ENOSPC: 'no space left on the device', EEXIST: 'a file stands where a folder is needed',
};

/**
 * Make sure `dir` is a folder egan can write into, before any work starts: create it one level at a time (a
 * recursive mkdir can spin forever on virtual file systems such as /proc), refuse a file standing in the way,
 * and write and remove a probe file. A problem is a UsageError naming the option and the path (exit 2).
 */
export const prepareOutDir = (dir: string, option = '--out'): string => {
  const abs = resolve(dir);
  const fail = (why: string, at = abs): never => { throw new UsageError(`${option} ${dir}: ${at === abs ? '' : `${at}: `}${why}; expected a folder egan can create and write into`); };
  const missing: string[] = [];
  let p = abs;
  while (!existsSync(p)) { missing.unshift(p); const up = dirname(p); if (up === p) break; p = up; }
  if (existsSync(p) && !statSync(p).isDirectory()) fail('a file, not a folder', p);
  for (const m of missing) {
    try { mkdirSync(m); } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      // Another process (a second sweep into the same folder) may have made it between the check above and here.
      if (code === 'EEXIST' && statSync(m).isDirectory()) continue;
      fail(REASONS[code] ?? (e as Error).message, m);
    }
  }
  const probe = join(abs, `.egan-write-test-${process.pid}`);
  try { writeFileSync(probe, ''); rmSync(probe); } catch (e) { fail(REASONS[(e as NodeJS.ErrnoException).code ?? ''] ?? (e as Error).message); }
  return abs;
};

/** The same for an output file: its folder must be writable and the path must not be a folder. */
export const prepareOutFile = (file: string, option = '--out'): string => {
  const abs = resolve(file);
  if (existsSync(abs) && statSync(abs).isDirectory()) throw new UsageError(`${option} ${file}: a folder; expected a file path`);
  prepareOutDir(dirname(abs), option);
  return abs;
};
