export const makeController = (errorOrder, beta = 0.04, safety = 0.9, facMin = 0.2, facMax = 10) => ({
    alpha: 1 / (errorOrder + 1) - 0.75 * beta,
    beta,
    safety,
    facMin,
    facMax,
    errOld: 1e-4,
});
/** Factor by which to multiply h after an accepted step with error norm `err` (<= 1). */
export const acceptFactor = (c, err) => {
    const e = Math.max(err, 1e-10);
    const fac = c.safety * Math.pow(e, -c.alpha) * Math.pow(c.errOld, c.beta);
    c.errOld = Math.max(err, 1e-4);
    return Math.min(c.facMax, Math.max(c.facMin, fac));
};
/** Factor (< 1) by which to shrink h after a rejected step with error norm `err` (> 1). */
export const rejectFactor = (c, err) => {
    if (!Number.isFinite(err))
        return 0.25;
    return Math.max(c.facMin, c.safety * Math.pow(err, -c.alpha));
};
//# sourceMappingURL=controller.js.map