/** Exit codes of the CLI and the error for bad input (one line, exit 2): no dependencies, loaded at start-up. */

/** Bad input: printed as one line, exit code 2. */
export class UsageError extends Error {}

export const EXIT = { ok: 0, solveFailure: 1, badInput: 2, interrupted: 130, internal: 70 } as const;
