/** Damping table edge cases (docs/model.md §4) and root-locus tracking through a near-crossing. */
import { describe, expect, it } from 'vitest';
import { dampingTable, eigen, trackSpectra } from '../../src/index.ts';
import { hungarian } from '../../src/analysis/assignment.ts';

describe('dampingTable', () => {
  it('a pole at 0 is a zero mode: flagged, zeta and tau null, never NaN', () => {
    const t = dampingTable([0, -1], [0, 0]);
    const z = t.find((r) => r.kind === 'zero')!;
    expect(z).toMatchObject({ re: 0, omegaN: 0, zeta: null, tau: null });
    expect(t.find((r) => r.kind === 'mode')).toMatchObject({ re: -1, omegaN: 1, zeta: 1, tau: 1 });
  });
  it('a double real pole at exact critical damping: zeta = 1 twice', () => {
    const t = dampingTable([-2, -2], [0, 0]);
    expect(t.map((r) => r.zeta)).toEqual([1, 1]);
    expect(t.map((r) => r.tau)).toEqual([0.5, 0.5]);
  });
  it('an unstable real pole has zeta = -1 and a negative time constant', () => {
    const t = dampingTable([0.5], [0]);
    expect(t[0]).toMatchObject({ zeta: -1, tau: -2, omegaN: 0.5, kind: 'mode' });
  });
  it('a purely imaginary pair (lambda = 0): zeta 0, tau null, pair kept together, + first', () => {
    const t = dampingTable([0, -3, 0], [-2, 0, 2]);
    expect(t.map((r) => [r.re, r.im])).toEqual([[0, 2], [0, -2], [-3, 0]]);
    expect(t[0]).toMatchObject({ zeta: 0, tau: null, omegaN: 2 });
  });
  it('sorted by omega_n then sigma; complex pair zeta = -sigma/|s|', () => {
    const t = dampingTable([-1, -1, -0.1, -4], [1, -1, 0, 0]);
    expect(t.map((r) => r.omegaN)).toEqual([0.1, Math.SQRT2, Math.SQRT2, 4]);
    expect(t[1].zeta).toBeCloseTo(1 / Math.SQRT2, 14);
    expect(t[1].im).toBeGreaterThan(0);
  });
});

describe('root locus tracking', () => {
  it('two branches passing within 1e-6 of each other stay continuous (sorting would swap them)', () => {
    // J(p) = diag(p, 1 - p) + 0 coupling, in a rotated basis so the eigenvectors are not axis vectors.
    const c = Math.cos(0.3), s = Math.sin(0.3);
    const ps = [0.3, 0.4, 0.49999975, 0.6, 0.7]; // at 0.49999975 the eigenvalues are 5e-7 apart
    const spectra = ps.map((p) => {
      const a = p, b = 1 - p;
      const J = Float64Array.of(c * c * a + s * s * b, c * s * (a - b), c * s * (a - b), s * s * a + c * c * b);
      return eigen(J, 2);
    });
    const br = trackSpectra(spectra);
    const withP = br.find((b) => Math.abs(b.re[0] - 0.3) < 1e-12)!;
    const withQ = br.find((b) => Math.abs(b.re[0] - 0.7) < 1e-12)!;
    ps.forEach((p, k) => {
      expect(withP.re[k]).toBeCloseTo(p, 10);
      expect(withQ.re[k]).toBeCloseTo(1 - p, 10);
    });
    expect(Math.abs(withP.re[2] - withQ.re[2])).toBeLessThan(1e-6);
    expect(Math.min(...withP.continuity)).toBeGreaterThan(0.999);
  });
  it('hungarian finds the optimal assignment', () => {
    const cost = Float64Array.of(4, 1, 3, 2, 0, 5, 3, 2, 2);
    expect(Array.from(hungarian(cost, 3))).toEqual([1, 0, 2]);
  });
});
