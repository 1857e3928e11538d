export interface Rng {
    /** Uniform in [0, 1). */
    uniform(): number;
    /** Standard normal. */
    normal(): number;
}
/** 32-bit FNV-1a hash of a string, for deriving stream seeds from tags. */
export declare const hashString: (s: string) => number;
/** A random stream for (seed, tag): e.g. makeRng(config.seed, 'target'). */
export declare const makeRng: (seed: number, tag?: string) => Rng;
//# sourceMappingURL=random.d.ts.map