export { writeAtomic, toCsv } from '../experiments/files.js';
import { type Config } from '../model/config.js';
export { EXIT, UsageError } from './exit.js';
export declare const readJsonFile: (path: string, what?: string) => unknown;
export declare const loadConfig: (path: string) => Config;
export declare const writeJson: (dir: string, name: string, value: unknown) => string;
export declare const parseNumber: (name: string, s: string) => number;
export declare const parseInteger: (name: string, s: string, min?: number) => number;
//# sourceMappingURL=io.d.ts.map