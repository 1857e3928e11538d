import { targetDim } from "./config.js";
import { makeRng } from "./random.js";
const fill = (d, v) => Float64Array.from({ length: d }, (_, i) => (Array.isArray(v) ? v[i] : v));
export const buildTarget = (cfg, seed) => {
    const d = targetDim(cfg);
    const rng = makeRng(seed, 'target');
    if (cfg.kind === 'points') {
        const M = cfg.points.length;
        const points = Float64Array.from(cfg.points.flat());
        const w = cfg.weights ?? cfg.points.map(() => 1);
        const sw = w.reduce((a, b) => a + b, 0);
        let minDist = Infinity;
        for (let a = 0; a < M; a++)
            for (let b = 0; b < a; b++) {
                let s = 0;
                for (let k = 0; k < d; k++)
                    s += (points[a * d + k] - points[b * d + k]) ** 2;
                minDist = Math.min(minDist, Math.sqrt(s));
            }
        return { kind: 'points', d, M, points, weights: Float64Array.from(w, (x) => x / sw), centres: points.slice(), K: M, modeStd: Number.isFinite(minDist) && minDist > 0 ? minDist / 6 : 1 / 6 };
    }
    let centres;
    let K;
    let std;
    if (cfg.kind === 'ring') {
        K = cfg.modes;
        centres = new Float64Array(K * d);
        for (let k = 0; k < K; k++) {
            const a = (2 * Math.PI * k) / K;
            centres[k * d] = cfg.radius * Math.cos(a);
            centres[k * d + 1] = cfg.radius * Math.sin(a);
        }
        std = cfg.std;
    }
    else if (cfg.kind === 'grid') {
        K = cfg.side * cfg.side;
        centres = new Float64Array(K * d);
        const off = ((cfg.side - 1) * cfg.spacing) / 2;
        for (let a = 0; a < cfg.side; a++)
            for (let b = 0; b < cfg.side; b++) {
                const k = a * cfg.side + b;
                centres[k * d] = a * cfg.spacing - off;
                centres[k * d + 1] = b * cfg.spacing - off;
            }
        std = cfg.std;
    }
    else {
        K = 1;
        centres = fill(d, cfg.mean);
        std = cfg.std;
    }
    const M = cfg.samples;
    const points = new Float64Array(M * d);
    for (let m = 0; m < M; m++) {
        const k = m % K;
        for (let i = 0; i < d; i++)
            points[m * d + i] = centres[k * d + i] + std * rng.normal();
    }
    return { kind: cfg.kind, d, M, points, weights: new Float64Array(M).fill(1 / M), centres, K, modeStd: std };
};
//# sourceMappingURL=targets.js.map