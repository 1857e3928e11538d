/**
 * RKC: the second-order Runge–Kutta–Chebyshev method of Sommeijer, Shampine and Verwer (J. Comput. Appl.
 * Math. 88, 1998, 315–326; their Fortran code rkc.f), a stabilized explicit method for stiff problems whose
 * Jacobian has its eigenvalues near the negative real axis (dissipative fast modes, as in the effective-GAN
 * flow near convergence: docs/model.md §7). A step of s stages is stable for h rho <= beta(s) ~ 0.653 s^2
 * (rho the spectral radius, damping eps = 2/13), so the work per unit time grows like sqrt(rho) instead of
 * rho for an explicit method, and no Jacobian is ever formed or factorized: memory O(n), fit for states of
 * 10^5 components where implicit methods would need an n x n matrix.
 *
 * - Stages per step: s = 1 + floor(sqrt(1 + 1.54 h rho)) (rkc.f), at most MAX_STAGES; a step whose h rho
 *   needs more is rejected and shortened.
 * - rho: 20 Arnoldi steps on finite-difference Jacobian-vector products (20 extra calls), 1.2 times the
 *   largest Ritz value's modulus; refreshed every 25 accepted steps, after a rejection, and at every step
 *   while the largest real part is positive (a growing transient). rkc.f's nonlinear power method
 *   underestimated it 25-fold on the effective-GAN flow.
 * - The fixed-step variant (rkc-fixed) cuts a step where a mode grows into substeps with h Re(lambda) <= 1/2.
 * - Error estimate (rkc.f): est = 0.8 (y_n - y_{n+1}) + 0.4 h (f_n + f_{n+1}), weighted RMS; error order 2
 *   for the controller. f_{n+1} serves as the next step's f_n (one call per step saved).
 * - Dense output: the cubic Hermite polynomial through both ends and slopes.
 *
 * Measured: on the heat equation with 100 points (rho 4e4) at rtol 1e-6, 4,217 calls against dopri5's 36,968,
 * global error 1.2e-4 of the solution's scale (RKC's global error runs 20-100x rtol: it is second order).
 * Not for the relu effective-GAN flow: on the MNIST model (d = 784) the Chebyshev stages blew up or drifted
 * (|theta| 144 against 25) where rk4 with h < 2.78 / rho runs cleanly; with relu's kinks the right-hand side
 * is not the smooth function the method's stages extrapolate.
 *
 * @example
 * solve(heatEquation, rkc({ rtol: 1e-6, atol: 1e-9 }));
 */
import type { Rhs } from '../problem.ts';
import { countingRhs, type Stepper, type StepperContext, type DenseSegment } from '../stepper.ts';
import { defineSolver, registerSolver } from '../solver.ts';
import { eigen } from '../../linalg/eigen.ts';

/** Most stages per step (rkc.f's limit). */
export const RKC_MAX_STAGES = 250;
/** Arnoldi steps of the spectral estimate (extra right-hand side calls per estimate). */
const ARNOLDI = 20;

const hermite = (u0: Float64Array, f0: Float64Array, u1: Float64Array, f1: Float64Array, tA: number, h: number, t: number, out: Float64Array) => {
  const s = (t - tA) / h;
  const s2 = s * s, s3 = s2 * s;
  const h00 = 2 * s3 - 3 * s2 + 1, h10 = s3 - 2 * s2 + s, h01 = -2 * s3 + 3 * s2, h11 = s3 - s2;
  for (let i = 0; i < out.length; i++) out[i] = h00 * u0[i] + h10 * h * f0[i] + h01 * u1[i] + h11 * h * f1[i];
};

/**
 * The RKC stepper. Error-controlled (the default), or with `fixed`: no error estimate, the step h that solve's
 * fixed-step loop gives, and as many stages as h rho needs for stability (a fixed-step map that does not
 * crawl where the right-hand side jumps, as it does at relu kinks, docs/model.md §7).
 */
export const makeRkc = (rhs: Rhs, n: number, ctx: StepperContext, fixed = false): Stepper => {
  const f = countingRhs(rhs, ctx.stats);
  const { rtol, atol } = ctx;
  const fn = new Float64Array(n), fNew = new Float64Array(n);
  const yjm1 = new Float64Array(n), yjm2 = new Float64Array(n), tmp = new Float64Array(n);
  const ys = new Float64Array(n), fs = new Float64Array(n);
  const uA = new Float64Array(n), fA = new Float64Array(n), uB = new Float64Array(n), fB = new Float64Array(n);
  // Scalar state in a typed array (no boxing): tOld, hOld, rho, steps since rho, rho valid, and the largest real
  // part of the Jacobian's eigenvalues (growing modes when positive).
  const sc = new Float64Array(6);
  const T_OLD = 0, H_OLD = 1, RHO = 2, SINCE = 3, VALID = 4, RE_MAX = 5;
  const V = Array.from({ length: ARNOLDI + 1 }, () => new Float64Array(n));
  const Hm = new Float64Array((ARNOLDI + 1) * ARNOLDI);

  /**
   * The Jacobian's extreme eigenvalues at (t, y), with fy = f(t, y): ARNOLDI steps of the Arnoldi process on
   * finite-difference products J v = (f(t, y + delta v) - f(t, y)) / delta (modified Gram–Schmidt), then the
   * Ritz values (eigenvalues of the small Hessenberg matrix). Sets RHO to 1.2 max |Ritz value| and RE_MAX to
   * the largest real part. (rkc.f's nonlinear power method stopped early on the effective-GAN flow, at 390
   * where the radius was ~9,700: too few stages, and the steps blew up.)
   */
  const estimate = (t: number, y: Float64Array, fy: Float64Array): void => {
    let ynrm = 0, fnrm = 0;
    for (let i = 0; i < n; i++) { ynrm += y[i] * y[i]; fnrm += fy[i] * fy[i]; }
    ynrm = Math.sqrt(ynrm); fnrm = Math.sqrt(fnrm);
    const v0 = V[0];
    // Start from f(t, y) (the direction the state moves) plus a fixed pattern, so that no mode is left out.
    for (let i = 0; i < n; i++) v0[i] = (fnrm > 0 ? fy[i] / fnrm : 0) + 0.1 * Math.sin(1.7 * i + 0.3);
    let v0n = 0;
    for (let i = 0; i < n; i++) v0n += v0[i] * v0[i];
    v0n = Math.sqrt(v0n);
    for (let i = 0; i < n; i++) v0[i] /= v0n;
    const delta = Math.sqrt(Number.EPSILON) * Math.max(1, ynrm);
    Hm.fill(0);
    let k = ARNOLDI;
    for (let j = 0; j < ARNOLDI; j++) {
      const vj = V[j], w = V[j + 1];
      for (let i = 0; i < n; i++) tmp[i] = y[i] + delta * vj[i];
      f(t, tmp, w);
      for (let i = 0; i < n; i++) w[i] = (w[i] - fy[i]) / delta;
      for (let q = 0; q <= j; q++) {
        const vq = V[q];
        let dot = 0;
        for (let i = 0; i < n; i++) dot += vq[i] * w[i];
        Hm[q * ARNOLDI + j] = dot;
        for (let i = 0; i < n; i++) w[i] -= dot * vq[i];
      }
      let wn = 0;
      for (let i = 0; i < n; i++) wn += w[i] * w[i];
      wn = Math.sqrt(wn);
      Hm[(j + 1) * ARNOLDI + j] = wn;
      if (!(wn > 1e-12 * Math.max(1, Math.abs(Hm[j * ARNOLDI + j])))) { k = j + 1; break; } // an invariant subspace: exact
      for (let i = 0; i < n; i++) w[i] /= wn;
    }
    const small = new Float64Array(k * k);
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) small[a * k + b] = Hm[a * ARNOLDI + b];
    let rho = 0, reMax = -Infinity;
    try {
      const e = eigen(small, k, false);
      for (let q = 0; q < k; q++) { rho = Math.max(rho, Math.hypot(e.re[q], e.im[q])); reMax = Math.max(reMax, e.re[q]); }
    } catch {
      // No convergence of the small eigenproblem: bound the radius by the Hessenberg matrix's norm.
      for (let q = 0; q < k * k; q++) rho += small[q] * small[q];
      rho = Math.sqrt(rho);
      reMax = rho;
    }
    sc[RHO] = 1.2 * rho;
    sc[RE_MAX] = reMax;
    sc[VALID] = 1;
    sc[SINCE] = 0;
  };

  /** One RKC step of ms >= 2 stages from (t, y) with fy = f(t, y): the new state into out and f there into fout. */
  const chebyshevStep = (t: number, y: Float64Array, fy: Float64Array, h: number, ms: number, out: Float64Array, fout: Float64Array): void => {
    // rkc.f's STEP: Chebyshev coefficients with damping 2/13.
    const w0 = 1 + 2 / (13 * ms * ms);
    const temp1 = w0 * w0 - 1, temp2 = Math.sqrt(temp1), arg = ms * Math.log(w0 + temp2);
    const w1 = (Math.sinh(arg) * temp1) / (Math.cosh(arg) * ms * temp2 - w0 * Math.sinh(arg));
    let bjm1 = 1 / (2 * w0) ** 2, bjm2 = bjm1;
    yjm2.set(y);
    let mus = w1 * bjm1;
    for (let i = 0; i < n; i++) yjm1[i] = y[i] + h * mus * fy[i];
    let thjm2 = 0, thjm1 = mus;
    let zjm1 = w0, zjm2 = 1, dzjm1 = 1, dzjm2 = 0, d2zjm1 = 0, d2zjm2 = 0;
    for (let j = 2; j <= ms; j++) {
      const zj = 2 * w0 * zjm1 - zjm2;
      const dzj = 2 * w0 * dzjm1 - dzjm2 + 2 * zjm1;
      const d2zj = 2 * w0 * d2zjm1 - d2zjm2 + 4 * dzjm1;
      const bj = d2zj / (dzj * dzj);
      const ajm1 = 1 - zjm1 * bjm1;
      const mu = (2 * w0 * bj) / bjm1;
      const nu = -bj / bjm2;
      mus = (mu * w1) / w0;
      f(t + h * thjm1, yjm1, tmp);
      const o = j === ms ? out : tmp;
      for (let i = 0; i < n; i++) o[i] = mu * yjm1[i] + nu * yjm2[i] + (1 - mu - nu) * y[i] + h * mus * (tmp[i] - ajm1 * fy[i]);
      const thj = mu * thjm1 + nu * thjm2 + mus * (1 - ajm1);
      if (j < ms) {
        yjm2.set(yjm1); yjm1.set(o);
        thjm2 = thjm1; thjm1 = thj;
        bjm2 = bjm1; bjm1 = bj;
        zjm2 = zjm1; zjm1 = zj;
        dzjm2 = dzjm1; dzjm1 = dzj;
        d2zjm2 = d2zjm1; d2zjm1 = d2zj;
      }
    }
    f(t + h, out, fout);
  };

  const stepper: Stepper = {
    name: fixed ? 'rkc-fixed' : 'rkc',
    errorOrder: fixed ? 0 : 2,
    adaptive: !fixed,
    stabilityBoundary: Infinity,
    f: fn,
    init(t0, u0) { f(t0, u0, fn); sc[VALID] = 0; sc[SINCE] = 0; sc[RE_MAX] = 0; },
    attempt(t, u, h, uNew) {
      // Re-estimate at every step while a mode grows (a transient of the flow: it changes fast), else every 25.
      if (sc[VALID] === 0 || sc[RE_MAX] > 0) estimate(t, u, fn);
      const habs = Math.abs(h);
      if (fixed) {
        // Substeps where a mode grows: Chebyshev stages follow a growing mode only for h Re(lambda) of order one,
        // so the step is cut into m parts with h_sub Re(lambda) <= 1/2, each a stabilized step.
        const m = sc[RE_MAX] > 0 ? Math.max(1, Math.ceil(2 * habs * sc[RE_MAX])) : 1;
        const hs = h / m;
        const stages = Math.max(2, Math.min(RKC_MAX_STAGES, 1 + Math.floor(Math.sqrt(1 + 1.54 * Math.abs(hs) * sc[RHO]))));
        ys.set(u);
        fs.set(fn);
        for (let k = 0; k < m; k++) {
          chebyshevStep(t + k * hs, ys, fs, hs, stages, uNew, fNew);
          if (k < m - 1) { ys.set(uNew); fs.set(fNew); }
        }
        return 0;
      }
      const s = 1 + Math.floor(Math.sqrt(1 + 1.54 * habs * sc[RHO]));
      // Beyond the stability of MAX_STAGES stages: the step is rejected and shortened.
      if (s > RKC_MAX_STAGES) return Infinity;
      chebyshevStep(t, u, fn, h, Math.max(2, s), uNew, fNew);
      let e = 0;
      for (let i = 0; i < n; i++) {
        const est = 0.8 * (u[i] - uNew[i]) + 0.4 * h * (fn[i] + fNew[i]);
        const ui = Math.abs(u[i]), vi = Math.abs(uNew[i]);
        const r = est / (atol[i] + rtol * (ui > vi ? ui : vi));
        e += r * r;
      }
      const err = Math.sqrt(e / n);
      if (!(err <= 1)) sc[VALID] = 0; // re-estimate rho after a rejection (rkc.f)
      return err === err ? err : Infinity;
    },
    accept(t, u, h, uNew) {
      uA.set(u);
      fA.set(fn);
      uB.set(uNew);
      fB.set(fNew);
      fn.set(fNew);
      sc[T_OLD] = t;
      sc[H_OLD] = h;
      if (++sc[SINCE] >= 25) sc[VALID] = 0;
    },
    interpolate(t, out) { hermite(uA, fA, uB, fB, sc[T_OLD], sc[H_OLD], t, out); },
    segment(): DenseSegment {
      const a = uA.slice(), fa = fA.slice(), b = uB.slice(), fb = fB.slice();
      const tA = sc[T_OLD], h = sc[H_OLD];
      return { tA, tB: tA + h, eval: (t, out) => hermite(a, fa, b, fb, tA, h, t, out) };
    },
    stiffnessRatio: () => NaN,
  };
  return stepper;
};

/**
 * RKC (Runge–Kutta–Chebyshev, order 2), error-controlled, for stiff problems with real (dissipative) fast
 * modes and large states: no Jacobian, O(n) memory.
 * @example
 * solve(problem, rkc({ rtol: 1e-4, atol: 1e-7 }));
 */
export const rkc = defineSolver({ name: 'rkc', adaptive: true, stepper: (p, n, ctx) => makeRkc(p.rhs, n, ctx) });
registerSolver({ name: 'rkc', adaptive: true, description: 'Runge-Kutta-Chebyshev (order 2), error-controlled: stiff problems with real fast modes, no Jacobian (large states)', make: rkc });

/**
 * RKC with a fixed step h: the stages follow the spectral radius (re-estimated every 25 steps), no error
 * control, so no crawl where the right-hand side jumps (relu critics). For stiff relu runs, where rk4 would
 * need h below its stability limit 2.8 / rho.
 * @example
 * solve(problem, rkcFixed({ h: 0.2 }));
 */
export const rkcFixed = defineSolver({ name: 'rkc-fixed', adaptive: false, stepper: (p, n, ctx) => makeRkc(p.rhs, n, ctx, true) });
registerSolver({ name: 'rkc-fixed', adaptive: false, description: 'Runge-Kutta-Chebyshev (order 2) with a fixed step h and as many stages as stability needs: stiff relu runs', make: (s) => rkcFixed({ ...s, h: s.h! }) });
