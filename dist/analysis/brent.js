/**
 * Brent's minimizer (golden section with parabolic interpolation; R. P.
 * Brent, "Algorithms for Minimization without Derivatives", 1973, ch. 5,
 * procedure localmin). Returns the minimizer, its value and the final
 * bracket half-width as the uncertainty.
 */
const C = 0.3819660112501051;
export const brentMinimize = (f, a, b, relTol = 1e-10, maxIter = 200) => {
    let x = a + C * (b - a), w = x, v = x;
    let fx = f(x), fw = fx, fv = fx;
    let d = 0, e = 0;
    for (let it = 0; it < maxIter; it++) {
        const m = 0.5 * (a + b);
        const tol = relTol * Math.abs(x) + 1e-300;
        const t2 = 2 * tol;
        if (Math.abs(x - m) <= t2 - 0.5 * (b - a))
            break;
        let p = 0, q = 0, r = 0;
        if (Math.abs(e) > tol) {
            r = (x - w) * (fx - fv);
            q = (x - v) * (fx - fw);
            p = (x - v) * q - (x - w) * r;
            q = 2 * (q - r);
            if (q > 0)
                p = -p;
            else
                q = -q;
            r = e;
            e = d;
        }
        if (Math.abs(p) < Math.abs(0.5 * q * r) && p > q * (a - x) && p < q * (b - x)) {
            d = p / q;
            const u = x + d;
            if (u - a < t2 || b - u < t2)
                d = x < m ? tol : -tol;
        }
        else {
            e = (x < m ? b : a) - x;
            d = C * e;
        }
        const u = x + (Math.abs(d) >= tol ? d : d > 0 ? tol : -tol);
        const fu = f(u);
        if (fu <= fx) {
            if (u < x)
                b = x;
            else
                a = x;
            v = w;
            fv = fw;
            w = x;
            fw = fx;
            x = u;
            fx = fu;
        }
        else {
            if (u < x)
                a = u;
            else
                b = u;
            if (fu <= fw || w === x) {
                v = w;
                fv = fw;
                w = u;
                fw = fu;
            }
            else if (fu <= fv || v === x || v === w) {
                v = u;
                fv = fu;
            }
        }
    }
    return { x, fx, uncertainty: 0.5 * (b - a) };
};
/** Points from lo to hi: log-spaced when 0 < lo and hi / lo > 10, else linear. */
export const scanGrid = (lo, hi, n) => {
    const log = lo > 0 && hi / lo > 10;
    return Array.from({ length: n }, (_, k) => {
        const s = n === 1 ? 0 : k / (n - 1);
        return log ? Math.exp(Math.log(lo) + s * (Math.log(hi) - Math.log(lo))) : lo + s * (hi - lo);
    });
};
//# sourceMappingURL=brent.js.map