import { makeRng } from "./random.js";
export const initialParticles = (cfg, d, seed) => {
    const N = cfg.n;
    const init = cfg.init;
    if (init.kind === 'points')
        return Float64Array.from(init.points.flat());
    const rng = makeRng(seed, 'particles');
    const X = new Float64Array(N * d);
    for (let i = 0; i < N; i++)
        for (let k = 0; k < d; k++) {
            const mean = Array.isArray(init.mean) ? init.mean[k] : init.mean;
            X[i * d + k] = mean + init.std * rng.normal();
        }
    return X;
};
//# sourceMappingURL=particles.js.map