/** What each analysis script produces for the report. */
export interface Table {
    readonly header: string[];
    readonly rows: (number | string | null)[][];
}
export interface FigureResult {
    readonly id: string;
    readonly title: string;
    /** HTML-safe caption text (parameters, and measured deviations from closed forms). */
    readonly caption: string;
    readonly svgs: string[];
    /** Data behind the figure, written as CSV and JSON. */
    readonly tables: Record<string, Table>;
    /** Numbers quoted in the caption, checked against the tables by the tests. */
    readonly quoted: Record<string, number>;
    /** Configs used (written to out/configs). */
    readonly configs: Record<string, unknown>;
}
export interface FigureOptions {
    readonly quick: boolean;
    readonly full: boolean;
    readonly workers: number;
    readonly log: (msg: string) => void;
    readonly signal: {
        aborted: boolean;
    };
}
export declare const fmt: (x: number, digits?: number) => string;
//# sourceMappingURL=figure.d.ts.map