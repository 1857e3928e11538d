/**
 * The public API below the report: every layer's deliberate export list. src/index.ts re-exports it and adds
 * the report; the report's own modules import from here (not from index.ts, which would be a cycle).
 */
export * from './ode/index.ts';
export * from './model/index.ts';
export * from './analysis/index.ts';
export * from './experiments/index.ts';
export * from './plot/index.ts';
export { formatError, type EganError } from './errors.ts';
