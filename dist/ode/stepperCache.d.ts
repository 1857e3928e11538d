/** How many cores (method and size pairs) a process keeps, and how many doubles of buffers in all (64 MB). */
export declare const MAX_CORES = 32;
export declare const MAX_CORE_DOUBLES: number;
/**
 * A core for `key` holding `doubles` doubles of buffers: the cached one when it is free; the first time, a
 * specialised copy of `factory` (kept, least recently used ones dropped beyond MAX_CORES or MAX_CORE_DOUBLES);
 * while the cached one is in use, or when it alone would exceed the budget (where the right-hand side
 * outweighs the stepper anyway), factory itself (generic code, not kept).
 */
export declare const acquireCore: <A extends unknown[], C>(key: string, doubles: number, factory: (...args: A) => C, ...args: A) => {
    core: C;
    release: () => void;
};
/** Cores kept and the doubles they hold (for tests). */
export declare const cachedCores: () => {
    cores: number;
    doubles: number;
};
//# sourceMappingURL=stepperCache.d.ts.map