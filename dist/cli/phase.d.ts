export declare const phaseCommand: (dir: string, opts: {
    out?: string;
}) => Promise<number>;
//# sourceMappingURL=phase.d.ts.map