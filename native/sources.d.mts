export declare const NATIVE_DIR: string;
export declare const NATIVE_BUILD: string;
export declare const NATIVE_MODULE: string;
export declare const NATIVE_RECORD: string;
export declare const NATIVE_ABI: number;
export declare const NATIVE_SOURCES: readonly string[];
export declare const sourceHash: () => string;
