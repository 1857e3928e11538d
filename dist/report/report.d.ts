import type { FigureResult } from './figure.js';
export interface ReportOptions {
    readonly out: string;
    readonly quick?: boolean;
    readonly full?: boolean;
    readonly workers?: number;
    readonly log?: (msg: string) => void;
    readonly signal?: {
        aborted: boolean;
    };
}
export declare const html: (figs: readonly FigureResult[], meta: {
    mode: string;
    seconds: number;
    date: string;
}) => string;
export declare const writeReport: (o: ReportOptions) => Promise<{
    path: string;
    figures: FigureResult[];
    seconds: number;
}>;
//# sourceMappingURL=report.d.ts.map