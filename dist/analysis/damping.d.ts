/**
 * The damping table of a spectrum (SPEC §4; as MATLAB / python-control
 * `damp`, with defined edge cases): for a mode s = sigma + i omega,
 * omega_n = |s|, zeta = -sigma / |s|, tau = -1 / sigma. A stable real pole
 * has zeta = 1, an unstable one zeta = -1. A zero mode (|s| <= zeroTol times
 * the spectrum's largest |s|) is flagged with kind "zero" and gets
 * zeta = tau = null: never a division by ~0, never NaN. A pure imaginary
 * mode (sigma = 0) has zeta 0 and tau null. Rows are sorted by omega_n,
 * ties by sigma, and a conjugate pair is kept together (positive imaginary
 * part first).
 */
export interface DampingRow {
    readonly re: number;
    readonly im: number;
    readonly omegaN: number;
    readonly zeta: number | null;
    readonly tau: number | null;
    readonly kind: 'zero' | 'mode';
}
export declare const DEFAULT_ZERO_TOL = 1e-7;
export declare const dampingTable: (re: ArrayLike<number>, im: ArrayLike<number>, zeroTol?: number) => DampingRow[];
/** Spectral abscissa over the non-zero modes: the largest real part (-alpha is the slowest decay rate). */
export declare const spectralAbscissa: (rows: readonly DampingRow[]) => number;
//# sourceMappingURL=damping.d.ts.map