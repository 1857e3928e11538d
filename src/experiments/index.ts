/**
 * `egan/experiments`: training runs (`runModel`: integrate a model and measure it), the observables
 * (mode coverage, MMD², sliced Wasserstein-2, the mean gap, convergence time), a worker pool, sweeps
 * over any config fields, and checkpoint files that let a long fixed-step run go on after it was stopped.
 *
 * @example
 * import { runModel } from 'egan/experiments';
 * const r = runModel(model);   // Right({ status: 'success', metrics, final, ... }) or Left(RunFailure)
 *
 * @module
 */
export {
  runModel, configSolver, modelWarnings, runJson, tauFromEvents, distanceFn, THETA_GROWTH_WARNING,
  type RunResult, type RunFailure, type RunOptions, type RunStats, type TauEpsSpec, type RunWarning, type RunWarningCode,
} from './run.ts';
export {
  metricsAt, cloudMetrics, MetricsInterrupted, type AbortFlag, coverage, meanGap, meanGapVector, targetMean, mmd2, mmd2Estimate, MMD_MAX_POINTS, medianBandwidth, slicedW2, SLICED_PROJECTIONS, thetaNorm,
  nearestStats, nearestTargets, nearestMetrics, isPointCloud, type Metrics, type CloudMetrics, type Coverage, type NearestStats,
} from './metrics.ts';
export { makePool, WorkerCrash, type Pool, type PoolOptions, type PoolRunOptions, type RunOutcome } from './pool.ts';
export { checkpointFor, checkpointWriter, readCheckpoint, canCheckpoint, CHECKPOINT_FILE, CHECKPOINT_SECONDS, WRITE_SHARE, type RunCheckpoint } from './checkpoint.ts';
export { parseSweep, expandSweep, MAX_CELLS, shardCells, readResults, aggregate, phaseCells, type PhaseCellData, configKey, OBSERVABLES, NEAREST_OBSERVABLES, type SweepSpec, type Cell, type ResultLine, type SweepError } from './sweep.ts';
export { empiricalNtk, type NtkSummary } from './ntk.ts';
export { compareGenerator, type CompareResult, type CompareRun, type CompareRunName, type CompareOptions, type CompareError } from './compare.ts';
