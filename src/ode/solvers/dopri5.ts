/**
 * Dormand–Prince 5(4) stepper: FSAL, 4th-order dense output, and Hairer's
 * stiffness test (dopri5.f: h * |k7 - k6| / |y1 - y6| > 3.25 means the step
 * is limited by stability, not accuracy).
 */
import type { Rhs } from '../problem.ts';
import { countingRhs, type Stepper, type StepperContext, type DenseSegment } from '../stepper.ts';
import { DOPRI5 as T } from '../tableaus/dopri5.ts';
import { errorNorm } from '../norm.ts';

/** Slots of the stepper's scalar state. */
const T_OLD = 0, H_OLD = 1, STIFF = 2;

/** Continuous extension of dopri5.f (CONTD5). */
const evalDopri5 = (r: Float64Array, n: number, tA: number, h: number, t: number, out: Float64Array): void => {
  const th = (t - tA) / h;
  const th1 = 1 - th;
  for (let i = 0; i < n; i++) {
    out[i] = r[i] + th * (r[n + i] + th1 * (r[2 * n + i] + th * (r[3 * n + i] + th1 * r[4 * n + i])));
  }
};

export const makeDopri5 = (rhs: Rhs, n: number, ctx: StepperContext): Stepper => {
  const k1 = new Float64Array(n), k2 = new Float64Array(n), k3 = new Float64Array(n);
  const k4 = new Float64Array(n), k5 = new Float64Array(n), k6 = new Float64Array(n);
  const k7 = new Float64Array(n), y = new Float64Array(n), ysti = new Float64Array(n);
  const err = new Float64Array(n);
  const rcont = new Float64Array(5 * n);
  // Scalar state in a typed array: doubles kept in closure variables are boxed by V8 on every write.
  const sc = new Float64Array(3); // tOld, hOld, stiff
  sc[T_OLD] = 0;
  sc[H_OLD] = 1;
  sc[STIFF] = NaN;
  const { rtol, atol, stats } = ctx;
  const f = countingRhs(rhs, stats);

  return {
    name: 'dopri5',
    errorOrder: 4,
    adaptive: true,
    stabilityBoundary: 3.3,
    f: k1,
    init(t0, u0) { f(t0, u0, k1); },
    attempt(t, u, h, uNew) {
      for (let i = 0; i < n; i++) y[i] = u[i] + h * T.a21 * k1[i];
      f(t + T.c2 * h, y, k2);
      for (let i = 0; i < n; i++) y[i] = u[i] + h * (T.a31 * k1[i] + T.a32 * k2[i]);
      f(t + T.c3 * h, y, k3);
      for (let i = 0; i < n; i++) y[i] = u[i] + h * (T.a41 * k1[i] + T.a42 * k2[i] + T.a43 * k3[i]);
      f(t + T.c4 * h, y, k4);
      for (let i = 0; i < n; i++) y[i] = u[i] + h * (T.a51 * k1[i] + T.a52 * k2[i] + T.a53 * k3[i] + T.a54 * k4[i]);
      f(t + T.c5 * h, y, k5);
      for (let i = 0; i < n; i++) ysti[i] = u[i] + h * (T.a61 * k1[i] + T.a62 * k2[i] + T.a63 * k3[i] + T.a64 * k4[i] + T.a65 * k5[i]);
      f(t + h, ysti, k6);
      for (let i = 0; i < n; i++) uNew[i] = u[i] + h * (T.a71 * k1[i] + T.a73 * k3[i] + T.a74 * k4[i] + T.a75 * k5[i] + T.a76 * k6[i]);
      f(t + h, uNew, k7);
      for (let i = 0; i < n; i++) err[i] = h * (T.e1 * k1[i] + T.e3 * k3[i] + T.e4 * k4[i] + T.e5 * k5[i] + T.e6 * k6[i] + T.e7 * k7[i]);
      return errorNorm(err, u, uNew, rtol, atol);
    },
    accept(t, u, h, uNew) {
      let num = 0, den = 0;
      for (let i = 0; i < n; i++) {
        const ydiff = uNew[i] - u[i];
        const bspl = h * k1[i] - ydiff;
        rcont[i] = u[i];
        rcont[n + i] = ydiff;
        rcont[2 * n + i] = bspl;
        rcont[3 * n + i] = ydiff - h * k7[i] - bspl;
        rcont[4 * n + i] = h * (T.d1 * k1[i] + T.d3 * k3[i] + T.d4 * k4[i] + T.d5 * k5[i] + T.d6 * k6[i] + T.d7 * k7[i]);
        const a = k7[i] - k6[i];
        const b = uNew[i] - ysti[i];
        num += a * a;
        den += b * b;
      }
      sc[STIFF] = den > 0 ? Math.abs(h) * Math.sqrt(num / den) : 0;
      sc[T_OLD] = t;
      sc[H_OLD] = h;
      k1.set(k7);
    },
    interpolate(t, out) { evalDopri5(rcont, n, sc[T_OLD], sc[H_OLD], t, out); },
    segment(): DenseSegment {
      const r = rcont.slice();
      const tA = sc[T_OLD], h = sc[H_OLD];
      return { tA, tB: tA + h, eval: (t, out) => evalDopri5(r, n, tA, h, t, out) };
    },
    stiffnessRatio: () => sc[STIFF],
  };
};
