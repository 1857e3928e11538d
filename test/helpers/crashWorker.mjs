// A stand-in for the pool's worker (src/experiments/worker.ts) whose behaviour is chosen by the config's seed:
// 1 exits the thread, 2 throws outside any handler, 3 reports an error message, anything else reports progress and
// a result carrying the seed. For test/experiments/pool.test.ts.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ id, config }) => {
  parentPort.postMessage({ id, progress: 0.5 });
  if (config.seed === 1) process.exit(7);
  if (config.seed === 2) setTimeout(() => { throw new Error('boom in the worker'); }, 1);
  else if (config.seed === 3) parentPort.postMessage({ id, error: 'the model could not be built' });
  // A result as src/experiments/wire.ts packs it: one particle (seed, -seed), rows rebuilt by the pool.
  else setTimeout(() => parentPort.postMessage({ id, result: { result: { status: 'success', t: config.seed, final: { particles: [], theta: [] } }, particles: new Float64Array([config.seed, -config.seed]), d: 2 } }), 5);
});
