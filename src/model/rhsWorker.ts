/**
 * Worker-thread side of the threaded right-hand side (threadedRhs.ts): builds
 * the same model from the resolved config, then loops: wait for a new call
 * number in the control block, compute this thread's chunks from the shared
 * state, mark done. Waits spin briefly (a call is usually tens of
 * microseconds away), then sleep on Atomics.wait.
 */
import { workerData } from 'node:worker_threads';
import { buildModel } from './model.ts';
import { makeOneLayerCore, CHUNKS } from './rhsOneLayer.ts';
import { CTL, SPIN, sharedViews, type RhsWorkerData } from './threadedRhs.ts';

const data = workerData as RhsWorkerData;
const { ctl, U, parts, G } = sharedViews(data.sab, data.n, data.p, data.nx);
try {
  const core = makeOneLayerCore(buildModel(data.config));
  Atomics.add(ctl, CTL.ready, 1);
  Atomics.notify(ctl, CTL.ready);
  let seen = 0;
  for (;;) {
    let s = Atomics.load(ctl, CTL.seq);
    for (let spins = 0; s === seen; s = Atomics.load(ctl, CTL.seq)) if (++spins > SPIN) Atomics.wait(ctl, CTL.seq, seen, 100);
    if (s < 0) break;
    seen = s;
    try {
      core.load(U);
      for (let c = data.index; c < CHUNKS; c += data.threads) {
        parts.fill(0, c * data.p, (c + 1) * data.p);
        core.chunk(U, c, parts, c * data.p, G);
      }
    } catch {
      Atomics.store(ctl, CTL.error, 1);
    }
    Atomics.add(ctl, CTL.done, 1);
    Atomics.notify(ctl, CTL.done);
  }
} catch {
  Atomics.store(ctl, CTL.error, 1);
  Atomics.add(ctl, CTL.ready, 1);
  Atomics.notify(ctl, CTL.ready);
}
