/** A run that did not finish because its worker thread died (pool.ts); its own module so that the CLI can recognise it without loading the pool. */
export class WorkerCrash extends Error {
  constructor(
    message: string,
    /** Last time the run reported progress (undefined when it reported none). */
    readonly t: number | undefined,
  ) {
    super(message);
    this.name = 'WorkerCrash';
  }
}
