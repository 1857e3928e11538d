/**
 * Optimal assignment (Hungarian algorithm, Kuhn–Munkres with potentials,
 * O(n^3)): given an n x n cost matrix (row-major), returns col[i], the
 * column assigned to row i, minimizing the total cost.
 */
export declare const hungarian: (cost: Float64Array, n: number) => Int32Array;
//# sourceMappingURL=assignment.d.ts.map