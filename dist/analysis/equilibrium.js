/**
 * Equilibria of the effective-GAN flow (docs/model.md, equilibria).
 *
 * mu = 0: output weights w_out = 0 (for nsgan also b_out = 0) stop the
 * particles and every hidden-layer gradient of V; the critic then rests iff
 * the particles' last-hidden-layer feature means equal the target's,
 *   r(X) = (1/N) sum_i h(x_i) - sum_m w_m h(y_m) = 0   (H equations, N d unknowns).
 * It is solved by least-norm Gauss–Newton from the current particles:
 *   X <- X - A^T (A A^T + delta I)^{-1} r,  A = dr/dX,
 * with step halving while |r| does not decrease (A's blocks, the feature
 * Jacobians (1/N) dh/dx at each particle, by central differences). For a
 * linear critic h(x) = x and the step is a uniform shift of the particles.
 * mu > 0: every critic parameter decays to 0 at w_out = 0 (theta = 0), and
 * any X is at rest.
 * The result is checked: |rhs(u*)|_inf must be below `tol` (relative to the
 * scale of the state), else a failure value explains what did not converge.
 */
import * as E from 'fp-ts/lib/Either.js';
import { criticWork, evalCritic } from "../model/critic.js";
import { luFactor, luSolve } from "../ode/lu.js";
import { equilibriumError } from "./errors.js";
/** Features of the last hidden layer at x (x itself for a linear critic). */
const featureFn = (m, u) => {
    const s = m.shape;
    const w = criticWork(s);
    const to = m.N * m.d;
    const L = s.hidden.length;
    const H = L === 0 ? m.d : s.hidden[L - 1];
    const off = L === 0 ? 0 : w.lo[L - 1];
    return {
        H,
        at(X, xo, out, oo) {
            if (L === 0) {
                for (let k = 0; k < m.d; k++)
                    out[oo + k] = X[xo + k];
                return;
            }
            evalCritic(s, u, to, X, xo, w);
            for (let k = 0; k < H; k++)
                out[oo + k] = w.h[off + k];
        },
    };
};
export const findEquilibrium = (m, start = m.u0, opts = {}) => {
    const { N, d, shape: s } = m;
    const to = N * d;
    const u = start.slice();
    const th = u.subarray(to);
    const maxIter = opts.maxIter ?? 60;
    if (m.weightDecay > 0)
        th.fill(0);
    else {
        if (s.hidden.length === 0)
            for (let k = 0; k < d; k++)
                th[k] = 0;
        else
            for (let k = s.outOff; k < s.boutOff; k++)
                th[k] = 0;
        if (m.loss.kind === 'nsgan')
            th[s.boutOff] = 0;
    }
    let iterations = 0;
    let res = 0;
    if (m.weightDecay === 0) {
        const f = featureFn(m, u);
        const H = f.H;
        const target = new Float64Array(H);
        const tmp = new Float64Array(H);
        for (let j = 0; j < m.M; j++) {
            f.at(m.targetPoints, j * d, tmp, 0);
            for (let k = 0; k < H; k++)
                target[k] += m.targetWeights[j] * tmp[k];
        }
        const X = u.subarray(0, to);
        const resid = (Xv, out) => {
            out.fill(0);
            for (let i = 0; i < N; i++) {
                f.at(Xv, i * d, tmp, 0);
                for (let k = 0; k < H; k++)
                    out[k] += tmp[k] / N;
            }
            let n2 = 0;
            for (let k = 0; k < H; k++) {
                out[k] -= target[k];
                n2 += out[k] * out[k];
            }
            return Math.sqrt(n2);
        };
        const r = new Float64Array(H);
        const A = new Float64Array(H * to);
        const AAt = new Float64Array(H * H);
        const piv = new Int32Array(H);
        const fp = new Float64Array(H), fm = new Float64Array(H);
        const xs = new Float64Array(to);
        const rTry = new Float64Array(H);
        let scale = 0;
        for (let k = 0; k < H; k++)
            scale = Math.max(scale, Math.abs(target[k]));
        const goal = 1e-13 * Math.max(1, scale);
        res = resid(X, r);
        while (res > goal && iterations < maxIter) {
            iterations++;
            // A[k][i*d + c] = (1/N) d h_k(x_i) / d x_c by central differences.
            for (let i = 0; i < N; i++)
                for (let c = 0; c < d; c++) {
                    const j = i * d + c;
                    const x0 = X[j];
                    const h = 1e-6 * Math.max(1, Math.abs(x0));
                    X[j] = x0 + h;
                    f.at(X, i * d, fp, 0);
                    X[j] = x0 - h;
                    f.at(X, i * d, fm, 0);
                    X[j] = x0;
                    for (let k = 0; k < H; k++)
                        A[k * to + j] = (fp[k] - fm[k]) / (2 * h * N);
                }
            let tr = 0;
            for (let a = 0; a < H; a++)
                for (let b = 0; b <= a; b++) {
                    let sAB = 0;
                    for (let j = 0; j < to; j++)
                        sAB += A[a * to + j] * A[b * to + j];
                    AAt[a * H + b] = sAB;
                    AAt[b * H + a] = sAB;
                    if (a === b)
                        tr += sAB;
                }
            const delta = 1e-12 * (tr / H || 1);
            for (let a = 0; a < H; a++)
                AAt[a * H + a] += delta;
            if (!luFactor(AAt, H, piv))
                return E.left(equilibriumError('singular', `equilibrium: the feature Jacobian is singular at iteration ${iterations}`));
            const y = Float64Array.from(r);
            luSolve(AAt, H, piv, y);
            // step = -A^T y, halved until the residual decreases
            let stepScale = 1;
            let accepted = false;
            for (let half = 0; half < 30; half++) {
                for (let j = 0; j < to; j++) {
                    let s2 = 0;
                    for (let k = 0; k < H; k++)
                        s2 += A[k * to + j] * y[k];
                    xs[j] = X[j] - stepScale * s2;
                }
                const rn = resid(xs, rTry);
                if (rn < res) {
                    X.set(xs);
                    res = resid(X, r);
                    accepted = true;
                    break;
                }
                stepScale /= 2;
            }
            if (!accepted)
                break;
        }
        if (res > Math.max(goal, 1e-9 * Math.max(1, scale)))
            return E.left(equilibriumError('notConverged', `equilibrium: Gauss–Newton on the feature means did not converge (|r| = ${res.toExponential(3)} after ${iterations} iterations; H = ${H} equations in N d = ${to} unknowns)`));
    }
    const du = new Float64Array(m.n);
    m.rhs(0, u, du);
    let rhsNorm = 0, uNorm = 1;
    for (let k = 0; k < m.n; k++) {
        rhsNorm = Math.max(rhsNorm, Math.abs(du[k]));
        uNorm = Math.max(uNorm, Math.abs(u[k]));
    }
    const tol = opts.tol ?? 1e-8;
    if (!(rhsNorm <= tol * uNorm))
        return E.left(equilibriumError('notAtRest', `equilibrium: |rhs(u*)| = ${rhsNorm.toExponential(3)} is not ~0 (tolerance ${tol} x state scale)`));
    return E.right({ u, iterations, residual: res, rhsNorm });
};
//# sourceMappingURL=equilibrium.js.map