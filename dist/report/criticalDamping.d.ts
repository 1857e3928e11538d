import { type Config, type ConfigInput } from '../api.js';
import { type FigureOptions, type FigureResult } from './figure.js';
export declare const LINEAR_BASE: ConfigInput;
export declare const resolve: (input: ConfigInput) => Config;
export declare const logGrid: (lo: number, hi: number, n: number) => number[];
/**
 * Closed-form tau_eps of the mean gap |y(t)| (2 coordinates, each a damped oscillator):
 * the last time |y| exceeds the threshold, found on a fine grid and refined by bisection.
 */
export declare const closedFormTau: (p: {
    etaG: number;
    etaD: number;
    gbar: number;
    lambda: number;
}, y0: number[], v0: number[], thr: number) => number;
export declare const criticalDampingFigure: (o: FigureOptions) => Promise<FigureResult>;
//# sourceMappingURL=criticalDamping.d.ts.map