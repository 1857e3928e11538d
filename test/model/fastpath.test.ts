/**
 * The fused one-hidden-layer RHS equals the generic layer-by-layer RHS (relative 1e-13) for every activation, loss and
 * regularizer; its one-pass relu paths give the bits of the separate passes.
 */
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, makeGenericRhs } from '../../src/index.ts';
import { oneLayerKernel } from '../../src/model/oneLayerKernel.ts';
import { activationKernels } from '../../src/model/activations.ts';
import { chunkCount } from '../../src/model/rhsOneLayer.ts';
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

  // wgan + grad2-fake: both one-pass paths; nsgan + grad2-real: the particles' only; N and M not multiples of the block.
  for (const [loss, kind] of [['wgan', 'grad2-fake'], ['nsgan', 'grad2-real'], ['wgan', 'gp-fake']] as const) {
    it(`relu, d = 2, ${loss}, ${kind}: the one-pass paths give the bits of the separate passes`, () => {
      const m = model({ seed: 12, target: { kind: 'ring', samples: 301 }, particles: { n: 75, init: { kind: 'gaussian', std: 0.6 } }, critic: { kind: 'mlp', hidden: [13], activation: 'relu' }, loss, regularizer: { kind, lambda: 0.6 } });
      const chunks = chunkCount(m.N, m.M, m.d), p = m.shape.p;
      // A state after one Euler step (the initial biases are 0, which hides the order of the pre-activation sum).
      const du = rhsAt(m), u = m.u0.map((v, k) => v + 0.3 * du[k]);
      const run = (fused: boolean) => {
        const k = oneLayerKernel(m, { activation: activationKernels, chunks, BLOCK: 32, fused });
        const parts = new Float64Array(chunks * p), G = new Float64Array(m.N * m.d);
        k.load(u);
        for (let c = 0; c < chunks; c++) k.chunk(u, c, parts, c * p, G);
        return [...parts, ...G];
      };
      const a = run(true), b = run(false);
      expect(a.some((v) => v !== 0)).toBe(true);
      expect(a.every((v, i) => Object.is(v, b[i]))).toBe(true);
    });
  }
});
