/**
 * What a solve keeps from its accepted steps: the saveAt points, the event
 * crossings and, on request, the dense interpolant. Shared by the native
 * integration loop and the odex adapter, so every method saves and locates
 * events identically.
 */
import type { EventSpec, SaveAt } from './options.js';
import type { DenseSegment } from './stepper.js';
import type { EventHit } from './solution.js';
export interface StepView {
    readonly tA: number;
    readonly tB: number;
    readonly uB: Float64Array;
    interpolate(t: number, out: Float64Array): void;
    segment?(): DenseSegment;
}
export interface Recorder {
    readonly t: number[];
    readonly u: Float64Array[];
    readonly events: EventHit[];
    readonly segments: DenseSegment[];
    /** Handle one accepted step; returns the terminal crossing if one stops the solve. */
    step(view: StepView): {
        t: number;
        u: Float64Array;
    } | undefined;
}
/** The save times of a SaveAt spec on [t0, t1] (undefined for `steps`). */
export declare const saveTimes: (saveAt: SaveAt | undefined, t0: number, t1: number) => number[] | undefined;
export declare const makeRecorder: (n: number, t0: number, t1: number, u0: Float64Array, saveAt: SaveAt | undefined, events: readonly EventSpec[], dense: boolean) => Recorder;
/** A dense interpolant over stored segments (binary search by time). */
export declare const denseInterpolant: (segments: readonly DenseSegment[], t0: number, u0: Float64Array) => (t: number, out?: Float64Array) => Float64Array;
//# sourceMappingURL=recorder.d.ts.map