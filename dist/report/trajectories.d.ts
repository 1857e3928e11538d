import { type FigureOptions, type FigureResult } from './figure.js';
export declare const trajectoriesFigure: (o: FigureOptions) => Promise<FigureResult>;
//# sourceMappingURL=trajectories.d.ts.map