import type { Matrix } from 'ml-matrix';
/** See evd.js: ml-matrix's EigenvalueDecomposition with periodic exceptional shifts and an iteration cap. */
export default class EigenvalueDecomposition {
  constructor(matrix: Matrix, options?: { assumeSymmetric?: boolean });
  get realEigenvalues(): number[];
  get imaginaryEigenvalues(): number[];
  get eigenvectorMatrix(): Matrix;
  get diagonalMatrix(): Matrix;
}
