import pg from 'pg';
import { createTestDatabase } from '../../../../testing/src/postgres/test-database.js';
import { openPgPool } from './pg-pool.js';

// A server that goes while a client is checked out between statements (a restart, an administrator)
// must not end the process: the next statement fails instead, and the pool carries on.
describe('openPgPool (real PostgreSQL)', () => {
  let database: { url: string; drop: () => Promise<void> };
  let admin: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase('cpb_pool');
    admin = new pg.Client({ connectionString: database.url });
    admin.on('error', () => undefined);
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await database?.drop();
  });

  /** Terminates `client`'s backend and waits until the client has heard it. */
  async function terminate(client: pg.PoolClient): Promise<unknown[]> {
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const heard: unknown[] = [];
    const count = (error: unknown): void => void heard.push(error);
    client.on('error', count);
    await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
    while (heard.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    client.off('error', count);
    return heard;
  }

  it('keeps the process when a checked-out client loses its connection, and the next statement fails', async () => {
    const pool = openPgPool({ connectionString: database.url, max: 2 });
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const heard = await terminate(client);
      expect(heard[0]).toMatchObject({ code: '57P01' });
      // node-postgres then reports the closed socket as a second error, which is why a listener that a
      // user removes after the first (as TypeORM's query runner does) is not enough.
      await expect(client.query('SELECT 1')).rejects.toThrow(/not queryable/);
    } finally {
      client.release();
    }
    try {
      // The pool dropped the lost client and makes a new connection for the next caller.
      expect((await pool.query<{ n: number }>('SELECT 1 AS n')).rows[0]!.n).toBe(1);
    } finally {
      await pool.end();
    }
  });

  it('is needed: a plain pool reports the same loss as an unhandled error event', async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
    pool.on('error', () => undefined);
    const client = await pool.connect();
    try {
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      // The emit that ends a process without the guard: with no listener, EventEmitter throws it.
      const emitted = new Promise<number>((resolve) => {
        const original = client.emit.bind(client);
        client.emit = ((event: string, ...args: unknown[]) => {
          if (event === 'error') resolve(client.listenerCount('error'));
          return event === 'error' ? true : original(event, ...args);
        }) as typeof client.emit;
      });
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      expect(await emitted).toBe(0);
    } finally {
      client.release(true);
      await pool.end();
    }
  });
});
