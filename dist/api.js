/**
 * The public API below the report: every layer's deliberate export list. src/index.ts re-exports it and adds
 * the report; the report's own modules import from here (not from index.ts, which would be a cycle).
 */
export * from "./ode/index.js";
export * from "./model/index.js";
export * from "./analysis/index.js";
export * from "./experiments/index.js";
export * from "./plot/index.js";
export { formatError } from "./errors.js";
//# sourceMappingURL=api.js.map