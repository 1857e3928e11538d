import type { DampingRow } from './damping.js';
/** Largest stable step of the simultaneous map from the damping table (closed form). */
export declare const simultaneousMaxStep: (rows: readonly DampingRow[]) => number;
/** The linearized alternating-update map A(h), row-major, for a state split at nX (particles first). */
export declare const alternatingMap: (J: Float64Array, n: number, nX: number, h: number) => Float64Array;
/** Spectral radius of a map, leaving out the `zeroModes` eigenvalues closest to 1. */
export declare const radiusExcludingOnes: (A: Float64Array, n: number, zeroModes: number) => number;
/**
 * Largest h in (0, hHi] with radius(h) < 1, by bisection to relative `relTol`,
 * assuming stability for small h and a single loss of stability.
 */
export declare const maxStableStep: (radius: (h: number) => number, hHi: number, relTol?: number) => number;
/** Largest stable step of the alternating map at a Jacobian. */
export declare const alternatingMaxStep: (J: Float64Array, n: number, nX: number, zeroModes: number, hHi: number, relTol?: number) => number;
/** Spectral radius of the simultaneous map I + hJ over non-zero modes, from the table. */
export declare const simultaneousRadius: (rows: readonly DampingRow[], h: number) => number;
//# sourceMappingURL=discrete.d.ts.map