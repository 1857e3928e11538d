/**
 * Critical damping over any scalar config parameter p (a field path such as
 * "regularizer.lambda", "etaD", "kernel.g2"; docs/model.md, critical damping):
 *  - alpha(p): the spectral abscissa over the non-zero modes at the
 *    equilibrium (or over the collective modes, for a nonlinear critic),
 *  - argminAlpha: where alpha is smallest (fastest slowest mode), by a scan
 *    on a grid (log-spaced for wide ranges) and Brent's minimizer in the best
 *    grid cell,
 *  - zetaOne: where the least-damped mode stops being complex (the
 *    least-damped complex pair turns real, zeta = 1), by bisection between
 *    grid points where that changes,
 * each with its uncertainty (the final bracket half-width).
 */
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { setField } from "../model/fieldPath.js";
import { buildModel } from "../model/model.js";
import { findEquilibrium } from "./equilibrium.js";
import { collectiveDamping, linearize } from "./linearize.js";
import { parameterError } from "./errors.js";
import { brentMinimize, scanGrid } from "./brent.js";
import { DEFAULT_ZERO_TOL } from "./damping.js";
import { lambdaCritical, omega0 } from "./closedForm.js";
/** The spectrum at the equilibrium of `base` with the field `path` set to p. */
export const spectrumAt = (base, path, p, modes = 'all', zeroTol = DEFAULT_ZERO_TOL) => {
    const at = { path, value: p };
    return pipe(setField(base, path, p), E.map(buildModel), E.chainW((model) => pipe(findEquilibrium(model), E.mapLeft((e) => ({ ...e, at })), E.chainW((eq) => pipe(linearize(model, eq.u, { zeroTol }), E.mapLeft((e) => ({ ...e, at })))), E.map((lin) => ({ model, lin })))), E.map(({ model, lin }) => {
        const e = lin.eigen;
        if (modes === 'collective') {
            const cd = collectiveDamping(lin);
            const top = lin.collective.reduce((b, k) => (e.re[k] > e.re[b] ? k : b), lin.collective[0]);
            return { p, model, lin, alpha: cd.alpha, complex: Math.abs(e.im[top]) > 1e-7 * Math.hypot(e.re[top], e.im[top]) };
        }
        let row;
        for (const r of lin.table)
            if (r.kind === 'mode' && (!row || r.re > row.re))
                row = r;
        return { p, model, lin, alpha: lin.alpha, complex: row !== undefined && Math.abs(row.im) > 1e-7 * row.omegaN };
    }));
};
/**
 * Critical damping of `base` over the field `path` on [lo, hi].
 * @example
 * criticalDamping(config, 'regularizer.lambda', 0.01, 10);   // Right({ argminAlpha, zetaOne, closedForm, ... })
 */
export const criticalDamping = (base, path, lo, hi, opts = {}) => {
    if (!(lo < hi))
        return E.left(parameterError('lo/hi', `expected lo < hi (got ${lo}, ${hi})`));
    const modes = opts.modes ?? 'all';
    const zeroTol = opts.zeroTol ?? DEFAULT_ZERO_TOL;
    const relTol = opts.relTol ?? 1e-10;
    const grid = scanGrid(lo, hi, opts.grid ?? 25);
    const at = (p) => spectrumAt(base, path, p, modes, zeroTol);
    const pts = [];
    for (const p of grid) {
        const s = at(p);
        if (E.isLeft(s))
            return E.left(s.left);
        pts.push(s.right);
    }
    let kBest = 0;
    pts.forEach((s, k) => { if (s.alpha < pts[kBest].alpha)
        kBest = k; });
    const a = grid[Math.max(0, kBest - 1)], b = grid[Math.min(grid.length - 1, kBest + 1)];
    let failure;
    const f = (p) => { const s = at(p); if (E.isLeft(s)) {
        failure = s.left;
        return Infinity;
    } return s.right.alpha; };
    const min = brentMinimize(f, a, b, relTol);
    if (failure)
        return E.left(failure);
    // zeta = 1: the first grid cell where the least-damped mode changes from complex to real.
    let zetaOne = null, zetaOneUnc = null;
    for (let k = 0; k + 1 < pts.length; k++) {
        if (pts[k].complex && !pts[k + 1].complex) {
            let x0 = grid[k], x1 = grid[k + 1];
            for (let it = 0; it < 200 && x1 - x0 > relTol * Math.abs(x1); it++) {
                const xm = 0.5 * (x0 + x1);
                const s = at(xm);
                if (E.isLeft(s))
                    return E.left(s.left);
                if (s.right.complex)
                    x0 = xm;
                else
                    x1 = xm;
            }
            zetaOne = 0.5 * (x0 + x1);
            zetaOneUnc = 0.5 * (x1 - x0);
            break;
        }
    }
    const m0 = pts[0].model;
    const linearCase = base.critic.kind === 'linear' && base.loss === 'wgan' && base.regularizer.kind === 'grad2-fake' && base.weightDecay === 0 && path === 'regularizer.lambda';
    return E.right({
        param: path, modes, argminAlpha: min.x, argminUncertainty: min.uncertainty, alphaMin: min.fx, zetaOne, zetaOneUncertainty: zetaOneUnc,
        grid: { p: grid, alpha: pts.map((s) => s.alpha) }, zeroTol,
        ...(linearCase ? { closedForm: { lambdaC: lambdaCritical({ etaG: base.etaG, etaD: base.etaD, gbar: m0.kernel.gbar }), omega0: omega0({ etaG: base.etaG, etaD: base.etaD, gbar: m0.kernel.gbar, lambda: 0 }) } } : {}),
    });
};
//# sourceMappingURL=critical.js.map