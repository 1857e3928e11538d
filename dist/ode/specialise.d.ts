export declare const specialise: <F extends (...args: never[]) => unknown>(f: F) => F;
//# sourceMappingURL=specialise.d.ts.map