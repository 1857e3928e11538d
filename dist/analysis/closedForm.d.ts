/**
 * Closed form of SPEC §4 for a linear critic (wgan, R = grad2-fake, mu = 0).
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
export declare const omega0: (p: LinearCriticParams) => number;
export declare const dampingRatio: (p: LinearCriticParams) => number;
export declare const lambdaCritical: (p: Omit<LinearCriticParams, "lambda">) => number;
/** The two non-zero eigenvalues (per coordinate) as [re, im] pairs, the + branch first. */
export declare const closedFormEigenvalues: (p: LinearCriticParams) => [[number, number], [number, number]];
/** Spectral abscissa over the non-zero modes (max real part); -alpha is the slowest decay rate. */
export declare const closedFormAlpha: (p: LinearCriticParams) => number;
/**
 * y(t) of one coordinate from y(0) = y0 and y'(0) = v0 (for the flow, v0 = eta_G gbar w(0)):
 * under-, critically and over-damped cases of the damped oscillator.
 */
export declare const closedFormGap: (p: LinearCriticParams, y0: number, v0: number, t: number) => number;
//# sourceMappingURL=closedForm.d.ts.map