/** Initial generator particles x_i (SPEC §1): Gaussian around a mean, or explicit points. */
import type { Config } from './config.js';
export declare const initialParticles: (cfg: Config["particles"], d: number, seed: number) => Float64Array;
//# sourceMappingURL=particles.d.ts.map