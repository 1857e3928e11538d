export declare const writeAtomic: (path: string, data: string) => void;
/** CSV with a header row; numbers printed with full precision. */
export declare const toCsv: (header: readonly string[], rows: readonly (readonly (number | string | null)[])[]) => string;
//# sourceMappingURL=files.d.ts.map