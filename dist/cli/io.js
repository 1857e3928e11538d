/**
 * CLI input/output: loading and validating JSON configs (bad input is a
 * `UsageError`, exit code 2, one line), atomic file writes (temp file +
 * rename, so a crash never leaves a truncated file), CSV.
 */
import { readFileSync } from 'node:fs';
import { writeAtomic } from "../experiments/files.js";
export { writeAtomic, toCsv } from "../experiments/files.js";
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { parseConfig, formatConfigError } from "../model/config.js";
import { UsageError } from "./exit.js";
export { EXIT, UsageError } from "./exit.js";
export const readJsonFile = (path, what = 'config') => {
    let text;
    try {
        text = readFileSync(path, 'utf8');
    }
    catch (e) {
        throw new UsageError(`cannot read ${what} file ${path}: ${e.code ?? e.message}`);
    }
    try {
        return JSON.parse(text);
    }
    catch (e) {
        throw new UsageError(`${what} file ${path} is not valid JSON: ${e.message}`);
    }
};
export const loadConfig = (path) => {
    const r = parseConfig(readJsonFile(path));
    if (E.isLeft(r))
        throw new UsageError(`${path}: ${formatConfigError(r.left)}`);
    return r.right;
};
export const writeJson = (dir, name, value) => {
    const p = join(dir, name);
    writeAtomic(p, JSON.stringify(value, null, 2) + '\n');
    return p;
};
export const parseNumber = (name, s) => {
    const v = Number(s);
    if (!Number.isFinite(v))
        throw new UsageError(`${name}: got ${JSON.stringify(s)}; expected a finite number`);
    return v;
};
export const parseInteger = (name, s, min = 1) => {
    const v = Number(s);
    if (!Number.isInteger(v) || v < min)
        throw new UsageError(`${name}: got ${JSON.stringify(s)}; expected an integer >= ${min}`);
    return v;
};
//# sourceMappingURL=io.js.map