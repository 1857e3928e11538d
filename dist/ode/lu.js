/**
 * Dense LU factorisation with partial pivoting, in place on a row-major
 * Float64Array (Golub & Van Loan, Alg. 3.4.1), and the matching solve.
 * Used by the Rosenbrock stepper once per step and reused across its stages;
 * it allocates nothing.
 */
/** Factor a (n x n, row-major) in place; piv receives the row permutation. Returns false if singular. */
export const luFactor = (a, n, piv) => {
    for (let k = 0; k < n; k++) {
        let p = k;
        let max = Math.abs(a[k * n + k]);
        for (let i = k + 1; i < n; i++) {
            const v = Math.abs(a[i * n + k]);
            if (v > max) {
                max = v;
                p = i;
            }
        }
        piv[k] = p;
        if (max === 0 || !Number.isFinite(max))
            return false;
        if (p !== k) {
            const rk = k * n, rp = p * n;
            for (let j = 0; j < n; j++) {
                const t = a[rk + j];
                a[rk + j] = a[rp + j];
                a[rp + j] = t;
            }
        }
        const inv = 1 / a[k * n + k];
        const rk = k * n;
        for (let i = k + 1; i < n; i++) {
            const ri = i * n;
            const l = a[ri + k] * inv;
            a[ri + k] = l;
            if (l !== 0)
                for (let j = k + 1; j < n; j++)
                    a[ri + j] -= l * a[rk + j];
        }
    }
    return true;
};
/** Solve (LU) x = b in place in b, with the factors and pivots of `luFactor`. */
export const luSolve = (a, n, piv, b) => {
    for (let k = 0; k < n; k++) {
        const p = piv[k];
        if (p !== k) {
            const t = b[k];
            b[k] = b[p];
            b[p] = t;
        }
    }
    for (let i = 1; i < n; i++) {
        const ri = i * n;
        let s = b[i];
        for (let j = 0; j < i; j++)
            s -= a[ri + j] * b[j];
        b[i] = s;
    }
    for (let i = n - 1; i >= 0; i--) {
        const ri = i * n;
        let s = b[i];
        for (let j = i + 1; j < n; j++)
            s -= a[ri + j] * b[j];
        b[i] = s / a[ri + i];
    }
};
//# sourceMappingURL=lu.js.map