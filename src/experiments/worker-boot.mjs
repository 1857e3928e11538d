// Worker bootstrap: registers tsx's loader inside the worker thread, then loads the TypeScript worker.
// (A worker does not inherit a loader that was registered in-process by the parent.)
import { register } from 'tsx/esm/api';
register();
await import('./worker.ts');
