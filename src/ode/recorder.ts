/**
 * What a solve keeps from its accepted steps: the saveAt points, the event
 * crossings and, on request, the dense interpolant. Shared by the native
 * integration loop and the odex adapter, so every method saves and locates
 * events identically.
 */
import type { EventSpec, SaveAt } from './options.ts';
import type { DenseSegment } from './stepper.ts';
import type { EventHit } from './solution.ts';
import { locateCrossings, type Crossing } from './events.ts';
import type { RecorderState } from './checkpoint.ts';

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
  step(view: StepView): { t: number; u: Float64Array } | undefined;
  /** A copy of what it has kept so far, for a checkpoint (checkpoint.ts). */
  snapshot(): RecorderState;
}

/** The save times of a SaveAt spec on [t0, t1] (undefined for `steps`). */
export const saveTimes = (saveAt: SaveAt | undefined, t0: number, t1: number): number[] | undefined => {
  if (!saveAt) return [t0, t1];
  if ('steps' in saveAt) return undefined;
  if ('n' in saveAt) {
    const n = Math.max(2, Math.floor(saveAt.n));
    const out: number[] = [];
    for (let k = 0; k < n; k++) out.push(k === n - 1 ? t1 : t0 + ((t1 - t0) * k) / (n - 1));
    return out;
  }
  const dir = t1 >= t0 ? 1 : -1;
  return [...saveAt.times].sort((a, b) => dir * (a - b));
};

export const makeRecorder = (
  n: number,
  t0: number,
  t1: number,
  u0: Float64Array,
  saveAt: SaveAt | undefined,
  events: readonly EventSpec[],
  dense: boolean,
  /** Go on from a checkpoint's recorder state instead of starting at (t0, u0). */
  from?: RecorderState,
): Recorder => {
  const dir = t1 >= t0 ? 1 : -1;
  const times = saveTimes(saveAt, t0, t1);
  const ts: number[] = [];
  const us: Float64Array[] = [];
  const hits: EventHit[] = [];
  const segments: DenseSegment[] = [];
  let next = 0;
  const scratch = new Float64Array(n);
  const gPrev = from ? from.gPrev.slice() : events.map((e) => e.g(t0, u0));

  if (from) {
    for (let k = 0; k < from.t.length; k++) { ts.push(from.t[k]); us.push(from.u[k]); }
    for (const e of from.events) hits.push(e);
    next = from.next;
  }
  else if (times === undefined) { ts.push(t0); us.push(u0.slice()); }
  else while (next < times.length && dir * (times[next] - t0) <= 0) {
    if (times[next] === t0) { ts.push(t0); us.push(u0.slice()); }
    next++;
  }

  const saveUpTo = (view: StepView, tStop: number, uStop?: Float64Array) => {
    if (times === undefined) {
      ts.push(tStop);
      us.push((uStop ?? view.uB).slice());
      return;
    }
    while (next < times.length && dir * (times[next] - tStop) <= 0) {
      const t = times[next];
      const u = new Float64Array(n);
      if (t === view.tB) u.set(view.uB);
      else view.interpolate(t, u);
      ts.push(t);
      us.push(u);
      next++;
    }
  };

  return {
    t: ts,
    u: us,
    events: hits,
    segments,
    snapshot: () => ({ t: ts.slice(), u: us.map((x) => x.slice()), events: hits.map((e) => ({ ...e, u: e.u.slice() })), gPrev: gPrev.slice(), next }),
    step(view) {
      if (dense && view.segment) segments.push(view.segment());
      let terminal: Crossing | undefined;
      if (events.length > 0) {
        const found: Crossing[] = [];
        for (let k = 0; k < events.length; k++) {
          const spec = events[k];
          const gAt = (t: number) => { view.interpolate(t, scratch); return spec.g(t, scratch); };
          const gEnd = spec.g(view.tB, view.uB);
          found.push(...locateCrossings(k, spec, view.tA, view.tB, gPrev[k], gEnd, gAt));
          gPrev[k] = gEnd;
        }
        found.sort((a, b) => dir * (a.t - b.t));
        for (const c of found) {
          const u = new Float64Array(n);
          view.interpolate(c.t, u);
          hits.push({ index: c.index, name: events[c.index].name, t: c.t, u, direction: c.direction });
          if (events[c.index].terminal) { terminal = c; break; }
        }
      }
      if (terminal) {
        const u = new Float64Array(n);
        view.interpolate(terminal.t, u);
        saveUpTo(view, terminal.t, u);
        if (times !== undefined && ts[ts.length - 1] !== terminal.t) { ts.push(terminal.t); us.push(u.slice()); }
        return { t: terminal.t, u };
      }
      saveUpTo(view, view.tB);
      return undefined;
    },
  };
};

/** A dense interpolant over stored segments (binary search by time). */
export const denseInterpolant = (segments: readonly DenseSegment[], t0: number, u0: Float64Array) => {
  const n = u0.length;
  return (t: number, out?: Float64Array): Float64Array => {
    const o = out ?? new Float64Array(n);
    if (segments.length === 0 || t === t0) { o.set(u0); return o; }
    const dir = segments[0].tB >= segments[0].tA ? 1 : -1;
    let lo = 0, hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dir * (segments[mid].tB - t) < 0) lo = mid + 1; else hi = mid;
    }
    segments[lo].eval(t, o);
    return o;
  };
};
