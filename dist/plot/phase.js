const TITLES = {
    covered: { legend: 'modes covered / K', scheme: 'viridis' },
    score: { legend: 'collapse score', scheme: 'reds' },
};
/** The sorted distinct values of one numeric coordinate, as the strings used for ordinal axes. */
const levels = (cells, f) => [...new Set(cells.map((c) => c[f]))].sort((a, b) => a - b).map(String);
export const phaseDiagramSpec = (cells, field, title) => {
    const g2s = levels(cells, 'g2');
    const etaDs = levels(cells, 'etaD').reverse();
    const data = cells.map((c) => ({ activation: c.activation, g2: String(c.g2), etaD: String(c.etaD), status: c.status, covered: c.covered, score: c.score }));
    const x = { field: 'g2', type: 'ordinal', title: 'g2/g1', sort: g2s };
    const y = { field: 'etaD', type: 'ordinal', title: 'etaD/etaG', sort: etaDs };
    return {
        $schema: 'https://vega.github.io/schema/vega-lite/v5.json', title, data: { values: data },
        facet: { column: { field: 'activation', type: 'nominal', title: null } },
        spec: {
            width: Math.max(120, 25 * g2s.length), height: 20 * etaDs.length + 20,
            layer: [
                { mark: 'rect', encoding: { x, y, color: { field, type: 'quantitative', scale: { domain: [0, 1], scheme: TITLES[field].scheme }, title: TITLES[field].legend } } },
                { mark: { type: 'text', fontSize: 9 }, encoding: {
                        x, y, text: { condition: { test: "datum.status !== 'success'", value: 'fail' }, field, type: 'quantitative', format: '.2f' },
                    } },
            ],
        },
    };
};
//# sourceMappingURL=phase.js.map