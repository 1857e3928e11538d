/**
 * Checkpoints (ode/checkpoint.ts) over random small effective-GAN models, every activation (relu's kinks
 * included) and every regularizer: a fixed-step solve resumed, through bytes, from its checkpoint after any
 * step ends with the uninterrupted solve's state, saved points and stats, bit for bit.
 */
import { test, fc } from '@fast-check/vitest';
import { expect } from 'vitest';
import { solve, rk4, euler, encodeCheckpoint, decodeCheckpoint, type SolveCheckpoint } from '../src/index.ts';
import { PROP_PARAMS, smallConfig, build, dbl } from './arbitraries.ts';

test.prop([smallConfig(), fc.integer({ min: 1, max: 59 }), fc.constantFrom('rk4', 'euler'), dbl(0.01, 0.05)], PROP_PARAMS)(
  'a fixed-step solve resumed from its checkpoint after step k equals the whole solve, bit for bit', ({ input }, k, method, h) => {
    const m = build(input);
    const solver = method === 'rk4' ? rk4({ h }) : euler({ h });
    const problem = { rhs: m.rhs, u0: m.u0, tspan: [0, 60 * h] as [number, number] };
    const options = { saveAt: { n: 7 } };
    const whole = solve(problem, solver, options);
    let at: SolveCheckpoint | undefined;
    solve(problem, solver, { ...options, checkpoint: { everySteps: 1, save: (c) => { if (c.stats.accepted === k) at = c; } } });
    if (whole._tag === 'Left' || at === undefined) {
      // A blow-up (a random config may diverge): it must fail the same way before or after the checkpoint.
      expect(whole._tag).toBe('Left');
      return;
    }
    const decoded = decodeCheckpoint(encodeCheckpoint(at));
    if (decoded._tag === 'Left') throw new Error(decoded.left);
    const resumed = solve(problem, solver, { ...options, resume: decoded.right.checkpoint });
    if (resumed._tag === 'Left') throw new Error(resumed.left.message);
    expect(Array.from(resumed.right.uEnd)).toEqual(Array.from(whole.right.uEnd));
    expect(resumed.right.u.map((x) => Array.from(x))).toEqual(whole.right.u.map((x) => Array.from(x)));
    expect(resumed.right.t).toEqual(whole.right.t);
    expect(resumed.right.stats).toEqual(whole.right.stats);
  });
