import { type Activation, type ConfigInput } from '../api.js';
import { type FigureOptions, type FigureResult } from './figure.js';
export declare const mlpSetting: (activation: Activation, lambda: number, onTargets?: boolean) => ConfigInput;
export declare const mlpCriticalFigure: (o: FigureOptions) => Promise<FigureResult>;
//# sourceMappingURL=mlpCritical.d.ts.map