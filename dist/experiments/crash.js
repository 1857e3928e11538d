/** A run that did not finish because its worker thread died (pool.ts); its own module so that the CLI can recognise it without loading the pool. */
export class WorkerCrash extends Error {
    t;
    constructor(message, 
    /** Last time the run reported progress (undefined when it reported none). */
    t) {
        super(message);
        this.t = t;
        this.name = 'WorkerCrash';
    }
}
//# sourceMappingURL=crash.js.map