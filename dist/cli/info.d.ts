export declare const infoCommand: (opts: {
    json?: boolean;
}) => Promise<number>;
//# sourceMappingURL=info.d.ts.map