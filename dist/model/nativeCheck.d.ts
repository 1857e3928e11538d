/**
 * The native kernel against the JavaScript kernel, bit for bit: every
 * chunk's parameter gradient and particle forces at each given state. The
 * build runs it on a fixed set of models before it records a build as usable
 * (native/verify.ts), and the tests on random ones (test/model/native.test.ts,
 * properties/native.prop.ts).
 *
 * @example
 * kernelMismatch(addon, buildModel(config), [model.u0]);   // undefined when they agree
 */
import { type NativeAddon } from './native.js';
import type { EganParts } from './parts.js';
/** Where the two kernels first differ on model m (state index, output and entry, both values), or undefined. */
export declare const kernelMismatch: (addon: NativeAddon, m: EganParts, states: readonly Float64Array[]) => string | undefined;
//# sourceMappingURL=nativeCheck.d.ts.map