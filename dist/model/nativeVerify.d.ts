/**
 * Build-time check of a compiled native kernel (native/build.mjs runs nativeVerifyMain with the module's
 * path): on a fixed set of models that reaches every path of oneLayer.c (4 activations x d = 1, 2, 3 x no
 * regularizer, grad2-fake, grad2-real, gp-fake; sizes that split into several blocks and chunks and leave
 * partial ones) and at three states each (the initial one, a moved one, and one with large weights, which
 * reaches the activations' tails and clamps), the native kernel must equal the JavaScript kernel bit for
 * bit: every chunk's output through the per-chunk entry, and the whole right-hand side through the thread
 * team (native/team.c, with its own final sum) on one and on two threads, which is what runs in production.
 */
import * as E from 'fp-ts/lib/Either.js';
import { type NativeAddon } from './native.js';
import type { EganParts } from './parts.js';
/** Where the thread team's whole right-hand side first differs from the JavaScript kernel's, or undefined. */
export declare const teamMismatch: (addon: NativeAddon, m: EganParts & {
    n: number;
}, states: readonly Float64Array[], threads: number) => string | undefined;
/** Check the compiled module `file`; Right(summary) when it agrees everywhere, Left(where it first differs). */
export declare const verifyNative: (file: string) => E.Either<string, string>;
//# sourceMappingURL=nativeVerify.d.ts.map