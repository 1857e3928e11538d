export * from './metrics.ts';
export * from './run.ts';
