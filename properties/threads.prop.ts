/**
 * The threaded right-hand side is bitwise the single-thread one for random
 * small one-layer models (any d, loss, regularizer, activation; N and M below
 * the number of chunks, so some chunks are empty) and 2 to 4 threads (at most one per chunk).
 * Fewer runs than the other suites: every run starts worker threads (~0.5 s each).
 */
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { threadModel, formatError } from '../src/index.ts';
import { chunkCount } from '../src/model/rhsOneLayer.ts';
import { PROP_PARAMS, build, dbl, rhs, smallConfig } from './arbitraries.ts';

const oneLayer = smallConfig({ critic: 'mlp' }).map((c) => ({
  ...c,
  input: { ...c.input, critic: c.input.critic?.kind === 'mlp' ? { ...c.input.critic, hidden: [c.input.critic.hidden?.[0] ?? 3] } : c.input.critic },
}));

// shift moves the state away from u0, so that the check is not only at the initial point.
test.prop([oneLayer, fc.integer({ min: 2, max: 4 }), dbl(-0.5, 0.5)], { ...PROP_PARAMS, numRuns: Math.min(PROP_PARAMS.numRuns, 10) })(
  'threaded rhs equals the single-thread rhs bit for bit',
  ({ input }, threads, shift) => {
    const m = build(input);
    const t = threadModel(m, threads);
    if (E.isLeft(t)) throw new Error(formatError(t.left));
    try {
      expect(t.right.threads).toBe(Math.min(threads, chunkCount(m.N, m.M, m.d)));
      const u = m.u0.map((x, k) => x + shift * Math.sin(k + 1));
      const one = rhs(m, u), many = new Float64Array(m.n);
      t.right.model.rhs(0, u, many);
      for (let k = 0; k < m.n; k++) expect(Object.is(many[k], one[k]), `component ${k}: ${many[k]} vs ${one[k]}`).toBe(true);
    } finally {
      t.right.close();
    }
  },
);
