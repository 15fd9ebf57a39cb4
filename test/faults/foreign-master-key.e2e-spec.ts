// Issue 17, item 5: "A process with another master key breaks the board." An api started with another
// master key (another DATA_DIR, so another generated key, on the same PostgreSQL) accepted a view; after
// that every correctly configured process stopped updating read models, and health and receipt checks
// answered 500. Against the compiled product, on SQLite and on PostgreSQL:
// - an api, a projector and `cpb projections` with another master key refuse to start (exit 2, a message
//   naming the setting and the store) and write nothing;
// - a store that already holds a view sealed under another key (as the incident left it): the api starts
//   (recording its key check value, with a warning counting the stray key), every projection carries on
//   past that view, health answers 200 with an "unreadable" count, and receipt checks answer 200 or 404;
//   re-wrapping the stray key (rotate-master-key from the other key to ours) and a rebuild recover it.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import {
  MasterKey,
  PostgresEventStore,
  PostgresSubjectKeyStore,
  ProtectedEventStore,
  SqliteEventStore,
  SqliteSubjectKeyStore,
  type EventStore,
  type SubjectKeyStore,
} from '#event-store';
import { PERSONAL_DATA_POLICY } from '../../apps/api/src/infrastructure/personal-data.js';
import { generateReceiptCode } from '../../libs/voice/src/domain/receipt/receipt-code.js';
import { startEmbeddedPostgres } from '../../libs/testing/src/postgres/global-setup.js';
import { killAllProcesses, runCli, startApi, startProjector, type RunningApi } from '../support/processes.js';
import { adminQuery, withDatabase } from './support/postgres.js';

const KEY = randomBytes(32).toString('base64');
const OTHER_KEY = randomBytes(32).toString('base64');
const REFUSAL = 'Refusing to start: the master key does not match the key store. Nothing was written.';

interface Backend {
  /** Settings for a process of this install; `dataDir` may differ between processes (PostgreSQL). */
  env(dataDir: string): Record<string, string>;
  /** Subject keys, events and key check values stored. */
  counts(): Promise<{ keys: number; events: number; checks: number }>;
  /** The stored log and key table, opened with a master key of the caller's (no start-up check). */
  open(master: MasterKey): Promise<{ store: EventStore; keys: SubjectKeyStore; close(): Promise<void> }>;
  /** Removes the key check value, as a store written before it existed. */
  forgetCheck(): Promise<void>;
}

function sqliteBackend(dir: string): Backend {
  const file = join(dir, 'events.db');
  return {
    env: () => ({ DATA_DIR: dir }),
    async counts() {
      const db = new Database(file, { readonly: true });
      try {
        const count = (table: string) => db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()!.n;
        return { keys: count('es_subject_keys'), events: count('es_events'), checks: count('es_master_key_check') };
      } finally {
        db.close();
      }
    },
    async open(master) {
      const store = new SqliteEventStore({ filename: file });
      return { store, keys: new SqliteSubjectKeyStore(store.db, master), close: () => store.close() };
    },
    async forgetCheck() {
      const db = new Database(file);
      try {
        db.prepare('DELETE FROM es_master_key_check').run();
      } finally {
        db.close();
      }
    },
  };
}

function postgresBackend(url: string): Backend {
  const query = async <T extends pg.QueryResultRow>(sql: string): Promise<T[]> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  };
  return {
    env: (dataDir) => ({ EVENT_STORE: 'postgres', DATABASE_URL: url, DATA_DIR: dataDir }),
    async counts() {
      const [row] = await query<{ keys: string; events: string; checks: string }>(
        `SELECT (SELECT count(*) FROM es_subject_keys) AS keys, (SELECT count(*) FROM es_events) AS events,
                (SELECT count(*) FROM es_master_key_check) AS checks`,
      );
      return { keys: Number(row!.keys), events: Number(row!.events), checks: Number(row!.checks) };
    },
    async open(master) {
      const store = await PostgresEventStore.connect({ connectionString: url });
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      return {
        store,
        keys: new PostgresSubjectKeyStore(pool, master),
        close: async () => {
          await store.close();
          await pool.end();
        },
      };
    },
    async forgetCheck() {
      await query('DELETE FROM es_master_key_check');
    },
  };
}

async function giveView(api: RunningApi, text: string): Promise<string> {
  const response = await fetch(`${api.url}/api/public/boards/northshire/views`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { receiptCode: string }).receiptCode;
}

async function checkCode(api: RunningApi, receiptCode: string): Promise<number> {
  const response = await fetch(`${api.url}/api/public/views/check`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ receiptCode }),
  });
  await response.text();
  return response.status;
}

/**
 * Expects the code's view to be found. When it is not, says what the api knew: the answer again a moment
 * later, the health of its projections and the end of its log (ids and counts only; never words).
 */
async function expectFound(api: RunningApi, receiptCode: string, label: string): Promise<void> {
  const status = await checkCode(api, receiptCode);
  if (status === 200) return;
  const health = await (await fetch(`${api.url}/api/health`)).text();
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const later = await checkCode(api, receiptCode);
  throw new Error(
    `${label}: the check answered ${status} (${later} 2 s later)\nhealth: ${health}\napi log:\n${api.output().slice(-6_000)}`,
  );
}

interface ProjectionHealth {
  lag: number;
  caughtUp: boolean;
  parked: number;
  unreadable: number;
}

interface HealthBody {
  status: string;
  details: { projections?: Record<string, ProjectionHealth | string> };
}

/** Each projection's entry of the health answer (the indicator's own "status" left out). */
function projectionsOf(body: HealthBody): Record<string, ProjectionHealth> {
  return Object.fromEntries(
    Object.entries(body.details.projections ?? {}).filter(
      (entry): entry is [string, ProjectionHealth] => typeof entry[1] === 'object',
    ),
  );
}

/** Health until every projection has caught up (answers the last body); throws on any 500. */
async function healthWhenCaughtUp(api: RunningApi, timeoutMs = 30_000): Promise<{ status: number; body: HealthBody }> {
  const deadline = Date.now() + timeoutMs;
  let last: { status: number; body: HealthBody } | undefined;
  while (Date.now() < deadline) {
    const response = await fetch(`${api.url}/api/health`);
    last = { status: response.status, body: (await response.json()) as HealthBody };
    if (response.status >= 500 && response.status !== 503) throw new Error(`health answered ${response.status}`);
    const projections = Object.values(projectionsOf(last.body));
    if (projections.length > 0 && projections.every((p) => p.caughtUp)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`projections did not catch up: ${JSON.stringify(last)}`);
}

/**
 * What the misconfigured process of the incident did, before there was a key check: a view of the same
 * shape as a real one, sealed under a subject key wrapped by another master key.
 */
async function sealViewElsewhere(backend: Backend): Promise<string> {
  const ours = await backend.open(MasterKey.fromBase64(KEY));
  let template;
  try {
    const reader = new ProtectedEventStore({ store: ours.store, keys: ours.keys, policy: PERSONAL_DATA_POLICY });
    [template] = await reader.readAll({ filter: { eventTypes: ['ContributionSubmitted'] }, maxCount: 1 });
  } finally {
    await ours.close();
  }
  const theirs = await backend.open(MasterKey.fromBase64(OTHER_KEY));
  const contributionId = randomUUID();
  try {
    const writer = new ProtectedEventStore({ store: theirs.store, keys: theirs.keys, policy: PERSONAL_DATA_POLICY });
    const data = template!.data as Record<string, unknown>;
    await writer.append(
      `contribution-${contributionId}`,
      [
        {
          type: template!.type,
          schemaVersion: template!.schemaVersion,
          data: {
            ...data,
            contributionId,
            authorPseudonym: randomUUID(),
            text: 'Synthetic words sealed under another master key.',
            receiptCodeHash: randomBytes(32).toString('hex'),
          },
          metadata: {
            ...template!.metadata,
            correlationId: randomUUID(),
            causationId: randomUUID(),
            commandId: randomUUID(),
          },
        },
      ],
      { expected: 'no_stream' },
    );
  } finally {
    await theirs.close();
  }
  return contributionId;
}

interface Fixture {
  /** A new, empty store of this kind. */
  backend(): Promise<Backend>;
  dispose(): Promise<void>;
}

const fixtures: Array<[string, () => Promise<Fixture>]> = [
  [
    'SQLite',
    async () => {
      const dirs: string[] = [];
      return {
        backend: async () => {
          const dir = mkdtempSync(join(tmpdir(), 'cpb-foreign-key-'));
          dirs.push(dir);
          return sqliteBackend(dir);
        },
        dispose: async () => {
          for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const server = await startEmbeddedPostgres();
      let n = 0;
      return {
        backend: async () => {
          const name = `cpb_foreign_key_${(n += 1)}`;
          await adminQuery(server.url, `CREATE DATABASE ${name}`);
          return postgresBackend(withDatabase(server.url, name));
        },
        dispose: () => server.stop(),
      };
    },
  ],
];

describe.each(fixtures)('a master key that is not the store’s, on %s', (label, setUp) => {
  let fixture: Fixture;
  const dataDirs: string[] = [];
  const dataDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'cpb-foreign-key-data-'));
    dataDirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    fixture = await setUp();
  }, 120_000);

  afterAll(async () => {
    await killAllProcesses();
    await fixture?.dispose();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('is refused at start-up by the api, the projector and the CLI, which write nothing', async () => {
    const backend = await fixture.backend();
    const ourDataDir = dataDir();
    const ours = { ...backend.env(ourDataDir), CPB_MASTER_KEY: KEY };
    const api = await startApi({ ...ours, DEMO_SEED: 'board' });
    const code = await giveView(api, 'Synthetic words given before the misconfigured process.');
    // The view, then its moderation deadline, which the api's subscription writes a moment later.
    const settled = Date.now() + 20_000;
    while ((await backend.counts()).events < 2 && Date.now() < settled) await new Promise((r) => setTimeout(r, 100));
    const before = await backend.counts();
    expect(before).toMatchObject({ checks: 1, events: 2 });

    // On PostgreSQL another DATA_DIR (the incident); on SQLite the same files with another key set.
    const theirs = { ...backend.env(label === 'PostgreSQL' ? dataDir() : ourDataDir), CPB_MASTER_KEY: OTHER_KEY };
    const refusedApi = await startApi(theirs, { timeoutMs: 30_000 }).then(
      () => undefined,
      (error: Error) => error.message,
    );
    expect(refusedApi).toMatch(/the api exited \(2\)/);
    expect(refusedApi).toContain(REFUSAL);
    expect(refusedApi).toContain('from CPB_MASTER_KEY');
    const projector = startProjector(theirs);
    expect(await projector.exited()).toBe(2);
    expect(projector.output()).toContain(REFUSAL);
    const cli = runCli(['projections'], theirs);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain(REFUSAL);
    expect(cli.stderr).toContain(label === 'PostgreSQL' ? '(DATABASE_URL)' : 'events.db');

    expect(await backend.counts()).toEqual(before);
    // The correctly configured api never noticed.
    const later = await giveView(api, 'Synthetic words given after the refusal.');
    expect(await checkCode(api, code)).toBe(200);
    expect(await checkCode(api, later)).toBe(200);
    expect((await healthWhenCaughtUp(api)).status).toBe(200);
    await api.stop();
    console.log(
      `foreign-master-key (${label})\n${JSON.stringify({ refused: ['api', 'projector', 'cli projections'], written: 0 })}\n${cli.stderr}`,
    );
  }, 180_000);

  it('leaves a store holding a view sealed under another key working: projections carry on, health 200, checks 200/404', async () => {
    const backend = await fixture.backend();
    const env = { ...backend.env(dataDir()), CPB_MASTER_KEY: KEY };
    const first = await startApi({ ...env, DEMO_SEED: 'board' });
    const before = await giveView(first, 'Synthetic words given before the stray view.');
    await first.stop();
    // The store as the incident left it: no key check value yet, one view sealed elsewhere.
    await backend.forgetCheck();
    await sealViewElsewhere(backend);

    const api = await startApi(env);
    // The check value is recorded, with a warning that counts the key it does not open.
    expect(api.output()).toMatch(/1 of the \d+ oldest subject keys do not open under this master key/);
    expect((await backend.counts()).checks).toBe(1);
    const after = await giveView(api, 'Synthetic words given after the stray view.');
    await expectFound(api, after, 'the view given after the stray one');
    await expectFound(api, before, 'the view given before it');
    expect(await checkCode(api, generateReceiptCode(randomBytes).code)).toBe(404);

    const health = await healthWhenCaughtUp(api);
    expect(health.status).toBe(200);
    const projections = projectionsOf(health.body);
    const unreadable = Object.entries(projections).filter(([, p]) => p.unreadable > 0);
    expect(unreadable.map(([name]) => name)).toContain('voice_contribution_receipts');
    expect(Object.values(projections).every((p) => p.parked === 0 && p.unreadable <= 1)).toBe(true);

    const status = runCli(['projections'], env);
    expect(status.code).toBe(0);
    expect(status.stdout.split('\n')[0]).toMatch(/parked\s+unreadable\s+state/);
    expect(status.stdout).toMatch(/voice_contribution_receipts\s+v\d+\s+current\s+0\s+0\s+1\s+caught up/);
    await api.stop();

    // Recovery, as docs/operations.md says: the stray key re-wrapped under the store's key (a rotation from
    // the other key to ours; the store's own keys are left as they are), then a read model rebuilt.
    const adopted = runCli(['rotate-master-key', '--yes'], {
      ...env,
      CPB_MASTER_KEY: OTHER_KEY,
      CPB_NEW_MASTER_KEY: KEY,
    });
    expect(adopted.stderr).toBe('');
    expect(adopted.code).toBe(0);
    expect(adopted.stdout).toMatch(/Subject keys re-wrapped: 1 \(already under the new key: [1-9]\d*\)/);
    const rebuilt = runCli(['projections', 'rebuild', 'voice_contribution_status'], env);
    expect(rebuilt.code).toBe(0);
    const recovered = runCli(['projections'], env);
    expect(recovered.stdout).toMatch(/voice_contribution_status\s+v2\s+current\s+0\s+0\s+0\s+caught up/);
    console.log(
      `foreign-master-key (${label})\n${JSON.stringify({
        projectionsWithUnreadableEvent: unreadable.length,
        projections: Object.keys(projections).length,
        unreadableAfterRecovery: 0,
      })}`,
    );
  }, 240_000);
});
