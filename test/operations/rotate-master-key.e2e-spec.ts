// Rotating the master key with the CLI, on a real data folder: a young person's words written under the
// old key are read from the log under the new one; the old key no longer opens any subject key; the
// rotation run again finds nothing left to do; a wrong current key is refused and changes nothing; the key
// check value moves with the keys, so a process still given the old key is refused at start-up.
// (Read models hold words already opened, so the log itself is read here, as a rebuild would.)
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MasterKey, ProtectedEventStore, SqliteEventStore, SqliteSubjectKeyStore } from '#event-store';
import { PERSONAL_DATA_POLICY } from '../../apps/api/src/infrastructure/personal-data.js';
import { killAllProcesses, runCli, signIn, startApi } from '../support/processes.js';

const OLD_KEY = randomBytes(32).toString('base64');
const NEW_KEY = randomBytes(32).toString('base64');
const WORDS = 'Synthetic words for the rotation test: my placement moved twice.';

describe('cpb rotate-master-key', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpb-rotate-'));
  });

  afterAll(async () => {
    await killAllProcesses();
    rmSync(dir, { recursive: true, force: true });
  });

  async function queuedWords(key: string): Promise<{ status: number; text: string }> {
    const api = await startApi({ DATA_DIR: dir, CPB_MASTER_KEY: key, DEMO_SEED: 'board' });
    try {
      const token = await signIn(api.url, 'moderator@northshire.example');
      const response = await fetch(`${api.url}/api/moderation/queue`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return { status: response.status, text: await response.text() };
    } finally {
      await api.stop();
    }
  }

  /** Whether the log, opened with this master key, gives back the young person's words. */
  async function wordsInLog(key: string): Promise<boolean> {
    const store = new SqliteEventStore({ filename: join(dir, 'events.db') });
    const keys = new SqliteSubjectKeyStore(store.db, MasterKey.fromBase64(key));
    const log = new ProtectedEventStore({ store, keys, policy: PERSONAL_DATA_POLICY });
    try {
      const events = await log.readAll({});
      return events.some((event) => JSON.stringify(event.data).includes(WORDS));
    } catch {
      return false;
    } finally {
      await log.close();
    }
  }

  it('re-wraps every subject key so the words stay readable under the new key only', async () => {
    const api = await startApi({ DATA_DIR: dir, CPB_MASTER_KEY: OLD_KEY, DEMO_SEED: 'board' });
    const given = await fetch(`${api.url}/api/public/boards/northshire/views`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: WORDS }),
    });
    expect(given.status).toBe(201);
    await api.stop();
    expect(await wordsInLog(OLD_KEY)).toBe(true);

    // Refused without --yes, and with a current key that is not the one in use: nothing changes.
    expect(
      runCli(['rotate-master-key'], { DATA_DIR: dir, CPB_MASTER_KEY: OLD_KEY, CPB_NEW_MASTER_KEY: NEW_KEY }).code,
    ).toBe(2);
    const wrong = runCli(['rotate-master-key', '--yes'], {
      DATA_DIR: dir,
      CPB_MASTER_KEY: randomBytes(32).toString('base64'),
      CPB_NEW_MASTER_KEY: NEW_KEY,
    });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(
      /Refusing to rotate: the key store was set up with neither key\. Nothing was changed\./,
    );
    expect(await wordsInLog(OLD_KEY)).toBe(true);

    const rotated = runCli(['rotate-master-key', '--yes'], {
      DATA_DIR: dir,
      CPB_MASTER_KEY: OLD_KEY,
      CPB_NEW_MASTER_KEY: NEW_KEY,
    });
    expect(rotated.stderr).toBe('');
    expect(rotated.code).toBe(0);
    const count = Number(/Subject keys re-wrapped: (\d+)/.exec(rotated.stdout)?.[1]);
    expect(count).toBeGreaterThan(0);

    expect(await wordsInLog(NEW_KEY)).toBe(true);
    expect(await wordsInLog(OLD_KEY)).toBe(false);
    // The key check value moved with the keys: a process with the old key is refused at start-up.
    const stale = runCli(['projections'], { DATA_DIR: dir, CPB_MASTER_KEY: OLD_KEY });
    expect(stale.code).toBe(2);
    expect(stale.stderr).toContain('Refusing to start: the master key does not match the key store.');
    // The api starts and serves the words under the new key.
    expect((await queuedWords(NEW_KEY)).text).toContain(WORDS);

    // Run again (as after a failure half-way): everything is already under the new key.
    const again = runCli(['rotate-master-key', '--yes'], {
      DATA_DIR: dir,
      CPB_MASTER_KEY: OLD_KEY,
      CPB_NEW_MASTER_KEY: NEW_KEY,
    });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Subject keys re-wrapped: 0 (already under the new key: ${count})`);
    console.log(`rotate-master-key\n${JSON.stringify({ subjectKeysRewrapped: count })}`);
  }, 180_000);
});
