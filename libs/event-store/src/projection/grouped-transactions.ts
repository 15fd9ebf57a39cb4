import type { DataSource, EntityManager } from 'typeorm';
import { safeTransaction } from './safe-transaction.js';
import type { SerialQueue } from './serial-queue.js';

type Work<T> = (manager: EntityManager) => Promise<T>;

interface Job {
  readonly work: Work<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/**
 * Transactions on the read database's single SQLite connection, committed together (ADR 0025).
 *
 * After an append every lane of every projection wakes up and writes its batch and its checkpoint; each
 * in its own transaction, that was one durable commit (one fsync of the WAL) per lane, about eight per
 * view given. Here the transactions that arrive while the connection is busy, or in the same turn of the
 * event loop, wait and then run in one transaction, each inside a SAVEPOINT of its own, and are
 * committed once. A job that fails rolls back its own savepoint only; the others still commit. Nobody
 * hears of success before the COMMIT: a lane moves its in-memory checkpoint only once its rows and its
 * checkpoint row are durable together, so a crash loses a whole group or nothing of it, and every lane's
 * checkpoint stays consistent with its rows.
 *
 * A job must not wait, inside its work, for another job of this queue (it would wait for itself), as with
 * the SerialQueue it runs on.
 */
export class GroupedTransactions {
  private waiting: Job[] | undefined;
  private made = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: Pick<SerialQueue, 'run'>,
  ) {}

  /** Durable commits made so far (one per group): for tests and benches. */
  get commits(): number {
    return this.made;
  }

  /** Runs `work` in a transaction of its own (a savepoint of the group's); resolves after the group commits. */
  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const job: Job = { work, resolve: resolve as (value: unknown) => void, reject };
      if (this.waiting) {
        this.waiting.push(job);
        return;
      }
      const group = [job];
      this.waiting = group;
      void this.queue.run(async () => {
        // Lanes woken by the same append reach here in the same turn of the event loop: let them join.
        await new Promise<void>((r) => setImmediate(r));
        this.waiting = undefined;
        await this.commit(group);
      });
    });
  }

  private async commit(group: readonly Job[]): Promise<void> {
    if (group.length === 1) {
      // Alone: a plain transaction, as before grouping.
      const [job] = group;
      try {
        const value = await safeTransaction(this.dataSource, job!.work);
        this.made += 1;
        job!.resolve(value);
      } catch (error) {
        job!.reject(error);
      }
      return;
    }
    const outcomes: Outcome[] = [];
    try {
      await safeTransaction(this.dataSource, async (manager) => {
        for (const job of group) {
          try {
            // Nested: TypeORM makes it a SAVEPOINT, released on success, rolled back to on failure.
            outcomes.push({ ok: true, value: await manager.transaction(job.work) });
          } catch (error) {
            outcomes.push({ ok: false, error });
            // SQLite ends the whole transaction by itself on some errors (SQLITE_FULL, SQLITE_IOERR): nothing
            // of the group can commit then, and a SAVEPOINT would begin a new transaction outside this one.
            if (!inTransaction(this.dataSource)) throw error;
          }
        }
      });
      this.made += 1;
    } catch (error) {
      // Nothing committed: every job fails, with its own error when it had one.
      group.forEach((job, i) => {
        const own = outcomes[i];
        job.reject(own && !own.ok ? own.error : error);
      });
      return;
    }
    group.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }
}

/** Whether the better-sqlite3 connection under the data source has a transaction open. */
function inTransaction(dataSource: DataSource): boolean {
  const driver = dataSource.driver as unknown as { databaseConnection?: { inTransaction: boolean } };
  return driver.databaseConnection?.inTransaction ?? true;
}
