/**
 * PI step-size controller (Hairer, Nørsett, Wanner, "Solving ODEs I", §IV.2,
 * as in dopri5.f / dop853.f): on acceptance
 *   h_new = h * clamp( safety * err^(-alpha) * errOld^(beta), facMin, facMax ),
 * with alpha = 1/q - 0.75 beta (q = order of the error estimate + 1),
 * beta = 0.04 (dopri5) or 0 (dop853). After a rejection the step may not grow.
 */
export interface PIController {
  readonly alpha: number;
  readonly beta: number;
  readonly safety: number;
  readonly facMin: number;
  readonly facMax: number;
  /** Previous accepted error norm (dopri5's FACOLD), state of the I-part. */
  errOld: number;
}

export const makeController = (errorOrder: number, beta = 0.04, safety = 0.9, facMin = 0.2, facMax = 10): PIController => ({
  alpha: 1 / (errorOrder + 1) - 0.75 * beta,
  beta,
  safety,
  facMin,
  facMax,
  errOld: 1e-4,
});

/** Factor by which to multiply h after an accepted step with error norm `err` (<= 1). */
export const acceptFactor = (c: PIController, err: number): number => {
  const e = Math.max(err, 1e-10);
  const fac = c.safety * Math.pow(e, -c.alpha) * Math.pow(c.errOld, c.beta);
  c.errOld = Math.max(err, 1e-4);
  return Math.min(c.facMax, Math.max(c.facMin, fac));
};

/** Factor (< 1) by which to shrink h after a rejected step with error norm `err` (> 1). */
export const rejectFactor = (c: PIController, err: number): number => {
  if (!Number.isFinite(err)) return 0.25;
  return Math.max(c.facMin, c.safety * Math.pow(err, -c.alpha));
};
