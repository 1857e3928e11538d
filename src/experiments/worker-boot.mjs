// Worker bootstrap: registers tsx's loader inside the worker thread, then loads the TypeScript entry
// named by workerData.entry (a file URL), or the sweep worker (./worker.ts) when there is none.
// (A worker does not inherit a loader that was registered in-process by the parent.)
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';
register();
await import(workerData?.entry ?? './worker.ts');
