/**
 * Seeded random numbers (pure-rand's xoroshiro128+, 53-bit uniform floats,
 * Box–Muller normals). Every random choice of egan goes through a stream
 * made here from the config's seed and a purpose tag, so that adding a new
 * random draw in one place does not shift the numbers of another.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
/** 32-bit FNV-1a hash of a string, for deriving stream seeds from tags. */
export const hashString = (s) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) {
        h ^= s.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
};
/** A random stream for (seed, tag): e.g. makeRng(config.seed, 'target'). */
export const makeRng = (seed, tag = '') => {
    const g = xoroshiro128plus((hashString(`${seed}:${tag}`) ^ (seed >>> 0)) | 0);
    let spare = NaN;
    return {
        uniform: () => uniformFloat64(g),
        normal() {
            if (spare === spare) {
                const s = spare;
                spare = NaN;
                return s;
            }
            let u = 0;
            while (u === 0)
                u = uniformFloat64(g);
            const v = uniformFloat64(g);
            const r = Math.sqrt(-2 * Math.log(u));
            spare = r * Math.sin(2 * Math.PI * v);
            return r * Math.cos(2 * Math.PI * v);
        },
    };
};
//# sourceMappingURL=random.js.map