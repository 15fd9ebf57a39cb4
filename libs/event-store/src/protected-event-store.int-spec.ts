import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createTestDatabase } from '../../testing/src/postgres/test-database.js';
import { PostgresEventStore } from './adapters/postgres/postgres-event-store.js';
import { SqliteEventStore } from './adapters/sqlite/sqlite-event-store.js';
import { describeEventStoreConformance, testMetadata, untilVisible } from './conformance/event-store.conformance.js';
import { verifyChain } from './integrity/hash-chain.js';
import type { NewEvent, RecordedEvent } from './port/envelope.js';
import type { EventStore } from './port/event-store.port.js';
import { iterateAll } from './port/read-helpers.js';
import { MasterKey } from './personal-data/master-key.js';
import type { PersonalDataPolicy } from './personal-data/personal-data-policy.js';
import { PostgresSubjectKeyStore } from './personal-data/postgres-subject-key-store.js';
import { ERASED, UNREADABLE, type SealedValue } from './personal-data/sealed-value.js';
import { SqliteSubjectKeyStore } from './personal-data/sqlite-subject-key-store.js';
import type { SubjectKeyStore } from './personal-data/subject-key-store.port.js';
import { ProtectedEventStore } from './protected-event-store.js';
import { Upcasters } from './upcasting/upcasters.js';

interface ContributionSubmittedV1 {
  readonly contributionId: string;
  readonly authorId: string;
  readonly words: string;
  readonly author: { readonly name: string; readonly ageBand: string };
  readonly topic: string;
}

const policy: PersonalDataPolicy = {
  ContributionSubmitted: (data: ContributionSubmittedV1) => ({
    subject: data.authorId,
    paths: ['words', 'author.name'],
  }),
};

interface Backend {
  readonly raw: EventStore;
  readonly keys: SubjectKeyStore;
  /** Every stored event's data as the database holds it, as text. */
  storedText(): Promise<string>;
  /** SQLite only: the database file and its WAL, after a checkpoint. */
  fileBytes?(): Buffer;
  /** The stored wrapped key of a subject, if any. */
  wrappedKey(subject: string): Promise<Buffer | undefined>;
  /** The same key table under another master key (a misconfigured process, before the key check). */
  keysUnder(master: MasterKey): SubjectKeyStore;
  dispose(): Promise<void>;
}

async function sqliteBackend(master: MasterKey): Promise<Backend> {
  const dir = mkdtempSync(join(tmpdir(), 'cpb-protected-'));
  const file = join(dir, 'events.db');
  const raw = new SqliteEventStore({ filename: file });
  const keys = new SqliteSubjectKeyStore(raw.db, master);
  return {
    raw,
    keys,
    storedText: async () =>
      raw.db
        .prepare<[], { data: string }>('SELECT data FROM es_events ORDER BY position')
        .all()
        .map((r) => r.data)
        .join('\n'),
    fileBytes: () => {
      raw.db.pragma('wal_checkpoint(TRUNCATE)');
      const wal = `${file}-wal`;
      let bytes = readFileSync(file);
      try {
        bytes = Buffer.concat([bytes, readFileSync(wal)]);
      } catch {
        // no WAL file at the moment
      }
      return bytes;
    },
    wrappedKey: async (subject) =>
      raw.db
        .prepare<[string], { wrapped_key: Buffer }>('SELECT wrapped_key FROM es_subject_keys WHERE subject_id = ?')
        .get(subject)?.wrapped_key,
    keysUnder: (other) => new SqliteSubjectKeyStore(raw.db, other),
    dispose: async () => {
      await raw.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresBackend(master: MasterKey): Promise<Backend> {
  const database = await createTestDatabase('cpb_protected');
  const schema = 'cpb_es';
  const raw = await PostgresEventStore.connect({ connectionString: database.url, schema });
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  const keys = new PostgresSubjectKeyStore(pool, master, { schema });
  return {
    raw,
    keys,
    storedText: async () => {
      const { rows } = await pool.query<{ text: string | null }>(
        `SELECT string_agg(data::text, E'\\n') AS text FROM "${schema}".es_events`,
      );
      return rows[0]?.text ?? '';
    },
    wrappedKey: async (subject) => {
      const { rows } = await pool.query<{ wrapped_key: Buffer }>(
        `SELECT wrapped_key FROM "${schema}".es_subject_keys WHERE subject_id = $1`,
        [subject],
      );
      return rows[0]?.wrapped_key;
    },
    keysUnder: (other) => new PostgresSubjectKeyStore(pool, other, { schema }),
    dispose: async () => {
      await raw.close();
      await pool.end();
      await database.drop();
    },
  };
}

const contribution = (authorId: string, words: string, name: string): NewEvent<ContributionSubmittedV1> => ({
  type: 'ContributionSubmitted',
  data: { contributionId: `c-${randomUUID()}`, authorId, words, author: { name, ageBand: '14-15' }, topic: 'housing' },
  metadata: testMetadata({ actor: { id: authorId, role: 'young-person' } }),
});

describe.each([
  ['sqlite', sqliteBackend],
  ['postgres', postgresBackend],
] as const)('ProtectedEventStore over %s', (_name, makeBackend) => {
  let backend: Backend;
  let store: ProtectedEventStore;
  let keyLookups: number;

  beforeEach(async () => {
    backend = await makeBackend(MasterKey.generate());
    keyLookups = 0;
    const counting: SubjectKeyStore = {
      getOrCreate: (s) => backend.keys.getOrCreate(s),
      getMany: (s) => {
        keyLookups += 1;
        return backend.keys.getMany(s);
      },
      destroy: (s) => backend.keys.destroy(s),
    };
    store = new ProtectedEventStore({ store: backend.raw, keys: counting, policy });
  });

  afterEach(async () => backend.dispose());

  it('stores no plaintext, reads it back, and after erasure reads ERASED with the chain intact', async () => {
    const canary = `CANARY-${randomBytes(8).toString('hex')}`;
    const words = `Nobody told me my placement was ending. ${canary}`;
    const name = `Kai ${canary}-name`;
    const mine = contribution('yp-kai', words, name);
    const theirs = contribution('yp-ola', 'I liked the new youth worker', 'Ola Ade');
    await store.append('contribution-1', [mine], { expected: 'no_stream' });
    await store.append('contribution-2', [theirs], { expected: 'no_stream' });
    await store.append(
      'meeting-1',
      [{ type: 'MeetingScheduled', data: { at: '2026-03-01' }, metadata: testMetadata() }],
      {
        expected: 'no_stream',
      },
    );

    // Reads give plaintext, from both read paths.
    const [read] = await store.readStream('contribution-1');
    expect(read!.data).toEqual(mine.data);
    await untilVisible(store);
    const all = await store.readAll();
    expect(all.map((e) => e.data)).toEqual([mine.data, theirs.data, { at: '2026-03-01' }]);

    // What the adapter stored holds no plaintext of personal fields; non-personal fields are in clear.
    const rawText = JSON.stringify((await backend.raw.readAll()).map((e) => e.data));
    const stored = await backend.storedText();
    for (const text of [rawText, stored]) {
      expect(text).not.toContain(canary);
      expect(text).not.toContain('youth worker');
      expect(text).toContain(mine.data.contributionId);
      expect(text).toContain('"$pd"');
    }
    const storedBefore = await backend.raw.readAll();
    const wrapped = await backend.wrappedKey('yp-kai');
    expect(wrapped).toBeDefined();
    if (backend.fileBytes) {
      const bytes = backend.fileBytes();
      expect(bytes.includes(canary)).toBe(false);
      expect(bytes.includes(mine.data.contributionId)).toBe(true); // the search sees what is stored
      expect(bytes.includes(wrapped!)).toBe(true);
    }

    // Erasure: the key goes; reading yields the marker, never an exception; everything else stays.
    expect(await store.eraseSubject('yp-kai')).toBe(true);
    expect(await backend.wrappedKey('yp-kai')).toBeUndefined();
    const [erased] = await store.readStream('contribution-1');
    expect(erased!.data).toEqual({ ...mine.data, words: ERASED, author: { name: ERASED, ageBand: '14-15' } });
    const after = await store.readAll();
    expect(after[0]!.data).toEqual(erased!.data);
    expect(after[1]!.data).toEqual(theirs.data);
    expect(after[2]!.data).toEqual({ at: '2026-03-01' });

    // Nothing stored was rewritten, so the chain over what is stored still verifies.
    expect(await backend.raw.readAll()).toEqual(storedBefore);
    const report = await verifyChain(iterateAll(store.raw), store.raw.chainScope);
    expect(report).toMatchObject({ ok: true, checked: 3 });
    // ...and it must be checked on `raw`: opened data is not what was hashed.
    const overOpened = await verifyChain(iterateAll(store), store.chainScope);
    expect(overOpened.ok).toBe(false);

    if (backend.fileBytes) {
      const bytes = backend.fileBytes();
      expect(bytes.includes(canary)).toBe(false);
      expect(bytes.includes(wrapped!)).toBe(false); // secure_delete overwrote the destroyed key
      expect(bytes.includes(mine.data.contributionId)).toBe(true);
    }
  });

  it('looks keys up once per page read, and not at all for pages without personal data', async () => {
    for (let i = 0; i < 5; i += 1) {
      await store.append(`contribution-${i}`, [contribution(`yp-${i % 2}`, `words ${i}`, `name ${i}`)], {
        expected: 'no_stream',
      });
    }
    await store.append('meeting-1', [{ type: 'MeetingScheduled', data: { n: 1 }, metadata: testMetadata() }], {
      expected: 'any',
    });
    await untilVisible(store);
    keyLookups = 0;
    const pages: RecordedEvent[][] = [];
    let after: RecordedEvent['position'] | undefined;
    for (;;) {
      const page = await store.readAll({ after, maxCount: 2 });
      if (page.length === 0) break;
      pages.push(page);
      after = page[page.length - 1]!.position;
    }
    expect(pages.map((p) => p.length)).toEqual([2, 2, 2]);
    expect(keyLookups).toBe(3);
    expect(pages.flat().map((e) => (e.data as { words?: string }).words)).toEqual([
      'words 0',
      'words 1',
      'words 2',
      'words 3',
      'words 4',
      undefined,
    ]);
    keyLookups = 0;
    await store.readStream('meeting-1');
    expect(keyLookups).toBe(0);
  });

  it('returns the first result for a repeated idempotency key, writing nothing new', async () => {
    const event = contribution('yp-1', 'hello', 'Ash');
    const first = await store.append('c-1', [event], { expected: 'no_stream', idempotencyKey: 'cmd-1', result: 'ok' });
    const again = await store.append('c-1', [event], { expected: 'no_stream', idempotencyKey: 'cmd-1' });
    expect(again).toMatchObject({ duplicate: true, nextRevision: first.nextRevision, result: 'ok' });
    expect(await store.readStream('c-1')).toHaveLength(1);
  });

  it('upcasts after opening: upcasters see plaintext, or the marker once erased', async () => {
    const upcasters = new Upcasters().register('ContributionSubmitted', 1, (data) => {
      const { words, ...rest } = data as ContributionSubmittedV1;
      return { ...rest, said: words, channel: 'web' };
    });
    const upcasting = new ProtectedEventStore({ store: backend.raw, keys: backend.keys, policy, upcasters });
    const event = contribution('yp-9', 'I want to stay at my school', 'Bea');
    await upcasting.append('c-9', [event], { expected: 'no_stream' });

    const [read] = await upcasting.readStream('c-9');
    expect(read!.schemaVersion).toBe(2);
    expect(read!.data).toMatchObject({ said: 'I want to stay at my school', channel: 'web', topic: 'housing' });
    const [stored] = await upcasting.raw.readStream('c-9');
    expect(stored!.schemaVersion).toBe(1); // never rewritten

    await upcasting.eraseSubject('yp-9');
    const [erased] = await upcasting.readStream('c-9');
    expect(erased!.data).toMatchObject({ said: ERASED, author: { name: ERASED, ageBand: '14-15' } });
  });

  it('reads on past personal data it cannot open: a key another master key wrapped, a value altered', async () => {
    const ours = contribution('yp-ours', 'Words this process can open', 'Ada');
    await store.append('contribution-1', [ours], { expected: 'no_stream' });
    // A process with another master key (before there was a key check) sealed a view under a key of its own.
    const intruder = new ProtectedEventStore({
      store: backend.raw,
      keys: backend.keysUnder(MasterKey.generate()),
      policy,
    });
    const theirs = contribution('yp-theirs', 'Words sealed under another master key', 'Bo');
    await intruder.append('contribution-2', [theirs], { expected: 'no_stream' });
    // A stored value altered: its tag no longer authenticates.
    const [stored] = await backend.raw.readStream('contribution-1');
    const data = stored!.data as { words: SealedValue };
    const tag = Buffer.from(data.words.$pd.tag, 'base64');
    tag[0]! ^= 0x01;
    const altered = { ...data, words: { $pd: { ...data.words.$pd, tag: tag.toString('base64') } } };
    await backend.raw.append('contribution-3', [{ ...ours, data: altered }], { expected: 'no_stream' });
    const later = contribution('yp-ours', 'Later words', 'Ada');
    await store.append('contribution-4', [later], { expected: 'no_stream' });
    await untilVisible(store);

    const all = await store.readAll();
    expect(all.map((e) => e.unreadable)).toEqual([undefined, 'key', 'value', undefined]);
    expect('unreadable' in all[0]!).toBe(false);
    expect(all[0]!.data).toEqual(ours.data);
    expect(all[1]!.data).toEqual({ ...theirs.data, words: UNREADABLE, author: { name: UNREADABLE, ageBand: '14-15' } });
    expect(all[2]!.data).toEqual({ ...ours.data, words: UNREADABLE });
    expect(all[3]!.data).toEqual(later.data);
    const [alone] = await store.readStream('contribution-2');
    expect(alone!.unreadable).toBe('key');
    // Not erasure: the key is still there, for whoever holds the master key that wraps it.
    expect(await backend.wrappedKey('yp-theirs')).toBeDefined();
  });

  it('delegates the rest of the port to the adapter', async () => {
    expect(store.name).toBe(backend.raw.name);
    expect(store.chainScope).toBe(backend.raw.chainScope);
    await store.ping();
    expect(await store.headPosition()).toBeUndefined();
    const woke = store.waitForAppend(5_000);
    const result = await store.append('c-1', [contribution('yp-1', 'hi', 'Ash')], { expected: 'no_stream' });
    await woke;
    await untilVisible(store);
    expect(await store.headPosition()).toBe(result.position);
  });
});

// The decorator must be transparent to the whole port contract.
describeEventStoreConformance('protected(sqlite)', async () => {
  const backend = await sqliteBackend(MasterKey.generate());
  const store = new ProtectedEventStore({ store: backend.raw, keys: backend.keys, policy });
  return {
    store,
    seedHighWatermarks: (stream, revision, position) =>
      (backend.raw as SqliteEventStore).seedHighWatermarks(stream, revision, position),
    dispose: () => backend.dispose(),
  };
});
