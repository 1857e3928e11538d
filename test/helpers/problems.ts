/** Test problems with known exact solutions. */
import { solverEntry, type AdaptiveSettings, type OdeProblem, type Solver } from '../../src/index.ts';

/** The registered solver of this name with these settings (h for the fixed-step ones), for tests over several methods. */
export const by = (method: string, settings: AdaptiveSettings & { h?: number } = {}): Solver => {
  const e = solverEntry(method);
  if (!e) throw new Error(`no solver ${method}`);
  return e.make(settings);
};

/**
 * u' = A u with A = [[-a, w, 0], [-w, -a, 0], [0, 0, -b]]: its eigen-decomposition
 * gives u(t) = (e^{-a t} R(w t) u_{12}(0), e^{-b t} u_3(0)), R a rotation.
 */
export const linear3 = (a = 0.5, w = 2, b = 1, t1 = 5): OdeProblem & { exact: (t: number) => number[] } => ({
  rhs: (_t, u, du) => {
    du[0] = -a * u[0] + w * u[1];
    du[1] = -w * u[0] - a * u[1];
    du[2] = -b * u[2];
  },
  u0: Float64Array.of(1, 0.5, 2),
  tspan: [0, t1],
  exact: (t) => {
    const e = Math.exp(-a * t), c = Math.cos(w * t), s = Math.sin(w * t);
    return [e * (c * 1 + s * 0.5), e * (-s * 1 + c * 0.5), 2 * Math.exp(-b * t)];
  },
});

export const maxAbsDiff = (u: ArrayLike<number>, v: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < u.length; i++) m = Math.max(m, Math.abs(u[i] - v[i]));
  return m;
};

/** max |A - B| / max |B| over all entries, or over the first `cols` columns of n x n matrices. */
export const relDiff = (a: Float64Array, b: Float64Array, n = 0, cols = n): number => {
  let num = 0, den = 0;
  for (let i = 0; i < a.length; i++) {
    if (n > 0 && i % n >= cols) continue;
    num = Math.max(num, Math.abs(a[i] - b[i])); den = Math.max(den, Math.abs(b[i]));
  }
  return num / den;
};

/** Least-squares slope of y on x. */
export const slope = (x: number[], y: number[]): number => {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n, my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0;
  for (let i = 0; i < n; i++) { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) ** 2; }
  return sxy / sxx;
};

/** The restricted three-body orbit of Arenstorf (Hairer, Nørsett, Wanner I, §II.0). */
export const ARENSTORF_T = 17.0652165601579625588917206249;
export const arenstorf: OdeProblem = (() => {
  const mu = 0.012277471, mu2 = 1 - mu;
  return {
    rhs: (_t: number, y: Float64Array, dy: Float64Array) => {
      const d1 = Math.pow((y[0] + mu) ** 2 + y[1] ** 2, 1.5);
      const d2 = Math.pow((y[0] - mu2) ** 2 + y[1] ** 2, 1.5);
      dy[0] = y[2];
      dy[1] = y[3];
      dy[2] = y[0] + 2 * y[3] - (mu2 * (y[0] + mu)) / d1 - (mu * (y[0] - mu2)) / d2;
      dy[3] = y[1] - 2 * y[2] - (mu2 * y[1]) / d1 - (mu * y[1]) / d2;
    },
    u0: Float64Array.of(0.994, 0, 0, -2.00158510637908252240537862224),
    tspan: [0, ARENSTORF_T],
  };
})();

/** Robertson's chemical kinetics to t = 1e11 (stiff; Hairer & Wanner's test set). */
export const robertson: OdeProblem = {
  rhs: (_t, y, dy) => {
    dy[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
    dy[1] = 0.04 * y[0] - 1e4 * y[1] * y[2] - 3e7 * y[1] * y[1];
    dy[2] = 3e7 * y[1] * y[1];
  },
  u0: Float64Array.of(1, 0, 0),
  tspan: [0, 1e11],
  autonomous: true,
};
/** Its solution at t = 1e11 ("Test Set for IVP Solvers", res). */
export const ROBER_REF = [0.2083340149701255e-7, 0.8333360770334713e-13, 0.999999979166505];
