/**
 * Worker-thread side of the threaded right-hand side (threadedRhs.ts): builds
 * the same model from the resolved config, then loops: wait for a new call
 * number in the control block, take chunks from the shared counter until none
 * is left (computing from the shared state), mark done. Waits spin briefly (a call is usually tens of
 * microseconds away), then sleep on Atomics.wait.
 */
import { workerData } from 'node:worker_threads';
import { buildModel } from "./model.js";
import { makeOneLayerCore } from "./rhsOneLayer.js";
import { CTL, SPIN, sharedViews, takeChunks } from "./threadedRhs.js";
const data = workerData;
const { ctl, U, parts, G } = sharedViews(data.sab, data.n, data.p, data.nx, data.chunks);
try {
    const core = makeOneLayerCore(buildModel(data.config), data.kernel);
    if (core.chunks !== data.chunks || core.p !== data.p)
        throw new Error('the worker built a different model');
    Atomics.add(ctl, CTL.ready, 1);
    Atomics.notify(ctl, CTL.ready);
    let seen = 0;
    for (;;) {
        let s = Atomics.load(ctl, CTL.seq);
        for (let spins = 0; s === seen; s = Atomics.load(ctl, CTL.seq))
            if (++spins > SPIN)
                Atomics.wait(ctl, CTL.seq, seen, 100);
        if (s < 0)
            break;
        seen = s;
        try {
            core.load(U);
            takeChunks(ctl, core, U, parts, G);
        }
        catch {
            Atomics.store(ctl, CTL.error, 1);
        }
        Atomics.add(ctl, CTL.done, 1);
        Atomics.notify(ctl, CTL.done);
    }
}
catch {
    Atomics.store(ctl, CTL.error, 1);
    Atomics.add(ctl, CTL.ready, 1);
    Atomics.notify(ctl, CTL.ready);
}
//# sourceMappingURL=rhsWorker.js.map