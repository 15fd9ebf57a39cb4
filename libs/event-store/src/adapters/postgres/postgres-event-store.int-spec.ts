import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { createTestDatabase } from '../../../../testing/src/postgres/test-database.js';
import {
  anEvent,
  describeEventStoreConformance,
  testMetadata,
  untilVisible,
} from '../../conformance/event-store.conformance.js';
import { chainHash, contentDigest, GENESIS_HASH, verifyChain } from '../../integrity/hash-chain.js';
import type { NewEvent, RecordedEvent } from '../../port/envelope.js';
import { EventStoreUnavailable } from '../../port/errors.js';
import type { EventStore } from '../../port/event-store.port.js';
import { iterateAll } from '../../port/read-helpers.js';
import { CatchUpSubscription } from '../../subscription/catch-up-subscription.js';
import { PostgresEventStore } from './postgres-event-store.js';

// One database for the file, a fresh schema per test: much faster than CREATE DATABASE each time.
let db: { url: string; drop: () => Promise<void> };
let admin: pg.Client;
let current: PostgresEventStore;

beforeAll(async () => {
  db = await createTestDatabase('es');
  admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
});
afterAll(async () => {
  await admin?.end();
  await db?.drop();
});

async function rawClient(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  return client;
}

/** Calls es_append (or es_append_one) as another process would, inside whatever transaction `client` has open. */
function rawAppend(
  client: pg.Client,
  stream: string,
  event: NewEvent,
  fn: 'es_append' | 'es_append_one' = 'es_append',
): Promise<pg.QueryResult<{ answer: string[] }>> {
  const content = {
    id: event.id ?? randomUUID(),
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: event.metadata,
  };
  const values = [
    stream,
    content.id,
    content.type,
    1,
    JSON.stringify(content.data),
    JSON.stringify(content.metadata),
    contentDigest(content),
  ];
  const schema = `"${current.schema}"`;
  return fn === 'es_append'
    ? client.query(
        `SELECT ${schema}.es_append($1, 'any', NULL, NULL, $2::uuid[], $3::text[], $4::integer[], $5::text[], $6::text[], $7::text[]) AS answer`,
        [values[0], ...values.slice(1).map((v) => [v])],
      )
    : client.query(
        `SELECT ${schema}.es_append_one($1, 'any', NULL, NULL, $2::uuid, $3, $4::integer, $5::json, $6::json, $7) AS answer`,
        values,
      );
}

async function waitUntil(condition: () => Promise<boolean>, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The store, counting completed readAll calls, so a test can wait for a subscription to have looked. */
function watchReads(store: EventStore): { store: EventStore; reads: () => number } {
  let reads = 0;
  const watched = new Proxy(store, {
    get(target, property) {
      if (property === 'readAll') {
        return async (...args: Parameters<EventStore['readAll']>) => {
          const page = await target.readAll(...args);
          reads += 1;
          return page;
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: watched, reads: () => reads };
}

const types = (events: RecordedEvent[]): string[] => events.map((e) => e.type);

function postgresOnly(): void {
  describe('postgres only', () => {
    let store: PostgresEventStore;
    let ns: string;
    let filter: { streamPrefixes: string[] };
    beforeEach(() => {
      store = current;
      ns = `p${randomBytes(6).toString('hex')}`;
      filter = { streamPrefixes: [ns] };
    });

    it('hides an event from readers while a transaction holding an older xid is open', async () => {
      const first = await store.append(`${ns}-a`, [anEvent('A', { i: 0 })], { expected: 'no_stream' });
      const seen: number[] = [];
      const watched = watchReads(store);
      const sub = new CatchUpSubscription(watched.store, {
        filter,
        pollIntervalMs: 20,
        handle: async (events) => void seen.push(...events.map((e) => (e.data as { i: number }).i)),
      }).start();
      const raw = await rawClient();
      try {
        await untilVisible(store);
        await sub.caughtUp;
        await raw.query('BEGIN');
        await raw.query('SELECT pg_current_xact_id()');
        const b = await store.append(`${ns}-b`, [anEvent('B', { i: 1 })], { expected: 'no_stream' });

        expect(types(await store.readAll({ filter }))).toEqual(['A']);
        expect(await store.headPosition()).toBe(first.position);
        // Written and committed, yet out of sight: a reader can tell (ReceiptLookup waits on it).
        expect(await store.hasHiddenAppends()).toBe(true);
        // The subscription must neither deliver B nor count itself past it.
        let passedB = false;
        void sub.waitFor(b.position).then(() => (passedB = true));
        const mark = watched.reads();
        await waitUntil(async () => watched.reads() >= mark + 2, 'the subscription has read twice since B');
        expect(seen).toEqual([0]);
        expect(passedB).toBe(false);

        await raw.query('COMMIT');
        await untilVisible(store);
        expect(types(await store.readAll({ filter }))).toEqual(['A', 'B']);
        expect(await store.headPosition()).toBe(b.position);
        expect(await store.hasHiddenAppends()).toBe(false);
        await sub.waitFor(b.position);
        expect(seen).toEqual([0, 1]);
      } finally {
        await sub.stop();
        await raw.end();
      }
    });

    it('queues an append behind one held open; readers see neither until it commits, then both in chain order', async () => {
      const raw = await rawClient();
      try {
        await raw.query('BEGIN');
        const held = await rawAppend(raw, `${ns}-held`, anEvent('Held'));
        expect(held.rows[0]!.answer.slice(0, 2)).toEqual(['ok', '0']);

        let settled = false;
        const next = store
          .append(`${ns}-next`, [anEvent('Next')], { expected: 'no_stream' })
          .finally(() => (settled = true));
        await waitUntil(async () => {
          const { rows } = await admin.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database
             WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = current_database()`,
          );
          return rows[0]!.n === 1;
        }, 'the second append waits on the append lock');
        expect(settled).toBe(false);
        expect(await store.readAll({ filter })).toEqual([]);

        await raw.query('COMMIT');
        expect((await next).nextRevision).toBe(0n);
        await untilVisible(store);
        const all = await store.readAll({ filter });
        expect(types(all)).toEqual(['Held', 'Next']);
        expect(all[0]!.position < all[1]!.position).toBe(true);
        const report = await verifyChain(iterateAll(store), store.chainScope);
        expect(report).toMatchObject({ ok: true, checked: 2, lastHash: all[1]!.hash });
      } finally {
        await raw.end();
      }
    });

    it.each(['es_append', 'es_append_one'] as const)(
      'refuses to run %s in a transaction that already has an xid, or above READ COMMITTED',
      async (fn) => {
        const raw = await rawClient();
        try {
          await raw.query('BEGIN');
          await raw.query('SELECT pg_current_xact_id()');
          await expect(rawAppend(raw, `${ns}-late`, anEvent(), fn)).rejects.toThrow(/first write of its transaction/);
          await raw.query('ROLLBACK');
          await raw.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
          await expect(rawAppend(raw, `${ns}-late`, anEvent(), fn)).rejects.toThrow(/READ COMMITTED/);
          await raw.query('ROLLBACK');
          // Alone in its transaction it runs.
          expect((await rawAppend(raw, `${ns}-late`, anEvent('Alone'), fn)).rows[0]!.answer[0]).toBe('ok');
        } finally {
          await raw.end();
        }
        expect(types(await store.readStream(`${ns}-late`))).toEqual(['Alone']);
      },
    );

    it('chains with the same hash in SQL as in TypeScript, over unicode and \\u0000 content', async () => {
      const data = { text: 'Ÿ 🧒🏽 中文 עברית \u0000 nul \u2028', ключ: 'значение', n: [1.5, -0.25, 1e21] };
      const metadata = testMetadata({ actor: { id: 'ÿp-9 🧒', role: 'young-person' } });
      await store.append(`${ns}-u`, [{ type: 'Ünicode', data, metadata }, anEvent()], { expected: 'no_stream' });
      await store.append(`${ns}-v`, [anEvent('Zürich')], { expected: 'no_stream' });
      await untilVisible(store);
      const all = await store.readAll({ filter });
      expect(all[0]!.data).toEqual(data);
      expect(all[0]!.metadata).toEqual(metadata);
      let previous = GENESIS_HASH;
      for (const event of all) {
        expect(event.hash).toBe(chainHash(previous, event.stream, event.revision, contentDigest(event)));
        previous = event.hash;
      }
      expect(await verifyChain(iterateAll(store), store.chainScope)).toMatchObject({ ok: true, checked: 3 });
    });

    it('wakes a waiter in another process through LISTEN/NOTIFY', async () => {
      // A second store on the same schema stands for another process: it shares no in-process emitter.
      const other = await PostgresEventStore.connect({ connectionString: db.url, schema: store.schema });
      let timer: NodeJS.Timeout | undefined;
      try {
        await other.listen();
        const woke = other.waitForAppend(60_000).then(() => 'woke');
        await store.append(`${ns}-n`, [anEvent()], { expected: 'no_stream' });
        const late = new Promise((resolve) => (timer = setTimeout(() => resolve('timed out'), 5000)));
        expect(await Promise.race([woke, late])).toBe('woke');
      } finally {
        clearTimeout(timer);
        await other.close();
      }
    });

    it('keeps one verifiable chain in position order under concurrent appends to many streams', async () => {
      await Promise.all(
        Array.from({ length: 8 }, async (_, who) => {
          for (let k = 0; k < 10; k++) {
            await store.append(`${ns}-w${who}`, [anEvent('W', { who, k }), anEvent('W', { who, k, second: true })], {
              expected: k === 0 ? 'no_stream' : BigInt(2 * k - 1),
            });
          }
        }),
      );
      const all: RecordedEvent[] = [];
      for await (const event of iterateAll(store, { filter, pageSize: 7 })) all.push(event);
      expect(all).toHaveLength(160);
      const report = await verifyChain(all, store.chainScope);
      expect(report).toMatchObject({ ok: true, checked: 160 });
      expect(await store.headPosition()).toBe(all[159]!.position);
    }, 20_000);

    it('recovers after its connections are terminated, LISTEN included', async () => {
      const other = await PostgresEventStore.connect({ connectionString: db.url, schema: store.schema });
      let timer: NodeJS.Timeout | undefined;
      try {
        await store.listen();
        const wokeByLoss = store.waitForAppend(60_000);
        await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name LIKE 'cpb-event-store%'`,
        );
        // Waiters are woken when the listener goes: they may have missed a notification.
        await wokeByLoss;
        // The caller may retry an unavailable store; once is enough here.
        await store.ping().catch((error: unknown) => {
          expect(error).toBeInstanceOf(EventStoreUnavailable);
          return store.ping();
        });
        await store.listen();
        const woke = store.waitForAppend(60_000).then(() => 'woke');
        await other.append(`${ns}-after`, [anEvent()], { expected: 'no_stream' }).catch(async (error: unknown) => {
          expect(error).toBeInstanceOf(EventStoreUnavailable);
          return other.append(`${ns}-after`, [anEvent()], { expected: 'no_stream' });
        });
        const late = new Promise((resolve) => (timer = setTimeout(() => resolve('timed out'), 5000)));
        expect(await Promise.race([woke, late])).toBe('woke');
        await untilVisible(store);
        expect(types(await store.readAll({ filter }))).toEqual(['ThingHappened']);
      } finally {
        clearTimeout(timer);
        await other.close();
      }
    });

    it('reports an unreachable or closed database as EventStoreUnavailable', async () => {
      await expect(
        PostgresEventStore.connect({ connectionString: 'postgres://postgres:postgres@127.0.0.1:1/none' }),
      ).rejects.toBeInstanceOf(EventStoreUnavailable);
      const closed = await PostgresEventStore.connect({ connectionString: db.url, schema: store.schema });
      await closed.ping();
      await closed.close();
      await expect(closed.ping()).rejects.toBeInstanceOf(EventStoreUnavailable);
    });

    it('rejects an event id that is not a UUID and stores one given in upper case as read back', async () => {
      const upper = randomUUID().toUpperCase();
      await expect(
        store.append(`${ns}-id`, [{ ...anEvent(), id: 'not-a-uuid' }], { expected: 'any' }),
      ).rejects.toMatchObject({ name: 'InvalidAppend' });
      await store.append(`${ns}-id`, [{ ...anEvent(), id: upper }], { expected: 'no_stream' });
      const [read] = await store.readStream(`${ns}-id`);
      expect(read!.id).toBe(upper.toLowerCase());
      expect((await verifyChain(iterateAll(store), store.chainScope)).ok).toBe(true);
    });

    it('goes on appending after an append fails in the database (a repeated event id)', async () => {
      const event = { ...anEvent('First'), id: randomUUID() };
      await store.append(`${ns}-dup`, [event], { expected: 'no_stream' });
      await expect(store.append(`${ns}-other`, [event], { expected: 'no_stream' })).rejects.toMatchObject({
        code: '23505',
      });
      const next = await store.append(`${ns}-dup`, [anEvent('Second')], { expected: 0n });
      expect(next.nextRevision).toBe(1n);
      await untilVisible(store);
      expect(types(await store.readAll({ filter }))).toEqual(['First', 'Second']);
    });

    it('finishes an append in flight when closed, then refuses the next as unavailable', async () => {
      const other = await PostgresEventStore.connect({ connectionString: db.url, schema: store.schema });
      await other.append(`${ns}-c`, [anEvent('Warm')], { expected: 'no_stream' });
      const inFlight = other.append(`${ns}-c`, [anEvent('InFlight')], { expected: 0n });
      await other.close();
      expect((await inFlight).nextRevision).toBe(1n);
      await expect(other.append(`${ns}-c`, [anEvent()], { expected: 1n })).rejects.toBeInstanceOf(
        EventStoreUnavailable,
      );
    });

    it('keeps reads going with a pool of one while a connection is kept for appends', async () => {
      const small = await PostgresEventStore.connect({ connectionString: db.url, schema: store.schema, poolSize: 1 });
      try {
        // The first append takes the lane's connection for good; the read needs one more.
        await small.append(`${ns}-one`, [anEvent('Kept')], { expected: 'no_stream' });
        expect(types(await small.readStream(`${ns}-one`))).toEqual(['Kept']);
        expect((await small.append(`${ns}-one`, [anEvent('Next')], { expected: 0n })).nextRevision).toBe(1n);
        await untilVisible(small);
        expect(types(await small.readAll({ filter }))).toEqual(['Kept', 'Next']);
      } finally {
        await small.close();
      }
    });

    it('takes over a schema an earlier version made (stream table, set-returning es_append)', async () => {
      const schema = `old_${randomBytes(6).toString('hex')}`;
      await admin.query(`CREATE SCHEMA "${schema}"`);
      await admin.query(`CREATE TABLE "${schema}".es_streams (stream_id text PRIMARY KEY, revision bigint NOT NULL)`);
      await admin.query(`INSERT INTO "${schema}".es_streams VALUES ('${ns}-s', 41)`);
      await admin.query(`CREATE FUNCTION "${schema}".es_append(
          text, text, text, text, uuid[], text[], integer[], text[], text[], text[])
        RETURNS TABLE (o_status text) LANGUAGE sql AS $$ SELECT 'old'::text $$`);
      const upgraded = await PostgresEventStore.connect({ connectionString: db.url, schema });
      try {
        // Revisions come from the events themselves now; the stale table is gone.
        const first = await upgraded.append(`${ns}-s`, [anEvent(), anEvent()], { expected: 'no_stream' });
        expect(first.nextRevision).toBe(1n);
        const { rows } = await admin.query(`SELECT to_regclass('"${schema}".es_streams') AS t`);
        expect(rows[0].t).toBeNull();
      } finally {
        await upgraded.close();
        await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
      }
    });
  });
}

describeEventStoreConformance(
  'postgres',
  async () => {
    const schema = `es_${randomBytes(6).toString('hex')}`;
    const store = await PostgresEventStore.connect({ connectionString: db.url, schema });
    current = store;
    return {
      store,
      seedHighWatermarks: (stream, revision, position) => store.seedHighWatermarks(stream, revision, position),
      dispose: async () => {
        await store.close();
        await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
      },
    };
  },
  { extra: () => postgresOnly() },
);
