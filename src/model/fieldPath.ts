/**
 * Setting one config field by its path ("regularizer.lambda", "kernel.g2",
 * "etaD", "critic.hidden.0", ...) and re-validating, so that a parameter
 * scan can never produce an invalid config silently.
 */
import * as E from 'fp-ts/lib/Either.js';
import { parseConfig, type Config, type ConfigError } from './config.ts';

export const getField = (config: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), config);

export const setField = (config: Config, path: string, value: unknown): E.Either<ConfigError, Config> => {
  const copy = JSON.parse(JSON.stringify(config)) as Record<string, unknown>;
  const keys = path.split('.');
  let o: Record<string, unknown> = copy;
  for (let i = 0; i < keys.length - 1; i++) {
    const next = o[keys[i]];
    if (next === null || typeof next !== 'object') return E.left({ _tag: 'ConfigError', path, value, expected: `a field path into the config (no object at "${keys.slice(0, i + 1).join('.')}")` });
    o = next as Record<string, unknown>;
  }
  // An optional field may be absent from a resolved config: it is added, and validation decides.
  o[keys[keys.length - 1]] = value;
  return parseConfig(copy);
};
