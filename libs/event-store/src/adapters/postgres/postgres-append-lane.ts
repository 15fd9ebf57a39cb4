import type pg from 'pg';
import { EventStoreUnavailable } from '../../port/errors.js';
import { translatePgError } from './postgres-errors.js';

/**
 * One pooled connection kept checked out for appends. Appends take turns on the log's advisory
 * lock anyway, so one connection carries a stream of them as fast as many would, without a pool
 * check-out and release per append. An append that finds the lane busy (another append of this
 * process in flight) goes through the pool as before, so concurrent appends still queue on the
 * lock inside the server, where the next one starts the moment the previous commits.
 */
export class PostgresAppendLane {
  private client: pg.PoolClient | undefined;
  private busy = false;
  private closed = false;
  // While checked out, a client's connection errors are ours to handle (the pool listens only to idle ones).
  private readonly onError = (error: Error): void => {
    if (this.client) this.drop(this.client, error);
  };

  constructor(private readonly pool: pg.Pool) {}

  async query<R extends pg.QueryResultRow>(config: pg.QueryConfig): Promise<R[]> {
    if (this.busy || this.closed) return (await this.pool.query<R>(config)).rows;
    this.busy = true;
    let client: pg.PoolClient | undefined;
    try {
      client = this.client ?? (await this.take());
      return (await client.query<R>(config)).rows;
    } catch (error) {
      // A broken connection is replaced on the next append; an SQL error leaves it usable.
      if (client && translatePgError(error) instanceof EventStoreUnavailable) this.drop(client, error as Error);
      throw error;
    } finally {
      this.busy = false;
      if (this.closed && this.client) this.drop(this.client);
    }
  }

  /** Gives the connection back to the pool (call before ending the pool). */
  close(): void {
    this.closed = true;
    if (!this.busy && this.client) this.drop(this.client);
  }

  private async take(): Promise<pg.PoolClient> {
    const client = await this.pool.connect();
    client.on('error', this.onError);
    this.client = client;
    return client;
  }

  private drop(client: pg.PoolClient, error?: Error): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.off('error', this.onError);
    // With an error the pool closes the connection instead of keeping it.
    client.release(error ?? false);
  }
}
