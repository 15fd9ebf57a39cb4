import pg from 'pg';
import { createTestDatabase } from './test-database.js';

it('gives each test a real, empty PostgreSQL 15 database', async () => {
  const db = await createTestDatabase();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
  await client.end();
  await db.drop();
  expect(Number(rows[0]!.v)).toBeGreaterThanOrEqual(150000);
});
