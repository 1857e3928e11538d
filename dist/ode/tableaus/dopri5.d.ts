/**
 * Dormand–Prince 5(4) ("DOPRI5"), FSAL, with the 4th-order continuous
 * extension of Shampine.
 *
 * Source: J. R. Dormand, P. J. Prince, "A family of embedded Runge–Kutta
 * formulae", J. Comp. Appl. Math. 6 (1980) 19–26; dense output and error
 * coefficients as in E. Hairer's dopri5.f (Hairer, Nørsett, Wanner,
 * "Solving ODEs I", §II.5 and §II.6).
 */
export declare const DOPRI5: {
    readonly c2: number;
    readonly c3: number;
    readonly c4: number;
    readonly c5: number;
    readonly a21: number;
    readonly a31: number;
    readonly a32: number;
    readonly a41: number;
    readonly a42: number;
    readonly a43: number;
    readonly a51: number;
    readonly a52: number;
    readonly a53: number;
    readonly a54: number;
    readonly a61: number;
    readonly a62: number;
    readonly a63: number;
    readonly a64: number;
    readonly a65: number;
    readonly a71: number;
    readonly a73: number;
    readonly a74: number;
    readonly a75: number;
    readonly a76: number;
    /** Error weights e = b - b_hat. */
    readonly e1: number;
    readonly e3: number;
    readonly e4: number;
    readonly e5: number;
    readonly e6: number;
    readonly e7: number;
    /** Dense output weights of dopri5.f. */
    readonly d1: number;
    readonly d3: number;
    readonly d4: number;
    readonly d5: number;
    readonly d6: number;
    readonly d7: number;
};
//# sourceMappingURL=dopri5.d.ts.map