/** docs/model.md §2: the critic part of the RHS equals eta_D times finite differences of the critic objective (smooth activations). */
import { test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { criticObjective } from '../src/index.ts';
import { PROP_PARAMS, smallConfig, build, rhs } from './arbitraries.ts';

test.prop([smallConfig({ critic: 'mlp', smooth: true })], PROP_PARAMS)('dtheta/dt = eta_D grad_theta J (central differences, relative 1e-5)', ({ input }) => {
  const m = build(input);
  const u = m.u0;
  const du = rhs(m, u);
  const to = m.N * m.d;
  let err = 0, sc = 0;
  for (let k = 0; k < m.p; k++) {
    const h = 1e-5 * Math.max(1, Math.abs(u[to + k]));
    const up = u.slice(), um = u.slice();
    up[to + k] += h; um[to + k] -= h;
    const fd = (m.etaD * (criticObjective(m, up).J - criticObjective(m, um).J)) / (2 * h);
    err = Math.max(err, Math.abs(fd - du[to + k]));
    sc = Math.max(sc, Math.abs(fd));
  }
  expect(err).toBeLessThanOrEqual(1e-5 * sc + 1e-9);
});
