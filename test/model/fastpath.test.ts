/** The fused one-hidden-layer RHS equals the generic layer-by-layer RHS (relative 1e-13) for every activation, loss and regularizer. */
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, makeGenericRhs } from '../../src/index.ts';
import { model, rhsAt } from '../helpers/configs.ts';

describe('fused one-layer RHS = generic RHS', () => {
  for (const dim of [2, 3]) for (const activation of ACTIVATIONS) for (const loss of ['wgan', 'nsgan'] as const) for (const kind of ['grad2-fake', 'grad2-real', 'gp-fake'] as const) {
    it(`d = ${dim}, ${activation}, ${loss}, ${kind}`, () => {
      const m = model({ seed: 9, target: { kind: 'ring', samples: 11, dim }, particles: { n: 6, init: { kind: 'gaussian', std: 0.7 } }, kernel: { kind: 'two-point', g1: 1, g2: 0.4 }, critic: { kind: 'mlp', hidden: [7], activation, beta: 2 }, loss, regularizer: { kind, lambda: 0.6 }, weightDecay: 0.02, etaG: 1.1, etaD: 0.7 });
      const fast = rhsAt(m);
      const slow = new Float64Array(m.n);
      makeGenericRhs(m)(0, m.u0, slow);
      let err = 0, sc = 0;
      for (let k = 0; k < m.n; k++) { err = Math.max(err, Math.abs(fast[k] - slow[k])); sc = Math.max(sc, Math.abs(slow[k])); }
      expect(err / sc).toBeLessThan(1e-13);
    });
  }
});
