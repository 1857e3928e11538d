export interface Progress {
    update(value: number, payload?: Record<string, unknown>): void;
    stop(): void;
}
export declare const progressBar: (total: number, label: string) => Progress;
/** Install SIGINT/SIGTERM handlers that call `onSignal` once; returns a function removing them. */
export declare const onInterrupt: (onSignal: (sig: string) => void) => (() => void);
//# sourceMappingURL=progress.d.ts.map