/**
 * Checkpoints of fixed-step solves: a solve resumed from any checkpoint (through bytes) ends with the
 * uninterrupted solve's numbers bit for bit (state, saved points, events, stats); bad checkpoints and methods
 * that cannot resume are refused with a message naming the reason.
 */
import { describe, expect, it } from 'vitest';
import { solve, rk4, euler, dopri5, rkcFixed, encodeCheckpoint, decodeCheckpoint, type SolveCheckpoint, type Solution } from '../../src/index.ts';

// Van der Pol (mu = 2) with an explicit time term so that t enters the right-hand side too.
const vdp = {
  rhs: (t: number, u: Float64Array, du: Float64Array) => { du[0] = u[1]; du[1] = 2 * (1 - u[0] * u[0]) * u[1] - u[0] + 0.1 * Math.sin(t); },
  u0: Float64Array.of(2, 0),
  tspan: [0, 20] as [number, number],
};
const opts = { saveAt: { n: 41 }, events: [{ g: (_t: number, u: Float64Array) => u[0], name: 'x = 0' }] };

const right = <T,>(r: { _tag: 'Left'; left: { message: string } } | { _tag: 'Right'; right: T }): T => {
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right;
};
const roundTrip = (c: SolveCheckpoint): SolveCheckpoint => {
  const d = decodeCheckpoint(encodeCheckpoint(c, { key: 'abc' }));
  if (d._tag === 'Left') throw new Error(d.left);
  expect(d.right.meta).toEqual({ key: 'abc' });
  return d.right.checkpoint;
};
const expectSame = (a: Solution, b: Solution) => {
  expect(Array.from(b.uEnd)).toEqual(Array.from(a.uEnd)); // toEqual on numbers: Object.is, i.e. the same bits
  expect(b.t).toEqual(a.t);
  expect(b.u.map((x) => Array.from(x))).toEqual(a.u.map((x) => Array.from(x)));
  expect(b.events.map((e) => [e.t, e.direction, ...e.u])).toEqual(a.events.map((e) => [e.t, e.direction, ...e.u]));
  expect(b.stats).toEqual(a.stats);
};

describe('checkpoints of fixed-step solves', () => {
  for (const [name, solver] of [['rk4', rk4({ h: 0.013 })], ['euler', euler({ h: 0.004 })]] as const) {
    it(`${name}: resumed from any of its checkpoints, through bytes, the solve ends with the same bits`, () => {
      const whole = right(solve(vdp, solver, opts));
      expect(whole.events.length).toBeGreaterThan(3);
      const saved: SolveCheckpoint[] = [];
      const again = right(solve(vdp, solver, { ...opts, checkpoint: { everySteps: 97, save: (c) => saved.push(c) } }));
      expectSame(whole, again); // taking checkpoints changes nothing
      expect(saved.length).toBe(Math.floor((whole.stats.accepted - 1) / 97)); // none after the last step
      for (const c of [saved[0], saved[Math.floor(saved.length / 2)], saved[saved.length - 1]]) {
        expect(c.t).toBe(c.stats.accepted * solver.h!); // a step boundary t0 + k h
        expectSame(whole, right(solve(vdp, solver, { ...opts, resume: roundTrip(c) })));
      }
    });
  }

  it('an interrupted solve saves a checkpoint where it stopped, and going on from it gives the whole solve', () => {
    const whole = right(solve(vdp, rk4({ h: 0.013 }), opts));
    let calls = 0;
    const signal = { get aborted() { return ++calls > 700; } };
    const saved: SolveCheckpoint[] = [];
    const r = solve(vdp, rk4({ h: 0.013 }), { ...opts, signal, checkpoint: { everySeconds: 3600, save: (c) => saved.push(c) } });
    expect(r._tag === 'Left' && r.left.code).toBe('interrupted');
    expect(saved).toHaveLength(1);
    expect(saved[0].stats.accepted).toBe(700); // the signal is read before each step: the 701st reading stops it
    expect(saved[0].t).toBe(r._tag === 'Left' ? r.left.t : NaN);
    // A second interruption of the resumed solve, then a last resume.
    const saved2: SolveCheckpoint[] = [];
    let calls2 = 0;
    const r2 = solve(vdp, rk4({ h: 0.013 }), { ...opts, resume: roundTrip(saved[0]), signal: { get aborted() { return ++calls2 > 300; } }, checkpoint: { everySeconds: 3600, save: (c) => saved2.push(c) } });
    expect(r2._tag).toBe('Left');
    expect(saved2[0].stats.accepted).toBe(700 + 300);
    expectSame(whole, right(solve(vdp, rk4({ h: 0.013 }), { ...opts, resume: roundTrip(saved2[0]) })));
  });

  it('refuses methods that keep state between steps, dense output, and checkpoints of another solve', () => {
    const save = () => {};
    const msg = (r: ReturnType<typeof solve>) => (r._tag === 'Left' ? `${r.left.code}: ${r.left.message}` : 'Right');
    expect(msg(solve(vdp, dopri5(), { checkpoint: { everySteps: 10, save } }))).toMatch(/^invalidProblem: dopri5: checkpoints need a fixed-step method/);
    expect(msg(solve(vdp, rkcFixed({ h: 0.01 }), { checkpoint: { everySteps: 10, save } }))).toMatch(/^invalidProblem: rkc-fixed: checkpoints need a method whose steps carry no memory/);
    expect(msg(solve(vdp, rk4({ h: 0.01 }), { dense: true, checkpoint: { everySteps: 10, save } }))).toMatch(/do not keep dense output/);
    expect(msg(solve(vdp, rk4({ h: 0.01 }), { checkpoint: { everySteps: 0, save } }))).toMatch(/checkpoint.everySteps = 0; expected an integer >= 1/);
    const saved: SolveCheckpoint[] = [];
    right(solve(vdp, rk4({ h: 0.01 }), { ...opts, checkpoint: { everySteps: 500, save: (c) => saved.push(c) } }));
    const c = saved[0];
    expect(msg(solve(vdp, rk4({ h: 0.02 }), { ...opts, resume: c }))).toMatch(/the checkpoint is of another solve: step h = 0.01, this solve's is 0.02/);
    expect(msg(solve(vdp, euler({ h: 0.01 }), { ...opts, resume: c }))).toMatch(/method rk4, this solve's is euler/);
    expect(msg(solve({ ...vdp, tspan: [0, 30] }, rk4({ h: 0.01 }), { ...opts, resume: c }))).toMatch(/tspan \[0, 20\], this solve's is \[0, 30\]/);
    expect(msg(solve(vdp, rk4({ h: 0.01 }), { saveAt: { n: 3 }, events: opts.events, resume: c }))).toMatch(/saveAt \{"n":41\}, this solve's is \{"n":3\}/);
    expect(msg(solve(vdp, rk4({ h: 0.01 }), { saveAt: opts.saveAt, resume: c }))).toMatch(/1 event function\(s\), this solve has 0/);
    expect(msg(solve(vdp, rk4({ h: 0.01 }), { ...opts, resume: { ...c, u: Float64Array.of(1, NaN) } }))).toMatch(/non-finite component \(1: NaN\)/);
  });

  it('decoding names what is wrong with the bytes', () => {
    const saved: SolveCheckpoint[] = [];
    right(solve(vdp, rk4({ h: 0.01 }), { ...opts, checkpoint: { everySteps: 500, save: (c) => saved.push(c) } }));
    const bytes = encodeCheckpoint(saved[0]);
    const err = (b: Uint8Array) => { const d = decodeCheckpoint(b); return d._tag === 'Left' ? d.left : 'Right'; };
    expect(err(bytes.subarray(0, bytes.length - 8))).toMatch(/^truncated checkpoint: \d+ bytes, expected \d+ for a state of 2 components and \d+ saved states$/);
    expect(err(new TextEncoder().encode('{"t": 1}'))).toMatch(/^not an egan checkpoint/);
    const v2 = bytes.slice(); v2[8] = 2;
    expect(err(v2)).toBe('checkpoint format version 2; this egan reads version 1');
    expect(err(bytes.subarray(0, 20))).toMatch(/^truncated checkpoint: its header needs/);
  });
});
