export declare const reportCommand: (opts: {
    out?: string;
    quick?: boolean;
    full?: boolean;
    workers?: string;
}) => Promise<number>;
//# sourceMappingURL=report.d.ts.map