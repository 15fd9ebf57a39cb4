// Issue 17, item 5: an api started with another DATA_DIR (so another generated master key) on the same
// PostgreSQL wrote a subject key no other process could open. The start-up check refuses it, with a
// message that says which setting, which store and what to do, before anything is written.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { MasterKey } from '#event-store';
import { loadConfig, type AppConfig } from '#platform';
import { createTestDatabase } from '../../../../libs/testing/src/postgres/test-database.js';
import { openEventStore } from './event-store.factory.js';
import { checkMasterKey, MasterKeyRefused } from './master-key-check.js';
import { loadSecrets } from './secrets.js';

const refusedWith = async (work: Promise<unknown>): Promise<MasterKeyRefused> => {
  const outcome = await work.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(MasterKeyRefused);
  return outcome as MasterKeyRefused;
};

const keyIdOf = (config: AppConfig): string =>
  MasterKey.fromBase64(loadSecrets(config).masterKey.toString('base64')).id;

describe('the master key check at start-up', () => {
  const dirs: string[] = [];
  const dataDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'cpb-key-check-'));
    dirs.push(dir);
    return dir;
  };

  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  describe('on PostgreSQL, two DATA_DIRs (each with its own generated key)', () => {
    let database: { url: string; drop: () => Promise<void> };
    let db: pg.Client;

    beforeAll(async () => {
      database = await createTestDatabase('cpb_key_check');
      db = new pg.Client({ connectionString: database.url });
      await db.connect();
    });

    afterAll(async () => {
      await db.end();
      await database.drop();
    });

    const config = (dir: string): AppConfig =>
      loadConfig({ EVENT_STORE: 'postgres', DATABASE_URL: database.url, DATA_DIR: dir });
    const counts = async () => {
      const { rows } = await db.query<{ keys: string; checks: string }>(
        'SELECT (SELECT count(*) FROM es_subject_keys) AS keys, (SELECT count(*) FROM es_master_key_check) AS checks',
      );
      return rows[0];
    };

    it('lets the first process record its key, and refuses the second before it writes anything', async () => {
      const first = config(dataDir());
      const opened = await openEventStore(first, loadSecrets(first).masterKey);
      try {
        await opened.store.append(
          'probe-1',
          [
            {
              type: 'Probe',
              data: {},
              metadata: {
                tenantId: 't',
                actor: { id: 'a', role: 'admin' },
                onBehalfOf: null,
                correlationId: 'c',
                causationId: 'c',
                commandId: 'c',
                recordedAt: '2026-03-01T00:00:00Z',
              },
            },
          ],
          { expected: 'no_stream' },
        );
      } finally {
        await opened.close();
      }
      expect(await checkMasterKey(first)).toMatchObject({ recorded: false });
      const before = await counts();

      const otherDir = dataDir();
      const second = config(otherDir);
      const refused = await refusedWith(checkMasterKey(second));
      const secondId = keyIdOf(second);
      const firstId = keyIdOf(first);
      // Which setting, which store, what to do; key ids only, no password from DATABASE_URL.
      expect(refused.message).toContain('Refusing to start: the master key does not match the key store.');
      expect(refused.message).toContain(
        `${join(otherDir, 'secrets.json')} (generated there because CPB_MASTER_KEY is not set)`,
      );
      expect(refused.message).toMatch(/PostgreSQL database "cpb_key_check_[0-9a-f]+" on .+:\d+ \(DATABASE_URL\)/);
      expect(refused.message).toContain(`wrapped by the master key with id ${firstId}`);
      expect(refused.message).toContain(`master key id ${secondId}`);
      expect(refused.message).toContain('Set CPB_MASTER_KEY');
      const password = new URL(database.url).password;
      if (password) expect(refused.message).not.toContain(password);
      // The same refusal from the factory every process opens the store with.
      await refusedWith(openEventStore(second, loadSecrets(second).masterKey));
      expect(await counts()).toEqual(before);
    });
  });

  describe('on SQLite, one DATA_DIR and another CPB_MASTER_KEY', () => {
    it('refuses the second key, naming the file and the variable', async () => {
      const dir = dataDir();
      const key = (): string => randomBytes(32).toString('base64');
      const first = loadConfig({ DATA_DIR: dir, CPB_MASTER_KEY: key() });
      await (await openEventStore(first, loadSecrets(first).masterKey)).close();
      const second = loadConfig({ DATA_DIR: dir, CPB_MASTER_KEY: key() });
      const refused = await refusedWith(checkMasterKey(second));
      expect(refused.message).toContain(`the SQLite file ${join(dir, 'events.db')}`);
      expect(refused.message).toContain('from CPB_MASTER_KEY.');
      await refusedWith(openEventStore(second, loadSecrets(second).masterKey));
      expect(await checkMasterKey(first)).toMatchObject({ recorded: false });
    });
  });
});
