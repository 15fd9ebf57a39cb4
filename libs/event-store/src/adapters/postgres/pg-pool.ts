import pg from 'pg';

/**
 * A connection whose loss is never an unhandled 'error' event. node-postgres emits 'error' on a client
 * when its server goes (a restart, an administrator's pg_terminate_backend) while no query is running on
 * it; the pool listens only while the client is idle in the pool, so a client checked out (a transaction
 * between statements, the append lane's kept connection, a TypeORM query runner just released after a
 * first error) had none, and the whole process ended. Here every client always has one: the loss still
 * reaches whoever uses it, as the next query's rejection, and the pool drops the client on release.
 */
export class GuardedPgClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

/** Options for any pg pool the product makes (TypeORM's `extra` included): clients that cannot end the process. */
export const guardedPoolOptions = { Client: GuardedPgClient as unknown as new () => pg.ClientBase };

/** A pg pool whose lost connections, idle or checked out, never end the process. */
export function openPgPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool({ ...config, ...guardedPoolOptions });
  // An idle client losing its connection is reported here; the pool drops it and the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}
