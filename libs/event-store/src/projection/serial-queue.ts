/**
 * Runs async jobs one at a time. TypeORM's SQLite drivers share a single connection: two transactions
 * interleaving on it would silently nest as savepoints, so every runner database call goes through this.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T>): Promise<T> {
    const result = this.tail.then(job, job);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** The same interface, without serialising (PostgreSQL: a pool of connections). */
export const CONCURRENT: Pick<SerialQueue, 'run'> = { run: (job) => job() };
