import { defineSolver, registerSolver } from "../solver.js";
import { countingRhs } from "../stepper.js";
import { DOP853_A as A, DOP853_B as B, DOP853_C as C, DOP853_D as D, DOP853_E3 as E3, DOP853_E5 as E5 } from "../tableaus/dop853.js";
/** Slots of the stepper's scalar state. */
const T_OLD = 0, H_OLD = 1, STIFF = 2;
const NS = 12;
const NX = 16;
/** Evaluate the 7-term dense polynomial (dop853.f CONTD8). F holds 7 rows of n. */
const evalDop853 = (F, y0, n, tA, h, t, out) => {
    const x = (t - tA) / h;
    const x1 = 1 - x;
    for (let i = 0; i < n; i++) {
        // Horner-like nesting of scipy's Dop853DenseOutput / CONTD8.
        let y = 0;
        for (let r = 6; r >= 0; r--) {
            y += F[r * n + i];
            y *= (6 - r) % 2 === 0 ? x : x1;
        }
        out[i] = y + y0[i];
    }
};
export const makeDop853 = (rhs, n, ctx) => {
    const K = new Float64Array(NX * n); // K[s * n + i]
    const y = new Float64Array(n);
    const F = new Float64Array(7 * n);
    const y0 = new Float64Array(n);
    const f0view = K.subarray(0, n);
    // Scalar state in a typed array: doubles kept in closure variables are boxed by V8 on every write.
    const sc = new Float64Array(3); // tOld, hOld, stiff
    sc[T_OLD] = 0;
    sc[H_OLD] = 1;
    sc[STIFF] = NaN;
    const { rtol, atol, stats } = ctx;
    const f = countingRhs(rhs, stats);
    const stage = (s) => K.subarray(s * n, (s + 1) * n);
    const stages = [];
    /** Stages from..to-1: y = u + h sum_j a_sj K_j, K_s = f(t + c_s h, y); y keeps the last stage's argument. */
    const runStages = (from, to, t, u, h) => {
        for (let s = from; s < to; s++) {
            const a = A[s];
            for (let i = 0; i < n; i++) {
                let acc = 0;
                for (let j = 0; j < s; j++)
                    acc += a[j] * K[j * n + i];
                y[i] = u[i] + h * acc;
            }
            f(t + C[s] * h, y, stages[s]);
        }
    };
    for (let s = 0; s < NX; s++)
        stages.push(stage(s));
    return {
        name: 'dop853',
        errorOrder: 7,
        adaptive: true,
        stabilityBoundary: 6.1,
        piBeta: 0,
        f: f0view,
        init(t0, u0) { f(t0, u0, stages[0]); },
        attempt(t, u, h, uNew) {
            runStages(1, NS, t, u, h);
            for (let i = 0; i < n; i++) {
                let acc = 0;
                for (let j = 0; j < NS; j++)
                    acc += B[j] * K[j * n + i];
                uNew[i] = u[i] + h * acc;
            }
            f(t + h, uNew, stages[NS]);
            // Error estimate of dop853.f: |h| err5^2 / sqrt(n (err5^2 + 0.01 err3^2)).
            let e5 = 0, e3 = 0;
            for (let i = 0; i < n; i++) {
                const ui = Math.abs(u[i]), vi = Math.abs(uNew[i]);
                const sc = atol[i] + rtol * (ui > vi ? ui : vi);
                let a5 = 0, a3 = 0;
                for (let j = 0; j <= NS; j++) {
                    const k = K[j * n + i];
                    a5 += E5[j] * k;
                    a3 += E3[j] * k;
                }
                a5 /= sc;
                a3 /= sc;
                e5 += a5 * a5;
                e3 += a3 * a3;
            }
            // e = 0 whenever err5 = 0; testing e5 alone also avoids 0/0 when 0.01 err3^2 underflows (a state ~1e-155).
            if (e5 === 0)
                return 0;
            const e = (Math.abs(h) * e5) / Math.sqrt((e5 + 0.01 * e3) * n);
            return e === e ? e : Infinity;
        },
        accept(t, u, h, uNew) {
            // Stiffness indicator: stages 12 (y_new) and 11 (c = 1).
            let num = 0, den = 0;
            for (let i = 0; i < n; i++) {
                const a = K[NS * n + i] - K[(NS - 1) * n + i];
                num += a * a;
            }
            // The stage-11 input is not kept; use |uNew - y| from the last stage input (y holds stage 11's argument).
            for (let i = 0; i < n; i++) {
                const b = uNew[i] - y[i];
                den += b * b;
            }
            sc[STIFF] = den > 0 ? Math.abs(h) * Math.sqrt(num / den) : 0;
            // Extra stages for the dense output.
            runStages(NS + 1, NX, t, u, h);
            for (let i = 0; i < n; i++) {
                const dy = uNew[i] - u[i];
                F[i] = dy;
                F[n + i] = h * K[i] - dy;
                F[2 * n + i] = 2 * dy - h * (K[NS * n + i] + K[i]);
                for (let r = 0; r < 4; r++) {
                    const d = D[r];
                    let acc = 0;
                    for (let j = 0; j < NX; j++)
                        acc += d[j] * K[j * n + i];
                    F[(3 + r) * n + i] = h * acc;
                }
                y0[i] = u[i];
            }
            sc[T_OLD] = t;
            sc[H_OLD] = h;
            stages[0].set(stages[NS]);
        },
        interpolate(t, out) { evalDop853(F, y0, n, sc[T_OLD], sc[H_OLD], t, out); },
        segment() {
            const Fc = F.slice(), yc = y0.slice();
            const tA = sc[T_OLD], h = sc[H_OLD];
            return { tA, tB: tA + h, eval: (t, out) => evalDop853(Fc, yc, n, tA, h, t, out) };
        },
        stiffnessRatio: () => sc[STIFF],
    };
};
/**
 * DOP853: order 8 with error control and 7th-order dense output, for tight tolerances.
 * @example
 * solve(problem, dop853({ rtol: 1e-12, atol: 1e-14 }));
 */
export const dop853 = defineSolver({ name: 'dop853', adaptive: true, stiffnessTest: true, stepper: (p, n, ctx) => makeDop853(p.rhs, n, ctx) });
registerSolver({ name: 'dop853', adaptive: true, description: 'Dormand-Prince 8(5,3), error-controlled, for tight tolerances', make: dop853 });
//# sourceMappingURL=dop853.js.map