/**
 * Row-major n x d numbers (a Float64Array) as n plain arrays of d, the shape configs and JSON results hold. Plain
 * loops: `Array.from` over a subarray per row took 0.32-0.59 s for 200,000 rows of 2 on a loaded 2-core EPYC,
 * these 0.02-0.24 s (most of it is allocating the arrays).
 */
export const toRows = (A: Float64Array, n: number, d: number): number[][] => {
  const rows: number[][] = new Array(n);
  for (let i = 0, k = 0; i < n; i++) {
    const row: number[] = new Array(d);
    for (let j = 0; j < d; j++, k++) row[j] = A[k]!;
    rows[i] = row;
  }
  return rows;
};
