/**
 * Build-time check of a compiled native kernel (native/build.mjs runs nativeVerifyMain with the module's
 * path): on a fixed set of models that reaches every path of oneLayer.c (4 activations x d = 1, 2, 3, 37 x no
 * regularizer, grad2-fake, grad2-real, gp-fake; d = 37 reaches the wide path's
 * vector tiles and their remainders; sizes that split into several blocks and chunks and leave
 * partial ones) and at three states each (the initial one, a moved one, and one with large weights, which
 * reaches the activations' tails and clamps), the native kernel must equal the JavaScript kernel bit for
 * bit: every chunk's output through the per-chunk entry, and the whole right-hand side through the thread
 * team (native/team.c, with its own final sum) on one and on two threads, which is what runs in production.
 */
import * as E from 'fp-ts/lib/Either.js';
import { parseConfig, formatConfigError, type ConfigInput } from './config.ts';
import { buildModel } from './model.ts';
import { makeRng } from './random.ts';
import { kernelMismatch } from './nativeCheck.ts';
import { loadNativeAddon, makeNativeTeam, type NativeAddon } from './native.ts';
import { makeOneLayerCore, type OneLayerCore } from './rhsOneLayer.ts';
import type { EganParts } from './parts.ts';

/** Where the thread team's whole right-hand side first differs from the JavaScript kernel's, or undefined. */
export const teamMismatch = (addon: NativeAddon, m: EganParts & { n: number }, states: readonly Float64Array[], threads: number, js: OneLayerCore = makeOneLayerCore(m, 'js')): string | undefined => {
  const team = makeNativeTeam(addon, m, js.chunks, js.block, threads);
  try {
    for (let s = 0; s < states.length; s++) {
      const a = new Float64Array(m.n), b = new Float64Array(m.n);
      js.rhs(0, states[s], a);
      team.rhs(0, states[s], b);
      const x = new BigUint64Array(a.buffer), y = new BigUint64Array(b.buffer);
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return `state ${s}, du[${i}] with ${threads} thread(s): JavaScript ${a[i]}, native team ${b[i]}`;
    }
    return undefined;
  } finally {
    team.close();
  }
};

/** Check the compiled module `file`; Right(summary) when it agrees everywhere, Left(where it first differs). */
export const verifyNative = (file: string): E.Either<string, string> => {
  const addon = loadNativeAddon(file);
  if (typeof addon === 'string') return E.left(addon);
  const activations = ['relu', 'leaky_relu', 'tanh', 'sigmoid'] as const;
  const regularizers = [{ kind: 'grad2-fake', lambda: 0 }, { kind: 'grad2-fake', lambda: 0.7 }, { kind: 'grad2-real', lambda: 0.3 }, { kind: 'gp-fake', lambda: 1.1 }] as const;
  const sizes = [{ n: 5, samples: 3, hidden: 7 }, { n: 97, samples: 70, hidden: 33 }];
  let models = 0;
  for (const activation of activations) for (const dim of [1, 2, 3, 37]) for (const regularizer of regularizers) for (const size of sizes) {
    const input: ConfigInput = {
      seed: models, target: dim === 1 ? { kind: 'gaussian', samples: size.samples, dim } : { kind: 'ring', samples: size.samples, dim }, particles: { n: size.n, init: { kind: 'gaussian', std: 0.5 } },
      critic: { kind: 'mlp', hidden: [size.hidden], activation }, kernel: { kind: 'two-point', g1: 1, g2: 0.3 }, regularizer, weightDecay: 0.01, etaD: 1.3,
    };
    const c = parseConfig(input);
    if (E.isLeft(c)) return E.left(`config ${JSON.stringify(input)}: ${formatConfigError(c.left)}`);
    const m = buildModel(c.right);
    const rng = makeRng(models, 'verify');
    const moved = Float64Array.from(m.u0, (x) => x + 0.3 * rng.normal());
    const large = Float64Array.from(m.u0, (x, i) => (i >= m.N * m.d ? 60 * x : x));
    const states = [m.u0, moved, large];
    const where = `${activation}, d = ${dim}, ${regularizer.kind} lambda ${regularizer.lambda}, N = ${size.n}`;
    const js = makeOneLayerCore(m, 'js');
    const why = kernelMismatch(addon, m, states, js) ?? teamMismatch(addon, m, states, 1, js) ?? teamMismatch(addon, m, states, 2, js);
    models++;
    if (why !== undefined) return E.left(`${where}: ${why}`);
  }
  return E.right(`the native kernel equals the JavaScript kernel bit for bit on ${models} models x 3 states (per chunk, and the whole right-hand side on 1 and 2 team threads)`);
};
