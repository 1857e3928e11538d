import { type Activation, type ConfigInput } from '../api.js';
import { type FigureOptions, type FigureResult } from './figure.js';
export declare const collapseConfig: (activation: Activation, g2: number, etaD: number, o: {
    full: boolean;
    quick: boolean;
}) => ConfigInput;
export declare const modeCollapseFigure: (o: FigureOptions & {
    outDir: string;
}) => Promise<FigureResult>;
//# sourceMappingURL=modeCollapse.d.ts.map