/**
 * The matrix kernel's checks survive extreme entries: the PSD test runs on K / max|K_ij| (an overflowed
 * eigenvalue is NaN, which compares false and used to let [[0, 1e308], [1e308, 0]] through as PSD), and entries
 * beyond 1e100 are refused since K times a gradient would overflow.
 */
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { parseConfig } from '../../src/index.ts';

const withMatrix = (matrix: number[][]) => parseConfig({ target: { kind: 'ring' }, particles: { n: 2 }, critic: { kind: 'linear' }, kernel: { kind: 'matrix', matrix } });

describe('matrix kernel validation at the edges', () => {
  it('[[0, 1e80], [1e80, 0]] is refused as not PSD (eigenvalues +-1e80), [[0, 1e308], [1e308, 0]] as too large', () => {
    const a = withMatrix([[0, 1e80], [1e80, 0]]);
    expect(E.isLeft(a) && a.left.path).toBe('kernel.matrix');
    expect(E.isLeft(a) && String(a.left.value)).toMatch(/smallest eigenvalue -1\.000e\+80/);
    const b = withMatrix([[0, 1e308], [1e308, 0]]);
    expect(E.isLeft(b) && b.left.expected).toMatch(/entries up to 1e100/);
    const c = withMatrix([[1e308, 1e308], [1e308, 1e308]]);
    expect(E.isLeft(c)).toBe(true);
  });

  it('a PSD matrix of large but safe entries passes, and its config keeps the entries', () => {
    const m = [[2e90, 1e90], [1e90, 2e90]];
    const r = withMatrix(m);
    expect(E.isRight(r) && r.right.kernel).toEqual({ kind: 'matrix', matrix: m });
  });
});
