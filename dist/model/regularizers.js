const norm2 = (g, go, d) => { let s = 0; for (let k = 0; k < d; k++)
    s += g[go + k] * g[go + k]; return s; };
const grad2 = (kind) => ({
    kind,
    onFake: kind === 'grad2-fake',
    value: norm2,
    direction(g, go, d, scale, v, vo) { for (let k = 0; k < d; k++)
        v[vo + k] = 2 * scale * g[go + k]; },
});
const gpFake = {
    kind: 'gp-fake',
    onFake: true,
    value: (g, go, d) => (Math.sqrt(norm2(g, go, d)) - 1) ** 2,
    direction(g, go, d, scale, v, vo) {
        const n = Math.sqrt(norm2(g, go, d));
        const f = n > 0 ? (2 * scale * (n - 1)) / n : 0;
        for (let k = 0; k < d; k++)
            v[vo + k] = f * g[go + k];
    },
};
export const regularizerOf = (kind) => (kind === 'gp-fake' ? gpFake : grad2(kind));
//# sourceMappingURL=regularizers.js.map