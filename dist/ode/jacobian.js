export const jacobianWork = (n) => ({
    u: new Float64Array(n),
    fp: new Float64Array(n),
    fm: new Float64Array(n),
});
/** Forward differences: n evaluations of f, given f0 = f(t, u). */
export const forwardJacobian = (rhs, t, u, f0, jac, work, scale = 1) => {
    const n = u.length;
    const w = work.u;
    w.set(u);
    const s = Math.sqrt(Number.EPSILON);
    for (let j = 0; j < n; j++) {
        const uj = u[j];
        const h = s * Math.max(Math.abs(uj), typeof scale === 'number' ? scale : scale[j]);
        w[j] = uj + h;
        const hh = w[j] - uj; // exactly representable step
        rhs(t, w, work.fp);
        w[j] = uj;
        const inv = 1 / hh;
        for (let i = 0; i < n; i++)
            jac[i * n + j] = (work.fp[i] - f0[i]) * inv;
    }
};
/** Central differences: 2n evaluations of f. */
export const centralJacobian = (rhs, t, u, jac, work, scale = 1) => {
    const n = u.length;
    const w = work.u;
    w.set(u);
    const s = Math.cbrt(Number.EPSILON);
    for (let j = 0; j < n; j++) {
        const uj = u[j];
        const h = s * Math.max(Math.abs(uj), typeof scale === 'number' ? scale : scale[j]);
        w[j] = uj + h;
        const hp = w[j] - uj;
        rhs(t, w, work.fp);
        w[j] = uj - h;
        const hm = uj - w[j];
        rhs(t, w, work.fm);
        w[j] = uj;
        const inv = 1 / (hp + hm);
        for (let i = 0; i < n; i++)
            jac[i * n + j] = (work.fp[i] - work.fm[i]) * inv;
    }
};
//# sourceMappingURL=jacobian.js.map