// Worker bootstrap for the TypeScript sources (tests, tsx): registers tsx's loader inside the worker thread
// (a worker does not inherit a loader registered in-process by its parent), then loads the entry named by
// workerData.entry. The compiled package (dist/) starts its .js entries directly and never uses this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';
register();
await import(workerData.entry);
