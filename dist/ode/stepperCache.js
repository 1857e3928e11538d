/**
 * Stepper cores compiled once per method and state size and reused by later
 * solves (a "cache" in SciML's sense: the work buffers of a method, kept).
 *
 * Why: V8 specialises a closure's optimised code to the values it captures
 * (here the stage arrays: their addresses and lengths become constants, the
 * bounds checks go) only while a single closure of the function exists. The
 * second stepper a process made got generic code: dopri5 at n = 257 took
 * 24-31 us per step against 5-8 us for the first (measured with several
 * steppers alive; arrays passed as arguments instead: 17-23 us). So a core
 * is a fresh copy of a self-contained factory (specialise.ts: its own
 * closures, so its own specialised code) holding the stage arrays for one n;
 * `bind` points it at a solve's right-hand side and tolerances, and the
 * solve releases it when it ends. A new copy runs its first ~50 steps
 * unoptimised (~15 ms at n = 257), once per method and size in a process;
 * every later solve of that size (the cells of a sweep, repeated runs) finds
 * it compiled and warm.
 *
 * A core in use (a solve inside another solve's callback, say) is never
 * handed out twice: the factory's own, generic copy serves the second solve
 * then (not kept). At most MAX_CORES are kept (least recently used dropped).
 *
 * @example
 * const { core, release } = acquireCore(`dopri5 ${n}`, 15 * n, dopri5Core, n, deps);
 */
import { specialise } from "./specialise.js";
/** How many cores (method and size pairs) a process keeps, and how many doubles of buffers in all (64 MB). */
export const MAX_CORES = 32;
export const MAX_CORE_DOUBLES = 2 ** 23;
const cores = new Map();
let held = 0;
/**
 * A core for `key` holding `doubles` doubles of buffers: the cached one when it is free; the first time, a
 * specialised copy of `factory` (kept, least recently used ones dropped beyond MAX_CORES or MAX_CORE_DOUBLES);
 * while the cached one is in use, or when it alone would exceed the budget (where the right-hand side
 * outweighs the stepper anyway), factory itself (generic code, not kept).
 */
export const acquireCore = (key, doubles, factory, ...args) => {
    const cached = cores.get(key);
    if (cached && !cached.busy) {
        cached.busy = true;
        cores.delete(key); // re-insert: the Map's order is the recency order
        cores.set(key, cached);
        return { core: cached.core, release: () => { cached.busy = false; } };
    }
    if (cached || doubles > MAX_CORE_DOUBLES)
        return { core: factory(...args), release: () => { } };
    const entry = { core: specialise(factory)(...args), doubles, busy: true };
    cores.set(key, entry);
    held += doubles;
    for (const [k, e] of cores) {
        if (cores.size <= MAX_CORES && held <= MAX_CORE_DOUBLES)
            break;
        if (!e.busy) {
            cores.delete(k);
            held -= e.doubles;
        }
    }
    return { core: entry.core, release: () => { entry.busy = false; } };
};
/** Cores kept and the doubles they hold (for tests). */
export const cachedCores = () => ({ cores: cores.size, doubles: held });
//# sourceMappingURL=stepperCache.js.map