/**
 * The native kernel against the JavaScript kernel, bit for bit: every
 * chunk's parameter gradient and particle forces at each given state. The
 * build runs it on a fixed set of models before it records a build as usable
 * (src/model/nativeVerify.ts), and the tests on random ones (test/model/native.test.ts,
 * properties/native.prop.ts).
 *
 * @example
 * kernelMismatch(addon, buildModel(config), [model.u0]);   // undefined when they agree
 */
import { makeNativeKernel, type NativeAddon } from './native.ts';
import { makeOneLayerCore, type OneLayerCore } from './rhsOneLayer.ts';
import type { EganParts } from './parts.ts';

/** A double as JavaScript prints it, but -0 as "-0" (the comparison is of bits). */
const show = (x: number): string => (Object.is(x, -0) ? '-0' : String(x));

/**
 * Where the two kernels first differ on model m (state index, output and entry, both values), or undefined.
 * `js` is model m's JavaScript core when the caller has one (a new core's specialised functions start cold:
 * building it once per model makes the build-time check ~2x faster).
 */
export const kernelMismatch = (addon: NativeAddon, m: EganParts, states: readonly Float64Array[], js: OneLayerCore = makeOneLayerCore(m, 'js')): string | undefined => {
  const { chunks, p, block } = js;
  const native = makeNativeKernel(addon, m, chunks, block);
  const nx = m.N * m.d;
  const out = () => ({ grad: new Float64Array(chunks * p), G: new Float64Array(nx) });
  for (let s = 0; s < states.length; s++) {
    const u = states[s];
    const a = out(), b = out();
    js.load(u);
    native.load(u);
    for (let c = 0; c < chunks; c++) {
      js.chunk(u, c, a.grad, c * p, a.G);
      native.chunk(u, c, b.grad, c * p, b.G);
    }
    for (const key of ['grad', 'G'] as const) {
      const x = new BigUint64Array(a[key].buffer), y = new BigUint64Array(b[key].buffer);
      for (let i = 0; i < x.length; i++) {
        if (x[i] !== y[i]) return `state ${s}, ${key}[${i}]: JavaScript ${show(a[key][i])}, native ${show(b[key][i])}`;
      }
    }
  }
  return undefined;
};
