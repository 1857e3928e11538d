export * from './metrics.ts';
export * from './run.ts';
export * from './pool.ts';
export * from './sweep.ts';
export * from './files.ts';
