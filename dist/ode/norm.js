/**
 * The weighted RMS error norm of Hairer–Nørsett–Wanner (II.4.11):
 * ||e|| = sqrt( (1/n) sum_i (e_i / sc_i)^2 ),  sc_i = atol_i + rtol max(|u_i|, |v_i|).
 * A NaN or infinite component makes the norm +Infinity so that the step is
 * rejected rather than accepted with a NaN.
 */
export const errorNorm = (err, u, v, rtol, atol) => {
    const n = err.length;
    let s = 0;
    for (let i = 0; i < n; i++) {
        const ui = u[i] < 0 ? -u[i] : u[i];
        const vi = v[i] < 0 ? -v[i] : v[i];
        const sc = atol[i] + rtol * (ui > vi ? ui : vi);
        const r = err[i] / sc;
        s += r * r;
    }
    const e = Math.sqrt(s / n);
    return e === e ? e : Infinity;
};
/** Index of the first non-finite entry, or -1. */
export const firstNonFinite = (u) => {
    for (let i = 0; i < u.length; i++) {
        const x = u[i];
        if (x !== x || x === Infinity || x === -Infinity)
            return i;
    }
    return -1;
};
/** Expand a scalar or per-component absolute tolerance to a vector of length n. */
export const expandTolerance = (atol, n) => {
    const out = new Float64Array(n);
    if (typeof atol === 'number')
        out.fill(atol);
    else
        for (let i = 0; i < n; i++)
            out[i] = atol[i];
    return out;
};
//# sourceMappingURL=norm.js.map