import { type FigureOptions, type FigureResult } from './figure.js';
export declare const discreteStabilityFigure: (o: FigureOptions) => Promise<FigureResult>;
//# sourceMappingURL=discreteStability.d.ts.map