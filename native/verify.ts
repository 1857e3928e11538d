/**
 * Build-time check of a compiled native kernel (run by build.mjs as
 * `node --import tsx native/verify.ts FILE`): on a fixed set of models that
 * reaches every path of oneLayer.c (4 activations x d = 1, 2, 3 x no
 * regularizer, grad2-fake, grad2-real, gp-fake; sizes that split into several
 * blocks and chunks and leave partial ones) and at three states each (the
 * initial one, a moved one, and one with large weights, which reaches the
 * activations' tails and clamps), every chunk's output must equal the
 * JavaScript kernel's bit for bit. Prints one line; exits 0 when all agree,
 * 1 otherwise (build.mjs then does not record the build as usable).
 */
import * as E from 'fp-ts/lib/Either.js';
import { buildModel, kernelMismatch, loadNativeAddon, makeRng, parseConfig, type ConfigInput } from '../src/index.ts';

const file = process.argv[2];
if (!file) { console.log('usage: verify.ts MODULE'); process.exit(2); }
const addon = loadNativeAddon(file);
if (typeof addon === 'string') { console.log(addon); process.exit(1); }

const activations = ['relu', 'leaky_relu', 'tanh', 'sigmoid'] as const;
const regularizers = [{ kind: 'grad2-fake', lambda: 0 }, { kind: 'grad2-fake', lambda: 0.7 }, { kind: 'grad2-real', lambda: 0.3 }, { kind: 'gp-fake', lambda: 1.1 }] as const;
const sizes = [{ n: 5, samples: 3, hidden: 7 }, { n: 97, samples: 70, hidden: 33 }];
let models = 0;
for (const activation of activations) for (const dim of [1, 2, 3]) for (const regularizer of regularizers) for (const size of sizes) {
  const input: ConfigInput = {
    seed: models, target: dim === 1 ? { kind: 'gaussian', samples: size.samples, dim } : { kind: 'ring', samples: size.samples, dim }, particles: { n: size.n, init: { kind: 'gaussian', std: 0.5 } },
    critic: { kind: 'mlp', hidden: [size.hidden], activation }, kernel: { kind: 'two-point', g1: 1, g2: 0.3 }, regularizer,
  };
  const c = parseConfig(input);
  if (E.isLeft(c)) { console.log(`verify: config ${JSON.stringify(input)}: ${JSON.stringify(c.left)}`); process.exit(1); }
  const m = buildModel(c.right);
  const rng = makeRng(models, 'verify');
  const moved = Float64Array.from(m.u0, (x) => x + 0.3 * rng.normal());
  const large = Float64Array.from(m.u0, (x, i) => (i >= m.N * m.d ? 60 * x : x));
  const why = kernelMismatch(addon, m, [m.u0, moved, large]);
  models++;
  if (why !== undefined) { console.log(`verify: ${activation}, d = ${dim}, ${regularizer.kind} lambda ${regularizer.lambda}, N = ${size.n}: ${why}`); process.exit(1); }
}
console.log(`verify: the native kernel equals the JavaScript kernel bit for bit on ${models} models x 3 states`);
