// Starts one real PostgreSQL server for the integration tests, unless DATABASE_URL points at one.
import { startEmbeddedPostgres } from './embedded-postgres.js';

export { freePort } from './embedded-postgres.js';

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
