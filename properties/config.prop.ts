/** Config round trip (docs/model.md §8): a resolved config, printed and parsed again, gives the identical run. */
import { test } from '@fast-check/vitest';
import { expect } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { parseConfig, buildModel, runModel } from '../src/index.ts';
import { PROP_PARAMS, smallConfig } from './arbitraries.ts';

test.prop([smallConfig()], PROP_PARAMS)('a resolved config fed back gives the identical run', ({ input }) => {
  // maxSteps bounds the cost: a relu critic can make dopri5 crawl through kinks (docs/model.md §7) for 1e5+ steps,
  // and the property is the round trip, which holds for a run stopped at maxSteps as much as for a finished one.
  const a = parseConfig({ ...input, t1: 2, saveAt: { n: 3 }, solver: { method: 'dopri5', maxSteps: 20_000 } });
  if (E.isLeft(a)) throw new Error(JSON.stringify(a.left));
  const printed = JSON.stringify(a.right);
  const b = parseConfig(JSON.parse(printed));
  if (E.isLeft(b)) throw new Error(JSON.stringify(b.left));
  // Compared as printed: JSON has no -0 (g2 = -0 prints as 0), which changes no number of the run.
  expect(JSON.stringify(b.right)).toBe(printed);
  const ra = runModel(buildModel(a.right)), rb = runModel(buildModel(b.right));
  const fa = E.isLeft(ra) ? ra.left : ra.right, fb = E.isLeft(rb) ? rb.left : rb.right;
  expect(fb.final).toEqual(fa.final);
  expect(fb.stats).toEqual(fa.stats);
});
