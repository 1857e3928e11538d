let libs;
export const renderSvg = async (spec) => {
    const [vl, vega] = await (libs ??= Promise.all([import('vega-lite'), import('vega')]));
    const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' });
    const svg = await view.toSVG();
    view.finalize();
    return svg;
};
/** A layered line/point chart: one series per `series` value, optional log axes and reference rules. */
export const lineChart = (o) => ({
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: o.title,
    width: o.width ?? 360,
    height: o.height ?? 240,
    layer: [
        {
            data: { values: o.data },
            mark: { type: 'line', point: o.points ?? false, clip: true },
            encoding: {
                x: { field: o.x, type: 'quantitative', title: o.xTitle ?? o.x, scale: o.logX ? { type: 'log' } : { zero: false } },
                y: { field: o.y, type: 'quantitative', title: o.yTitle ?? o.y, scale: o.logY ? { type: 'log' } : { zero: false } },
                ...(o.series ? { color: { field: o.series, type: 'nominal', title: null } } : {}),
                ...(o.series && o.dashed ? { strokeDash: { field: o.series, type: 'nominal', legend: null, scale: { domain: Array.from(new Set(o.data.map((r) => String(r[o.series])))), range: Array.from(new Set(o.data.map((r) => String(r[o.series])))).map((s) => (o.dashed.includes(s) ? [5, 3] : [1, 0])) } } } : {}),
            },
        },
        ...(o.rulesX ?? []).map((r) => ({
            data: { values: [r] },
            mark: { type: 'rule', color: '#888', strokeDash: [2, 2] },
            encoding: { x: { field: 'value', type: 'quantitative' } },
        })),
        ...(o.rulesX ?? []).map((r) => ({
            data: { values: [r] },
            mark: { type: 'text', align: 'left', dx: 3, dy: -4, color: '#555', fontSize: 10 },
            encoding: { x: { field: 'value', type: 'quantitative' }, y: { value: 8 }, text: { field: 'label', type: 'nominal' } },
        })),
    ],
});
//# sourceMappingURL=svg.js.map