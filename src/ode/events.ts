/**
 * Event location on the dense output of one step.
 *
 * For each event g, the step [tA, tB] is cut into `samples` pieces and g is
 * evaluated at their ends on the interpolant. A sign change between two
 * samples is refined by Brent's method (Brent 1973, "Algorithms for
 * Minimization without Derivatives", ch. 4) to near machine precision in t.
 * Between samples, an interior extremum of g that approaches zero without a
 * sign change at the samples (an excursion inside one piece) is searched by a
 * golden-section step on the side facing zero, and when it crosses, both
 * crossings are refined: docs/model.md §5 requires catching excursions that start and
 * end inside one step.
 */
import type { EventSpec } from './options.ts';

export interface Crossing {
  readonly index: number;
  readonly t: number;
  readonly direction: 1 | -1;
}

/** Brent's root finder on [a, b] with g(a), g(b) of opposite signs (or one zero). */
export const brentRoot = (g: (t: number) => number, a: number, b: number, ga: number, gb: number, tol = 0): number => {
  if (ga === 0) return a;
  if (gb === 0) return b;
  let c = a, gc = ga, d = b - a, e = d;
  for (let iter = 0; iter < 200; iter++) {
    if ((gb > 0) === (gc > 0)) { c = a; gc = ga; d = b - a; e = d; }
    if (Math.abs(gc) < Math.abs(gb)) { a = b; b = c; c = a; ga = gb; gb = gc; gc = ga; }
    const t = 2 * Number.EPSILON * Math.abs(b) + 0.5 * tol;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= t || gb === 0) return b;
    if (Math.abs(e) >= t && Math.abs(ga) > Math.abs(gb)) {
      let p: number, q: number;
      const s = gb / ga;
      if (a === c) { p = 2 * m * s; q = 1 - s; }
      else {
        const qq = ga / gc, r = gb / gc;
        p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q; else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(t * q), Math.abs(e * q))) { e = d; d = p / q; }
      else { d = m; e = m; }
    } else { d = m; e = m; }
    a = b; ga = gb;
    b += Math.abs(d) > t ? d : m > 0 ? t : -t;
    gb = g(b);
  }
  return b;
};

const GOLD = 0.3819660112501051;

/**
 * Golden-section search for the point of [a, b] where s * g is smallest
 * (s = +1 looks for a minimum, -1 for a maximum). Returns [t, g(t)].
 */
const goldenExtremum = (g: (t: number) => number, a: number, b: number, s: number, iters = 40): [number, number] => {
  let x1 = a + GOLD * (b - a), x2 = b - GOLD * (b - a);
  let g1 = s * g(x1), g2 = s * g(x2);
  for (let i = 0; i < iters; i++) {
    if (g1 < g2) { b = x2; x2 = x1; g2 = g1; x1 = a + GOLD * (b - a); g1 = s * g(x1); }
    else { a = x1; x1 = x2; g1 = g2; x2 = b - GOLD * (b - a); g2 = s * g(x2); }
    if (Math.sign(g1) !== Math.sign(g2) || g1 <= 0 || g2 <= 0) break;
  }
  return g1 < g2 ? [x1, s * g1] : [x2, s * g2];
};

const wants = (dir: EventSpec['direction'], d: 1 | -1) => !dir || dir === 'both' || (dir === 'up' ? d === 1 : d === -1);

/**
 * Crossings of event `index` inside (tA, tB], in time order, given g at tA.
 * `gAt(t)` evaluates g on the step's interpolant; `gEnd` is g at tB.
 */
export const locateCrossings = (
  index: number,
  spec: EventSpec,
  tA: number,
  tB: number,
  gA: number,
  gEnd: number,
  gAt: (t: number) => number,
): Crossing[] => {
  const out: Crossing[] = [];
  const m = Math.max(1, Math.floor(spec.samples ?? 1));
  const ts: number[] = [tA];
  const gs: number[] = [gA];
  for (let k = 1; k < m; k++) { const t = tA + ((tB - tA) * k) / m; ts.push(t); gs.push(gAt(t)); }
  ts.push(tB);
  gs.push(gEnd);
  const push = (t: number, d: 1 | -1) => { if (wants(spec.direction, d)) out.push({ index, t, direction: d }); };
  for (let k = 0; k < m; k++) {
    const a = ts[k], b = ts[k + 1], ga = gs[k], gb = gs[k + 1];
    if (ga !== 0 && (gb === 0 || (ga < 0) !== (gb < 0))) {
      // An exact zero at a sample counts once, as the end of the piece before it.
      const t = gb === 0 ? b : brentRoot(gAt, a, b, ga, gb);
      push(t, ga < 0 ? 1 : -1);
      continue;
    }
    if (ga === 0 || gb === 0) continue;
    // Same sign at both ends: look for an excursion through zero inside (a, b).
    if (m > 1 || spec.samples !== undefined) {
      const s = ga > 0 ? 1 : -1; // look for the minimum of s*g
      const [tx, gx] = goldenExtremum(gAt, a, b, s);
      if (s * gx < 0) {
        const t1 = brentRoot(gAt, a, tx, ga, gx);
        const t2 = brentRoot(gAt, tx, b, gx, gb);
        push(t1, s > 0 ? -1 : 1);
        push(t2, s > 0 ? 1 : -1);
      }
    }
  }
  return out;
};
