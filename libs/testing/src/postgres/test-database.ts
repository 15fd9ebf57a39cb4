import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server the integration tests share (started by global-setup, or DATABASE_URL). */
export function testServerUrl(): string {
  const url = process.env.CPB_TEST_PG_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error('No PostgreSQL for tests: run through jest (global setup) or set DATABASE_URL');
  return url;
}

/** A fresh, empty database on the test server; `drop` removes it. */
export async function createTestDatabase(prefix = 'cpb'): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testServerUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: testServerUrl() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
