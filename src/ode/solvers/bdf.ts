/**
 * BDF/NDF: the variable-order (1-5), quasi-constant step backward differentiation formulas of Shampine and
 * Reichelt (MATLAB's ode15s, "The MATLAB ODE Suite", SIAM J. Sci. Comput. 18, 1997) in the form of SciPy's
 * `BDF` (scipy/integrate/_ivp/bdf.py): the history is kept as backward differences D, changed in step size by
 * the matrix R(k, factor) U(k), and the implicit equation of each step is solved by a modified Newton iteration
 * whose matrix I - (h / alpha_k) J keeps its Jacobian across steps.
 *
 * What makes it cheap on the effective-GAN flow near convergence (stiff, docs/model.md §7):
 * - The Jacobian is computed at the first step and then only when Newton fails to converge with the old one
 *   (its rate test, at most 4 iterations); the LU factorization of I - c J only when the step or the order
 *   changes, which happens at most every k + 1 steps (the step is kept while it is good enough), or after a
 *   convergence failure. A Jacobian is the problem's own when it has one, else forward differences (n calls).
 * - NDF (the default, kappa = -0.185, -1/9, -0.0823, -0.0415, 0) or plain BDF (`kind: "bdf"`).
 * - The step and the order are the method's own choice (SciPy's rules: the error of orders k - 1, k and k + 1
 *   after k + 1 equal steps, the factor capped at 10, 0.2 after an error failure, 0.5 after a convergence
 *   failure), through the stepper's `nextFactor`; the solve's PI controller is not used.
 * - Dense output: the interpolating polynomial of the last k + 1 points (Newton backward form), as SciPy's.
 * - Stats: rhs calls (Newton and finite-difference Jacobians), Jacobians, LU factorizations and Newton
 *   iterations, each counted.
 *
 * Deviations from SciPy: the LU is refactorized whenever the step changes for a reason other than an error
 * failure (SciPy also keeps it after a max_step or t_bound clip); when Newton fails with a matrix kept from
 * before an error failure (built for the old step), the matrix is refactorized with the current step before the
 * Jacobian is recomputed (CVODE's order of remedies; on the 64-particle wide-ring run 146 -> 130 Jacobians); the
 * first Jacobian is computed at the first attempted step, not at construction.
 *
 * Jacobian-free (`krylov`, solver "ndf-krylov", auto's stiff phase above 32 components): each Newton correction
 * by GMRES on finite-difference Jacobian-vector products at the current iterate, unpreconditioned, in the error
 * weights' scaling, to 5% of Newton's tolerance or 30 iterations (CVODE's SPGMR without a preconditioner). No
 * matrix, no Jacobian to refresh: a step that does not converge is halved. On the effective-GAN flow a correction
 * takes a few products, fewer calls than one Jacobian (wide-ring run: 12,843 calls in all against dense ndf's
 * 21,087 rhs-equivalents and 366 LUs).
 *
 * Measured against SciPy's BDF (same problem, same tolerances): Robertson to 1e11 at rtol 1e-6, 570 steps,
 * 22 Jacobians, 127 LUs there, 569, 22, 126 here; van der Pol (mu = 1000, t1 = 3000) 1,258 / 85 / 293 there,
 * 1,268 / 87 / 298 here; the 64-particle wide-ring effective-GAN run (n = 257, t1 = 60): 3,956 calls and 152
 * Jacobians there, 3,937 Newton calls and 146 Jacobians here (before the refactor-first rule).
 *
 * @example
 * solve(robertson, bdf({ rtol: 1e-6, atol: [1e-8, 1e-12, 1e-8] }));
 */
import type { OdeProblem } from '../problem.ts';
import { defineSolver, registerSolver } from '../solver.ts';
import { countingRhs, type Stepper, type StepperContext, type DenseSegment } from '../stepper.ts';
import { luFactor, luSolve } from '../lu.ts';
import { forwardJacobian, jacobianWork, spectralRadius, KRYLOV_MAX } from '../jacobian.ts';

export const BDF_MAX_ORDER = 5;
/** Most Newton iterations per attempt (SciPy's NEWTON_MAXITER). */
const NEWTON_MAXITER = 4;
const MIN_FACTOR = 0.2;
const MAX_FACTOR = 10;
const NDF_KAPPA = [0, -0.185, -1 / 9, -0.0823, -0.0415, 0];

/** alpha_k, gamma_k and the error constants of the order-k formula (k = 0..MAX_ORDER), as SciPy's. */
const coefficients = (ndf: boolean) => {
  const kappa = ndf ? NDF_KAPPA : NDF_KAPPA.map(() => 0);
  const gamma = [0];
  for (let k = 1; k <= BDF_MAX_ORDER; k++) gamma.push(gamma[k - 1] + 1 / k);
  const alpha = gamma.map((g, k) => (1 - kappa[k]) * g);
  const errorConst = gamma.map((g, k) => kappa[k] * g + 1 / (k + 1));
  return { gamma, alpha, errorConst };
};

/**
 * R(k, factor) of Shampine & Reichelt, (k + 1) x (k + 1) row-major into out: the cumulative products down the
 * columns of M, M[0][j] = 1, M[i][0] = 0, M[i][j] = (i - 1 - factor j) / i.
 */
const computeR = (k: number, factor: number, out: Float64Array): void => {
  const m = k + 1;
  for (let j = 0; j < m; j++) out[j] = 1;
  for (let i = 1; i < m; i++) {
    for (let j = 0; j < m; j++) {
      const mij = j === 0 ? 0 : (i - 1 - factor * j) / i;
      out[i * m + j] = out[(i - 1) * m + j] * mij;
    }
  }
};

export interface BdfOptions {
  /** "ndf" (default, ode15s's numerical differentiation formulas) or plain "bdf". */
  readonly kind?: 'ndf' | 'bdf';
  /**
   * Jacobian-free Newton-Krylov (as CVODE's SPGMR): each Newton correction by GMRES on finite-difference
   * products J v = (f(t, y + eps v) - f(t, y)) / eps, one rhs call per Krylov iteration (at most KRYLOV_MAX,
   * unpreconditioned, in the error weights' scaling), no n x n matrix: memory O(KRYLOV_MAX n), for states
   * too large for a dense Jacobian.
   */
  readonly krylov?: boolean;
}

export interface BdfStepper extends Stepper {
  /** The order of the last accepted step. */
  readonly order: number;
}

export const makeBdf = (problem: OdeProblem, n: number, ctx: StepperContext, opts: BdfOptions = {}): BdfStepper => {
  const { rtol, atol, stats } = ctx;
  const f = countingRhs(problem.rhs, stats);
  const { gamma, alpha, errorConst } = coefficients(opts.kind !== 'bdf');
  const ROWS = BDF_MAX_ORDER + 3;
  const D = new Float64Array(ROWS * n);
  const Dt = new Float64Array((BDF_MAX_ORDER + 1) * n);
  // Views made once (a subarray per use would allocate in the step).
  const rows = Array.from({ length: ROWS }, (_, i) => D.subarray(i * n, (i + 1) * n));
  const rowsT = Array.from({ length: BDF_MAX_ORDER + 1 }, (_, i) => Dt.subarray(i * n, (i + 1) * n));
  const row = (i: number) => rows[i];
  const R = new Float64Array(36), U = new Float64Array(36), RU = new Float64Array(36);
  const f0 = new Float64Array(n);
  const krylov = opts.krylov === true;
  const jac = new Float64Array(krylov ? 0 : n * n);
  const lu = new Float64Array(krylov ? 0 : n * n);
  const KM = KRYLOV_MAX;
  const Vk = krylov ? Array.from({ length: KM + 1 }, () => new Float64Array(n)) : [];
  const Hh = new Float64Array(krylov ? (KM + 1) * KM : 0), cs = new Float64Array(KM), sn = new Float64Array(KM);
  const gg = new Float64Array(KM + 1), yy = new Float64Array(KM);
  const kv = new Float64Array(krylov ? n : 0), kf = new Float64Array(krylov ? n : 0);
  const piv = new Int32Array(n);
  const yPred = new Float64Array(n), psi = new Float64Array(n), d = new Float64Array(n);
  const scale = new Float64Array(n), fy = new Float64Array(n), dy = new Float64Array(n), fp = new Float64Array(n);
  const jw = jacobianWork(n);
  const fdScale = new Float64Array(n);
  for (let i = 0; i < n; i++) fdScale[i] = atol[i] > 0 ? atol[i] / rtol : rtol;
  const pv = new Float64Array(n), pw = new Float64Array(n);
  // Dense output of the last accepted step: its k + 1 difference rows, end time, step and order.
  const dense = new Float64Array((BDF_MAX_ORDER + 1) * n);
  // Scalar state in a typed array (doubles in closure variables are boxed by V8 on every write).
  const sc = new Float64Array(9);
  const H = 0, LU_C = 1, SAFETY = 2, FACTOR = 3, T_END = 4, H_DENSE = 5, RHO = 6, KEEP_LU = 7, ERR = 8;
  let order = 1, denseOrder = 1, nEqual = 0;
  let started = false, haveJac = false, jacThisStep = false, newtonFailed = false;
  const newtonTol = Math.max(10 * Number.EPSILON / rtol, Math.min(0.03, Math.sqrt(rtol)));

  /** Re-express D (orders 0..k) for a step multiplied by factor: D <- (R U)^T D. */
  const changeD = (k: number, factor: number): void => {
    const m = k + 1;
    computeR(k, factor, R);
    computeR(k, 1, U);
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) {
      let s = 0;
      for (let q = 0; q < m; q++) s += R[i * m + q] * U[q * m + j];
      RU[i * m + j] = s;
    }
    Dt.fill(0, 0, m * n);
    for (let j = 0; j < m; j++) {
      const out = rowsT[j];
      for (let i = 0; i < m; i++) {
        const c = RU[i * m + j];
        if (c === 0) continue;
        const src = row(i);
        for (let p = 0; p < n; p++) out[p] += c * src[p];
      }
    }
    for (let j = 0; j < m; j++) rows[j].set(rowsT[j]);
  };

  /** The Jacobian at (t, y); forward differences need f(t, y): fAtY, or one call here. */
  const computeJacobian = (t: number, y: Float64Array, fAtY?: Float64Array): void => {
    stats.jacobians++;
    if (problem.jacobian) { problem.jacobian(t, y, jac); stats.jacobianCost += problem.jacobianCost ?? 0; }
    else {
      if (!fAtY) { f(t, y, fp); fAtY = fp; }
      forwardJacobian(f, t, y, fAtY, jac, jw, fdScale);
    }
    haveJac = true;
    jacThisStep = true;
    sc[LU_C] = NaN;
    sc[RHO] = NaN;
  };

  /** Newton's measure of a correction: the weighted RMS norm with the error weights of the step. */
  const norm = (v: Float64Array): number => scaledNorm(1, v, scale, n);

  /**
   * GMRES for (I - c J(t, y)) x = b, b given in x and overwritten by the solution; fy = f(t, y). In the scaled
   * variables z = x / scale (the error weights), so that its residual is measured as Newton's corrections are;
   * stops at a residual of 0.05 of Newton's tolerance (CVODE's factor) or after KRYLOV_MAX iterations.
   */
  const gmres = (t: number, y: Float64Array, fAtY: Float64Array, c: number, x: Float64Array): void => {
    const v0 = Vk[0];
    let beta = 0, ynorm = 0;
    for (let i = 0; i < n; i++) { v0[i] = x[i] / scale[i]; beta += v0[i] * v0[i]; const q = y[i] / scale[i]; ynorm += q * q; }
    beta = Math.sqrt(beta);
    if (beta === 0) { x.fill(0); return; }
    for (let i = 0; i < n; i++) v0[i] /= beta;
    gg.fill(0);
    gg[0] = beta;
    const tol = 0.05 * newtonTol * Math.sqrt(n);
    const eps = Math.sqrt(Number.EPSILON) * (1 + Math.sqrt(ynorm));
    let m = 0;
    for (let j = 0; j < KM; j++) {
      const vj = Vk[j], w = Vk[j + 1];
      for (let i = 0; i < n; i++) kv[i] = y[i] + eps * scale[i] * vj[i];
      f(t, kv, kf);
      for (let i = 0; i < n; i++) w[i] = vj[i] - (c * (kf[i] - fAtY[i])) / (eps * scale[i]);
      for (let q = 0; q <= j; q++) {
        const vq = Vk[q];
        let h = 0;
        for (let i = 0; i < n; i++) h += vq[i] * w[i];
        Hh[q * KM + j] = h;
        for (let i = 0; i < n; i++) w[i] -= h * vq[i];
      }
      let hn = 0;
      for (let i = 0; i < n; i++) hn += w[i] * w[i];
      hn = Math.sqrt(hn);
      // Earlier rotations on the new column, then the rotation that zeroes its subdiagonal entry.
      for (let q = 0; q < j; q++) {
        const a = Hh[q * KM + j], b = Hh[(q + 1) * KM + j];
        Hh[q * KM + j] = cs[q] * a + sn[q] * b;
        Hh[(q + 1) * KM + j] = -sn[q] * a + cs[q] * b;
      }
      const a = Hh[j * KM + j], r = Math.hypot(a, hn);
      cs[j] = r === 0 ? 1 : a / r;
      sn[j] = r === 0 ? 0 : hn / r;
      Hh[j * KM + j] = r;
      gg[j + 1] = -sn[j] * gg[j];
      gg[j] = cs[j] * gg[j];
      m = j + 1;
      if (!(Math.abs(gg[j + 1]) > tol) || hn === 0) break;
      for (let i = 0; i < n; i++) w[i] /= hn;
    }
    for (let q = m - 1; q >= 0; q--) {
      let s = gg[q];
      for (let k = q + 1; k < m; k++) s -= Hh[q * KM + k] * yy[k];
      yy[q] = s / Hh[q * KM + q];
    }
    x.fill(0);
    for (let q = 0; q < m; q++) { const vq = Vk[q], c2 = yy[q]; for (let i = 0; i < n; i++) x[i] += c2 * vq[i]; }
    for (let i = 0; i < n; i++) x[i] *= scale[i];
  };

  /**
   * The modified Newton iteration of one step (SciPy's solve_bdf_system); the result in y, the correction in d.
   * Returns the iterations taken, negated when it did not converge.
   */
  const newton = (tNew: number, c: number, y: Float64Array): number => {
    y.set(yPred);
    d.fill(0);
    let normOld = NaN;
    for (let k = 0; k < NEWTON_MAXITER; k++) {
      f(tNew, y, fy);
      stats.newtonIterations++;
      let finite = true;
      for (let i = 0; i < n; i++) {
        const v = c * fy[i] - psi[i] - d[i];
        if (!Number.isFinite(v)) { finite = false; break; }
        dy[i] = v;
      }
      if (!finite) return -(k + 1);
      if (krylov) gmres(tNew, y, fy, c, dy);
      else luSolve(lu, n, piv, dy);
      const dyNorm = norm(dy);
      const rate = normOld === normOld ? dyNorm / normOld : NaN;
      if (rate === rate && (rate >= 1 || (rate ** (NEWTON_MAXITER - k) / (1 - rate)) * dyNorm > newtonTol)) return -(k + 1);
      for (let i = 0; i < n; i++) { y[i] += dy[i]; d[i] += dy[i]; }
      if (dyNorm === 0 || (rate === rate && (rate / (1 - rate)) * dyNorm < newtonTol)) return k + 1;
      normOld = dyNorm;
    }
    return -NEWTON_MAXITER;
  };

  const stepper: BdfStepper = {
    name: `${opts.kind === 'bdf' ? 'bdf' : 'ndf'}${krylov ? '-krylov' : ''}`,
    get errorOrder() { return order; },
    get order() { return order; },
    adaptive: true,
    stabilityBoundary: Infinity,
    f: f0,
    init(t0, u0) {
      f(t0, u0, f0);
      started = false;
      haveJac = false; // a Jacobian from an earlier phase of an auto solve would be stale
      order = 1;
      nEqual = 0;
      jacThisStep = false;
      sc[LU_C] = NaN;
      sc[KEEP_LU] = 0;
    },
    attempt(t, u, h, uNew) {
      if (!started) {
        row(0).set(u);
        const r1 = row(1);
        for (let i = 0; i < n; i++) r1[i] = h * f0[i];
        sc[H] = h;
        started = true;
        if (!haveJac && !krylov) computeJacobian(t, u, f0);
      } else if (h !== sc[H]) {
        changeD(order, h / sc[H]);
        sc[H] = h;
        nEqual = 0;
        if (sc[KEEP_LU] === 0) sc[LU_C] = NaN;
      }
      sc[KEEP_LU] = 0;
      newtonFailed = false;
      const tNew = t + h;
      yPred.fill(0);
      for (let j = 0; j <= order; j++) { const r = row(j); for (let i = 0; i < n; i++) yPred[i] += r[i]; }
      for (let i = 0; i < n; i++) scale[i] = atol[i] + rtol * Math.abs(yPred[i]);
      psi.fill(0);
      for (let j = 1; j <= order; j++) {
        const r = row(j), g = gamma[j] / alpha[order];
        for (let i = 0; i < n; i++) psi[i] += g * r[i];
      }
      const c = h / alpha[order];
      let iters = 0; // Newton iterations of the last try, negative when it did not converge
      // Jacobian-free: the products are taken at the current iterate, there is no matrix to refresh.
      if (krylov) iters = newton(tNew, c, uNew);
      else for (;;) {
        if (sc[LU_C] !== sc[LU_C]) {
          for (let k = 0; k < n * n; k++) lu[k] = -c * jac[k];
          for (let i = 0; i < n; i++) lu[i * n + i] += 1;
          stats.factorizations++;
          if (!luFactor(lu, n, piv)) {
            sc[LU_C] = NaN;
            if (jacThisStep) break;
            computeJacobian(tNew, yPred);
            continue;
          }
          sc[LU_C] = c;
        }
        iters = newton(tNew, c, uNew);
        if (iters > 0 || jacThisStep) break;
        // A matrix kept from before an error failure has the old step in it: refactor before blaming the Jacobian.
        if (sc[LU_C] !== c) { sc[LU_C] = NaN; continue; }
        computeJacobian(tNew, yPred);
      }
      if (!(iters > 0)) { newtonFailed = true; return Infinity; }
      sc[SAFETY] = (0.9 * (2 * NEWTON_MAXITER + 1)) / (2 * NEWTON_MAXITER + iters);
      for (let i = 0; i < n; i++) scale[i] = atol[i] + rtol * Math.abs(uNew[i]);
      const err = scaledNorm(errorConst[order], d, scale, n);
      sc[ERR] = err;
      return err === err ? err : Infinity;
    },
    nextFactor(err, accepted) {
      if (accepted) return sc[FACTOR];
      if (newtonFailed) { sc[LU_C] = NaN; return 0.5; }
      // An error failure: the iteration converged, so its matrix is kept (SciPy).
      sc[KEEP_LU] = 1;
      return Number.isFinite(err) ? Math.max(MIN_FACTOR, sc[SAFETY] * err ** (-1 / (order + 1))) : MIN_FACTOR;
    },
    accept(t, _u, h) {
      nEqual++;
      jacThisStep = false;
      // D^{j+1} y_n = D^j y_n - D^j y_{n-1}, with d = D^{k+1} y_n (SciPy's update).
      const rk2 = row(order + 2), rk1 = row(order + 1);
      for (let i = 0; i < n; i++) { rk2[i] = d[i] - rk1[i]; rk1[i] = d[i]; }
      for (let j = order; j >= 0; j--) { const a = row(j), b = row(j + 1); for (let i = 0; i < n; i++) a[i] += b[i]; }
      for (let j = 0; j <= order; j++) dense.set(rows[j], j * n);
      denseOrder = order;
      sc[T_END] = t + h;
      sc[H_DENSE] = h;
      sc[FACTOR] = 1;
      if (nEqual < order + 1) return;
      // Order and step from the error estimates of orders k - 1, k, k + 1 (with the scale of the new point); the
      // first of equal factors wins, as numpy's argmax in SciPy.
      const fM = order > 1 ? scaledNorm(errorConst[order - 1], row(order), scale, n) ** (-1 / order) : 0;
      const f0 = sc[ERR] ** (-1 / (order + 1)); // the accepted step's own error norm (attempt), same d and scale
      const fP = order < BDF_MAX_ORDER ? scaledNorm(errorConst[order + 1], row(order + 2), scale, n) ** (-1 / (order + 2)) : 0;
      let best = fM, delta = -1;
      if (f0 > best) { best = f0; delta = 0; }
      if (fP > best) { best = fP; delta = 1; }
      order += delta;
      sc[FACTOR] = Math.min(MAX_FACTOR, sc[SAFETY] * best);
      sc[LU_C] = NaN;
    },
    interpolate(t, out) { evalDense(dense, denseOrder, sc[T_END], sc[H_DENSE], n, t, out); },
    segment(): DenseSegment {
      const k = denseOrder, c = dense.slice(0, (k + 1) * n), tB = sc[T_END], h = sc[H_DENSE];
      return { tA: tB - h, tB, eval: (t, out) => evalDense(c, k, tB, h, n, t, out) };
    },
    /** |h| times the spectral radius of the Jacobian in use (power iteration, 12 sweeps, once per Jacobian). */
    stiffnessRatio() {
      if (!haveJac) return NaN;
      if (sc[RHO] !== sc[RHO]) sc[RHO] = spectralRadius(jac, n, pv, pw);
      return Math.abs(sc[H_DENSE]) * sc[RHO];
    },
  };
  return stepper;
};

/** sqrt(mean((c r_i / scale_i)^2)): an error estimate's weighted RMS norm. */
const scaledNorm = (c: number, r: Float64Array, scale: Float64Array, n: number): number => {
  let s = 0;
  for (let i = 0; i < n; i++) { const q = (c * r[i]) / scale[i]; s += q * q; }
  return Math.sqrt(s / n);
};

/** The interpolant y(t) = D_0 + sum_j D_j prod_{i<j} (t - (tB - i h)) / ((i + 1) h) (SciPy's BdfDenseOutput). */
const evalDense = (c: Float64Array, k: number, tB: number, h: number, n: number, t: number, out: Float64Array): void => {
  for (let i = 0; i < n; i++) out[i] = c[i];
  let p = 1;
  for (let j = 1; j <= k; j++) {
    p *= (t - (tB - (j - 1) * h)) / (j * h);
    const o = j * n;
    for (let i = 0; i < n; i++) out[i] += p * c[o + i];
  }
};

/**
 * NDF, variable order 1-5 with Jacobian and LU reuse (ode15s; SciPy's BDF), error-controlled: for stiff problems
 * of moderate size (a dense n x n Jacobian). Uses the problem's Jacobian when it has one, else forward differences.
 * @example
 * solve(problem, ndf({ rtol: 1e-6, atol: 1e-9 }));
 */
export const ndf = defineSolver({ name: 'ndf', adaptive: true, stepper: (p, n, ctx) => makeBdf(p, n, ctx) });
/**
 * Plain BDF (orders 1-5), otherwise as `ndf`.
 * @example
 * solve(problem, bdf({ rtol: 1e-6 }));
 */
export const bdf = defineSolver({ name: 'bdf', adaptive: true, stepper: (p, n, ctx) => makeBdf(p, n, ctx, { kind: 'bdf' }) });
registerSolver({ name: 'ndf', adaptive: true, description: 'variable-order NDF (orders 1-5, as MATLAB ode15s / SciPy BDF), Jacobian and LU kept across steps: stiff problems', make: ndf });
registerSolver({ name: 'bdf', adaptive: true, description: 'variable-order BDF (orders 1-5), Jacobian and LU kept across steps: stiff problems', make: bdf });

/**
 * NDF with a Jacobian-free Newton-Krylov iteration (GMRES on finite-difference Jacobian-vector products, no
 * preconditioner): no n x n matrix, for stiff problems too large for a dense Jacobian.
 * @example
 * solve(heat1000, ndfKrylov({ rtol: 1e-6, atol: 1e-9 }));
 */
export const ndfKrylov = defineSolver({ name: 'ndf-krylov', adaptive: true, stepper: (p, n, ctx) => makeBdf(p, n, ctx, { krylov: true }) });
registerSolver({ name: 'ndf-krylov', adaptive: true, description: 'ndf with Jacobian-free Newton-Krylov (GMRES on finite-difference products): stiff problems too large for a dense Jacobian', make: ndfKrylov });
