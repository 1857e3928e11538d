/**
 * Event location on the dense output of one step.
 *
 * For each event g, the step [tA, tB] is cut into `samples` pieces and g is
 * evaluated at their ends on the interpolant. A sign change between two
 * samples is refined by Brent's method (Brent 1973, "Algorithms for
 * Minimization without Derivatives", ch. 4) to near machine precision in t.
 * Between samples, an interior extremum of g that approaches zero without a
 * sign change at the samples (an excursion inside one piece) is searched by a
 * golden-section step on the side facing zero, and when it crosses, both
 * crossings are refined: SPEC §5 requires catching excursions that start and
 * end inside one step.
 */
import type { EventSpec } from './options.js';
export interface Crossing {
    readonly index: number;
    readonly t: number;
    readonly direction: 1 | -1;
}
/** Brent's root finder on [a, b] with g(a), g(b) of opposite signs (or one zero). */
export declare const brentRoot: (g: (t: number) => number, a: number, b: number, ga: number, gb: number, tol?: number) => number;
/**
 * Crossings of event `index` inside (tA, tB], in time order, given g at tA.
 * `gAt(t)` evaluates g on the step's interpolant; `gEnd` is g at tB.
 */
export declare const locateCrossings: (index: number, spec: EventSpec, tA: number, tB: number, gA: number, gEnd: number, gAt: (t: number) => number) => Crossing[];
//# sourceMappingURL=events.d.ts.map