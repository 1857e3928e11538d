/**
 * The damping table of a spectrum (docs/model.md §4; as MATLAB / python-control
 * `damp`, with defined edge cases): for a mode s = sigma + i omega,
 * omega_n = |s|, zeta = -sigma / |s|, tau = -1 / sigma. A stable real pole
 * has zeta = 1, an unstable one zeta = -1. A zero mode (|s| <= zeroTol times
 * the spectrum's largest |s|) is flagged with kind "zero" and gets
 * zeta = tau = null: never a division by ~0, never NaN. A pure imaginary
 * mode (sigma = 0) has zeta 0 and tau null. A mode with sigma > 0 grows: it is marked `unstable`, its tau
 * (= -1/sigma) is negative by this definition, and its e-folding time 1/sigma is `growthTime`. Rows are sorted by omega_n,
 * ties by sigma, and a conjugate pair is kept together (positive imaginary
 * part first).
 */
export interface DampingRow {
  readonly re: number;
  readonly im: number;
  readonly omegaN: number;
  readonly zeta: number | null;
  readonly tau: number | null;
  readonly kind: 'zero' | 'mode';
  /** True for a non-zero mode with positive real part: it grows as e^{sigma t}. */
  readonly unstable: boolean;
  /** e-folding time 1/sigma of an unstable mode, null otherwise. */
  readonly growthTime: number | null;
}

export const DEFAULT_ZERO_TOL = 1e-7;

export const dampingTable = (re: ArrayLike<number>, im: ArrayLike<number>, zeroTol = DEFAULT_ZERO_TOL): DampingRow[] => {
  const n = re.length;
  let scale = 0;
  for (let k = 0; k < n; k++) scale = Math.max(scale, Math.hypot(re[k], im[k]));
  const thr = zeroTol * scale;
  const rows: DampingRow[] = [];
  for (let k = 0; k < n; k++) {
    const s = re[k], w = im[k];
    const mag = Math.hypot(s, w);
    if (mag <= thr || mag === 0) { rows.push({ re: s, im: w, omegaN: mag, zeta: null, tau: null, kind: 'zero', unstable: false, growthTime: null }); continue; }
    const real = Math.abs(w) <= 1e-12 * mag;
    const zeta = real ? (s < 0 ? 1 : -1) : -s / mag + 0; // + 0 turns -0 into 0
    rows.push({ re: s, im: w, omegaN: mag, zeta, tau: s === 0 ? null : -1 / s, kind: 'mode', unstable: s > 0, growthTime: s > 0 ? 1 / s : null });
  }
  // Group each complex mode with its conjugate (closest mode with re equal and im opposite), then sort the
  // groups exactly by (omega_n, sigma): a comparator with tolerances would not be a consistent order.
  const used = new Uint8Array(rows.length);
  const groups: DampingRow[][] = [];
  rows.forEach((r, i) => {
    if (used[i]) return;
    used[i] = 1;
    if (r.im === 0 || r.kind === 'zero') { groups.push([r]); return; }
    let best = -1, bestD = Infinity;
    rows.forEach((q, j) => {
      if (used[j] || q.kind !== r.kind || Math.sign(q.im) === Math.sign(r.im)) return;
      const dist = Math.abs(q.re - r.re) + Math.abs(q.im + r.im);
      if (dist < bestD) { bestD = dist; best = j; }
    });
    if (best >= 0 && bestD <= 1e-8 * r.omegaN) { used[best] = 1; groups.push(r.im > 0 ? [r, rows[best]] : [rows[best], r]); }
    else groups.push([r]);
  });
  groups.sort((a, b) => a[0].omegaN - b[0].omegaN || a[0].re - b[0].re || b[0].im - a[0].im);
  rows.length = 0;
  for (const g of groups) rows.push(...g);
  return rows;
};

/** Spectral abscissa over the non-zero modes: the largest real part (-alpha is the slowest decay rate). */
export const spectralAbscissa = (rows: readonly DampingRow[]): number => {
  let a = -Infinity;
  for (const r of rows) if (r.kind === 'mode' && r.re > a) a = r.re;
  return a;
};
