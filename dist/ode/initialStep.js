export const initialStep = (rhs, t0, u0, f0, direction, order, rtol, atol, hmax, work, work2) => {
    const n = u0.length;
    let d0 = 0;
    let d1 = 0;
    for (let i = 0; i < n; i++) {
        const sc = atol[i] + rtol * Math.abs(u0[i]);
        d0 += (u0[i] / sc) ** 2;
        d1 += (f0[i] / sc) ** 2;
    }
    d0 = Math.sqrt(d0 / n);
    d1 = Math.sqrt(d1 / n);
    let h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * (d0 / d1);
    h0 = Math.min(h0, hmax);
    for (let i = 0; i < n; i++)
        work[i] = u0[i] + direction * h0 * f0[i];
    rhs(t0 + direction * h0, work, work2);
    let d2 = 0;
    for (let i = 0; i < n; i++) {
        const sc = atol[i] + rtol * Math.abs(u0[i]);
        d2 += ((work2[i] - f0[i]) / sc) ** 2;
    }
    d2 = Math.sqrt(d2 / n) / h0;
    const dmax = Math.max(d1, d2);
    const h1 = dmax <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : (0.01 / dmax) ** (1 / (order + 1));
    const h = Math.min(100 * h0, h1, hmax);
    return Number.isFinite(h) && h > 0 ? h : Math.min(1e-6, hmax);
};
//# sourceMappingURL=initialStep.js.map