export declare const brentMinimize: (f: (x: number) => number, a: number, b: number, relTol?: number, maxIter?: number) => {
    x: number;
    fx: number;
    uncertainty: number;
};
/** Points from lo to hi: log-spaced when 0 < lo and hi / lo > 10, else linear. */
export declare const scanGrid: (lo: number, hi: number, n: number) => number[];
//# sourceMappingURL=brent.d.ts.map