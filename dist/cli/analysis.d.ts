import { type DampingRow } from '../analysis/damping.js';
export declare const dampingText: (rows: readonly DampingRow[]) => string;
export declare const dampCommand: (file: string, opts: {
    json?: boolean;
    zeroTol?: string;
    all?: boolean;
}) => Promise<number>;
export declare const criticalCommand: (file: string, opts: {
    param: string;
    lo: string;
    hi: string;
    json?: boolean;
    modes?: string;
    zeroTol?: string;
    grid?: string;
}) => Promise<number>;
export declare const locusCommand: (file: string, opts: {
    param: string;
    from: string;
    to: string;
    steps: string;
    json?: boolean;
    zeroTol?: string;
}) => Promise<number>;
//# sourceMappingURL=analysis.d.ts.map