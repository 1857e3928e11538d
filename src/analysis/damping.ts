/**
 * The damping table of a spectrum (SPEC §4; as MATLAB / python-control
 * `damp`, with defined edge cases): for a mode s = sigma + i omega,
 * omega_n = |s|, zeta = -sigma / |s|, tau = -1 / sigma. A stable real pole
 * has zeta = 1, an unstable one zeta = -1. A zero mode (|s| <= zeroTol times
 * the spectrum's largest |s|) is flagged with kind "zero" and gets
 * zeta = tau = null: never a division by ~0, never NaN. A pure imaginary
 * mode (sigma = 0) has zeta 0 and tau null. Rows are sorted by omega_n,
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
    if (mag <= thr || mag === 0) { rows.push({ re: s, im: w, omegaN: mag, zeta: null, tau: null, kind: 'zero' }); continue; }
    const real = Math.abs(w) <= 1e-12 * mag;
    const zeta = real ? (s < 0 ? 1 : -1) : -s / mag + 0; // + 0 turns -0 into 0
    rows.push({ re: s, im: w, omegaN: mag, zeta, tau: s === 0 ? null : -1 / s, kind: 'mode' });
  }
  const key = (r: DampingRow) => r.omegaN;
  rows.sort((a, b) => {
    // Rows of a conjugate pair have equal omega_n and re to rounding: compare with a relative tolerance.
    const dw = key(a) - key(b);
    if (Math.abs(dw) > 1e-12 * Math.max(key(a), key(b), 1e-300)) return dw;
    const ds = a.re - b.re;
    if (Math.abs(ds) > 1e-12 * Math.max(Math.abs(a.re), Math.abs(b.re), 1e-300)) return ds;
    return b.im - a.im;
  });
  return rows;
};

/** Spectral abscissa over the non-zero modes: the largest real part (-alpha is the slowest decay rate). */
export const spectralAbscissa = (rows: readonly DampingRow[]): number => {
  let a = -Infinity;
  for (const r of rows) if (r.kind === 'mode' && r.re > a) a = r.re;
  return a;
};
