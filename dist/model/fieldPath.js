/**
 * Setting one config field by its path ("regularizer.lambda", "kernel.g2",
 * "etaD", "critic.hidden.0", ...) and re-validating, so that a parameter
 * scan can never produce an invalid config silently.
 */
import * as E from 'fp-ts/lib/Either.js';
import { parseConfig } from "./config.js";
export const getField = (config, path) => path.split('.').reduce((o, k) => (o !== null && typeof o === 'object' ? o[k] : undefined), config);
export const setField = (config, path, value) => {
    const copy = JSON.parse(JSON.stringify(config));
    const keys = path.split('.');
    let o = copy;
    for (let i = 0; i < keys.length - 1; i++) {
        const next = o[keys[i]];
        if (next === null || typeof next !== 'object')
            return E.left({ _tag: 'ConfigError', path, value, expected: `a field path into the config (no object at "${keys.slice(0, i + 1).join('.')}")` });
        o = next;
    }
    // An optional field may be absent from a resolved config: it is added, and validation decides.
    o[keys[keys.length - 1]] = value;
    return parseConfig(copy);
};
//# sourceMappingURL=fieldPath.js.map