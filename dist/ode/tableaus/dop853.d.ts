/**
 * DOP853: the explicit Runge–Kutta method of order 8 with embedded error
 * estimators of orders 5 and 3 and a 7th-order dense output, by Dormand and
 * Prince as implemented by E. Hairer and G. Wanner (dop853.f).
 *
 * Source: E. Hairer, S. P. Nørsett, G. Wanner, "Solving Ordinary Differential
 * Equations I: Nonstiff Problems", 2nd ed., Springer 1993, §II.10, and the
 * coefficients of dop853.f (Hairer's site). The decimal values below are those
 * coefficients rounded to IEEE doubles.
 *
 * Layout: stages 0..11 advance the step, stage 12 is f(t + h, y_new) (FSAL),
 * stages 13..15 exist only for the dense output.
 */
export declare const DOP853_STAGES = 12;
export declare const DOP853_STAGES_EXTENDED = 16;
export declare const DOP853_C: readonly number[];
/** Row s holds a[s][0..s-1]. */
export declare const DOP853_A: readonly (readonly number[])[];
export declare const DOP853_B: readonly number[];
/** Error weights of the 5th-order estimator (13 entries: stages 0..12). */
export declare const DOP853_E5: readonly number[];
/** Error weights of the 3rd-order estimator (13 entries). */
export declare const DOP853_E3: readonly number[];
/** Dense-output weights: row r gives F[3 + r] = h * sum_s D[r][s] K_s. */
export declare const DOP853_D: readonly (readonly number[])[];
//# sourceMappingURL=dop853.d.ts.map