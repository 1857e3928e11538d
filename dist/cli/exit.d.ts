/** Exit codes of the CLI and the error for bad input (one line, exit 2): no dependencies, loaded at start-up. */
/** Bad input: printed as one line, exit code 2. */
export declare class UsageError extends Error {
}
export declare const EXIT: {
    readonly ok: 0;
    readonly solveFailure: 1;
    readonly badInput: 2;
    readonly interrupted: 130;
    readonly internal: 70;
};
//# sourceMappingURL=exit.d.ts.map