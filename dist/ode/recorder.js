import { locateCrossings } from "./events.js";
/** The save times of a SaveAt spec on [t0, t1] (undefined for `steps`). */
export const saveTimes = (saveAt, t0, t1) => {
    if (!saveAt)
        return [t0, t1];
    if ('steps' in saveAt)
        return undefined;
    if ('n' in saveAt) {
        const n = Math.max(2, Math.floor(saveAt.n));
        const out = [];
        for (let k = 0; k < n; k++)
            out.push(k === n - 1 ? t1 : t0 + ((t1 - t0) * k) / (n - 1));
        return out;
    }
    const dir = t1 >= t0 ? 1 : -1;
    return [...saveAt.times].sort((a, b) => dir * (a - b));
};
export const makeRecorder = (n, t0, t1, u0, saveAt, events, dense) => {
    const dir = t1 >= t0 ? 1 : -1;
    const times = saveTimes(saveAt, t0, t1);
    const ts = [];
    const us = [];
    const hits = [];
    const segments = [];
    let next = 0;
    const scratch = new Float64Array(n);
    const gPrev = events.map((e) => e.g(t0, u0));
    if (times === undefined) {
        ts.push(t0);
        us.push(u0.slice());
    }
    else
        while (next < times.length && dir * (times[next] - t0) <= 0) {
            if (times[next] === t0) {
                ts.push(t0);
                us.push(u0.slice());
            }
            next++;
        }
    const saveUpTo = (view, tStop, uStop) => {
        if (times === undefined) {
            ts.push(tStop);
            us.push((uStop ?? view.uB).slice());
            return;
        }
        while (next < times.length && dir * (times[next] - tStop) <= 0) {
            const t = times[next];
            const u = new Float64Array(n);
            if (t === view.tB)
                u.set(view.uB);
            else
                view.interpolate(t, u);
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
        step(view) {
            if (dense && view.segment)
                segments.push(view.segment());
            let terminal;
            if (events.length > 0) {
                const found = [];
                for (let k = 0; k < events.length; k++) {
                    const spec = events[k];
                    const gAt = (t) => { view.interpolate(t, scratch); return spec.g(t, scratch); };
                    const gEnd = spec.g(view.tB, view.uB);
                    found.push(...locateCrossings(k, spec, view.tA, view.tB, gPrev[k], gEnd, gAt));
                    gPrev[k] = gEnd;
                }
                found.sort((a, b) => dir * (a.t - b.t));
                for (const c of found) {
                    const u = new Float64Array(n);
                    view.interpolate(c.t, u);
                    hits.push({ index: c.index, name: events[c.index].name, t: c.t, u, direction: c.direction });
                    if (events[c.index].terminal) {
                        terminal = c;
                        break;
                    }
                }
            }
            if (terminal) {
                const u = new Float64Array(n);
                view.interpolate(terminal.t, u);
                saveUpTo(view, terminal.t, u);
                if (times !== undefined && ts[ts.length - 1] !== terminal.t) {
                    ts.push(terminal.t);
                    us.push(u.slice());
                }
                return { t: terminal.t, u };
            }
            saveUpTo(view, view.tB);
            return undefined;
        },
    };
};
/** A dense interpolant over stored segments (binary search by time). */
export const denseInterpolant = (segments, t0, u0) => {
    const n = u0.length;
    return (t, out) => {
        const o = out ?? new Float64Array(n);
        if (segments.length === 0 || t === t0) {
            o.set(u0);
            return o;
        }
        const dir = segments[0].tB >= segments[0].tA ? 1 : -1;
        let lo = 0, hi = segments.length - 1;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (dir * (segments[mid].tB - t) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        segments[lo].eval(t, o);
        return o;
    };
};
//# sourceMappingURL=recorder.js.map