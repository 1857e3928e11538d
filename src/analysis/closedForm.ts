/**
 * Closed form of docs/model.md §4 for a linear critic (wgan, R = grad2-fake, mu = 0).
 * With y = mean(X) - mean(P) and gbar = (g1 + (N - 1) g2) / N, each coordinate obeys
 *   y'' + 2 lambda eta_D y' + eta_G eta_D gbar y = 0,
 * so omega_0 = sqrt(eta_G eta_D gbar), zeta = lambda sqrt(eta_D / (eta_G gbar)),
 * lambda_c = sqrt(eta_G gbar / eta_D), eigenvalues -lambda eta_D +- sqrt(lambda^2 eta_D^2 - omega_0^2),
 * and the slowest decay rate -max Re peaks at lambda_c, where it equals omega_0.
 */
export interface LinearCriticParams {
  readonly etaG: number;
  readonly etaD: number;
  readonly gbar: number;
  readonly lambda: number;
}

export const omega0 = (p: LinearCriticParams): number => Math.sqrt(p.etaG * p.etaD * p.gbar);
export const dampingRatio = (p: LinearCriticParams): number => p.lambda * Math.sqrt(p.etaD / (p.etaG * p.gbar));
export const lambdaCritical = (p: Omit<LinearCriticParams, 'lambda'>): number => Math.sqrt((p.etaG * p.gbar) / p.etaD);

/** The two non-zero eigenvalues (per coordinate) as [re, im] pairs, the + branch first. */
export const closedFormEigenvalues = (p: LinearCriticParams): [[number, number], [number, number]] => {
  const a = p.lambda * p.etaD;
  const disc = a * a - p.etaG * p.etaD * p.gbar;
  if (disc >= 0) { const r = Math.sqrt(disc); return [[-a + r, 0], [-a - r, 0]]; }
  const w = Math.sqrt(-disc);
  return [[-a, w], [-a, -w]];
};

/** Spectral abscissa over the non-zero modes (max real part); -alpha is the slowest decay rate. */
export const closedFormAlpha = (p: LinearCriticParams): number => closedFormEigenvalues(p)[0][0];

/**
 * y(t) of one coordinate from y(0) = y0 and y'(0) = v0 (for the flow, v0 = eta_G gbar w(0)):
 * under-, critically and over-damped cases of the damped oscillator.
 */
export const closedFormGap = (p: LinearCriticParams, y0: number, v0: number, t: number): number => {
  const a = p.lambda * p.etaD;
  const w2 = p.etaG * p.etaD * p.gbar;
  const disc = a * a - w2;
  const scale = Math.max(a * a, w2);
  if (Math.abs(disc) <= 1e-14 * scale) return Math.exp(-a * t) * (y0 + (v0 + a * y0) * t);
  if (disc < 0) {
    const wd = Math.sqrt(-disc);
    return Math.exp(-a * t) * (y0 * Math.cos(wd * t) + ((v0 + a * y0) / wd) * Math.sin(wd * t));
  }
  const r = Math.sqrt(disc);
  const r1 = -a + r, r2 = -a - r;
  const c1 = (v0 - r2 * y0) / (r1 - r2);
  const c2 = y0 - c1;
  return c1 * Math.exp(r1 * t) + c2 * Math.exp(r2 * t);
};
