/**
 * Hairer's stiffness monitor (dopri5.f, "IASTI/NONSTI" logic): a step whose
 * stiffness ratio h |lambda| exceeds the stability boundary counts as a
 * stiff step; 15 stiff steps (`needed`) without 6 consecutive non-stiff ones
 * in between declare the problem stiff.
 */
export interface StiffnessMonitor {
    stiff: number;
    nonStiff: number;
    /** Stiff steps needed to declare stiffness (Hairer's 15; method "auto" raises it after an uneconomic switch). */
    needed: number;
}
export declare const makeStiffnessMonitor: () => StiffnessMonitor;
/** Feed one accepted step's ratio; returns true when the problem has just been declared stiff. */
export declare const observeStiffness: (m: StiffnessMonitor, ratio: number, boundary: number) => boolean;
//# sourceMappingURL=stiffness.d.ts.map