/**
 * Sweep expansion (issue 6): cells are the axes' cartesian product, first axis
 * slowest; rules set fields where their `when` matches the cell's config, and
 * what they set is part of the key; bad rules are errors naming the rule.
 */
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { expandSweep, parseSweep, type Cell, type SweepError, formatError } from '../../src/index.ts';

const base = {
  target: { kind: 'ring', modes: 4, samples: 16 }, particles: { n: 8 },
  critic: { kind: 'mlp', hidden: [4], activation: 'relu' }, t1: 1, solver: { method: 'rk4', h: 0.05 },
};
const RK4 = { method: 'rk4', h: 0.05 };
const DOPRI5 = { method: 'dopri5', rtol: 1e-6, atol: 1e-9 };

const expand = (extra: Record<string, unknown>): E.Either<SweepError, Cell[]> => {
  const spec = parseSweep({
    seedMode: 'shared', base,
    axes: [{ path: 'critic.activation', values: ['relu', 'tanh', 'sin'] }, { path: 'etaD', values: [0.1, 1] }], ...extra,
  });
  return E.isLeft(spec) ? spec : expandSweep(spec.right);
};
const cellsOf = (extra: Record<string, unknown>): Cell[] => {
  const r = expand(extra);
  if (E.isLeft(r)) throw new Error(formatError(r.left));
  return r.right;
};

describe('sweep rules', () => {
  it('set the solver for the cells whose when matches, after the axes, and only there', () => {
    const plain = cellsOf({});
    const ruled = cellsOf({ rules: [{ when: { 'critic.activation': 'tanh' }, set: { solver: DOPRI5 } }, { when: { 'critic.activation': 'sin', etaD: 1 }, set: { solver: DOPRI5, 'regularizer.lambda': 0.3 } }] });
    expect(ruled.map((c) => c.assignment)).toEqual(plain.map((c) => c.assignment));
    for (const [i, c] of ruled.entries()) {
      const { 'critic.activation': act, etaD } = c.assignment;
      const changed = act === 'tanh' || (act === 'sin' && etaD === 1);
      expect(c.config.solver).toMatchObject(changed ? DOPRI5 : RK4);
      expect(c.config.regularizer.lambda).toBe(act === 'sin' && etaD === 1 ? 0.3 : plain[i].config.regularizer.lambda);
      // the key is the resolved config's hash: it moves exactly where a rule changed the config
      expect(c.key === plain[i].key).toBe(!changed);
    }
  });

  it('a later rule overrides an earlier one and an axis value', () => {
    const cells = cellsOf({ rules: [{ when: { etaD: 1 }, set: { etaD: 2 } }, { when: { etaD: 2 }, set: { etaD: 3 } }] });
    expect(cells.map((c) => c.config.etaD)).toEqual([0.1, 3, 0.1, 3, 0.1, 3]);
  });

  it('a when path that is not a config field, an invalid set value, or an empty rule is an error naming it', () => {
    const typo = expand({ rules: [{ when: { 'critic.activaton': 'tanh' }, set: { solver: DOPRI5 } }] });
    expect(E.isLeft(typo) && typo.left.message).toMatch(/^sweep\.rules\.0\.when: "critic\.activaton" is not a field/);
    const bad = expand({ rules: [{ when: { 'critic.activation': 'tanh' }, set: { 'solver.h': -1 } }] });
    expect(E.isLeft(bad) && bad.left.message).toMatch(/sweep\.rules\.0\.set: config\.solver/);
    const empty = expand({ rules: [{ when: {}, set: { etaD: 1 } }] });
    expect(E.isLeft(empty) && empty.left.message).toMatch(/^sweep\.rules\.0\.when: got \{\}; expected at least one field path/);
  });
});
