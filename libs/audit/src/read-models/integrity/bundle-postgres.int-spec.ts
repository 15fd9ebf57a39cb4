import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PostgresEventStore, type EventMetadata } from '#event-store';
import { untilVisible } from '../../../../event-store/src/conformance/event-store.conformance.js';
import { createTestDatabase } from '../../../../testing/src/postgres/test-database.js';
import { writeBoardBundle, writeBundle } from './bundle-writer.js';
import { verifyBundle } from './bundle-verifier.js';
import { verifyLog } from './log-verification.js';
import { loadSigningKey, type AuditSigningKey } from './signing-key.js';

// The same export and checks over PostgreSQL (jsonb storage, transaction-id positions): a global chain.

const meta = (tenantId: string, i: number): EventMetadata => ({
  tenantId,
  actor: { id: 'u', role: 'clerk' },
  onBehalfOf: null,
  correlationId: `c${i}`,
  causationId: `c${i}`,
  commandId: `c${i}`,
  recordedAt: '2026-01-01T00:00:00.000Z',
});

describe('export bundles on PostgreSQL', () => {
  let db: { url: string; drop: () => Promise<void> };
  let store: PostgresEventStore;
  let dir: string;
  let key: AuditSigningKey;

  beforeAll(async () => {
    db = await createTestDatabase('audit');
    store = await PostgresEventStore.connect({ connectionString: db.url });
    dir = mkdtempSync(join(tmpdir(), 'cpb-bundle-pg-'));
    key = loadSigningKey({ dataDir: dir, production: false });
    for (let i = 0; i < 120; i++) {
      const tenant = i % 4 === 0 ? 'south' : 'north';
      await store.append(
        `meeting-${tenant}-${i % 7}`,
        [{ type: 'Thing', data: { i, nested: { b: 1, a: [1.5, 'x'] } }, metadata: meta(tenant, i) }],
        { expected: 'any' },
      );
    }
    // Another test file's open transaction on the same server can hide the last appends for a moment.
    await untilVisible(store);
  }, 60_000);

  afterAll(async () => {
    await store?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function bundle(tenantId?: string): Promise<string[]> {
    const lines: string[] = [];
    for await (const line of writeBundle(store, key, {
      tenantId,
      exportedAt: '2026-02-01T00:00:00.000Z',
      pageSize: 25,
    })) {
      lines.push(line);
    }
    return lines;
  }

  it('exports and verifies the whole log and one tenant', async () => {
    expect(store.chainScope).toBe('global');
    expect(await verifyBundle(await bundle(), key.publicKey)).toMatchObject({ ok: true, events: 120 });
    const north = await bundle('north');
    expect(north.join('\n')).not.toContain('meeting-south');
    expect(await verifyBundle(north, key.publicKey)).toMatchObject({ ok: true, events: 90 });
    // From the board index and the links between its events: the same bytes (the API's export, issue 21).
    const all = await store.readAll({ maxCount: 1000 });
    const head = all.at(-1)!;
    const fromIndex: string[] = [];
    for await (const line of writeBoardBundle(store, key, {
      tenantId: 'north',
      exportedAt: '2026-02-01T00:00:00.000Z',
      until: { position: head.position, hash: head.hash },
      events: all.length,
      pageSize: 25,
    })) {
      fromIndex.push(line);
    }
    expect(fromIndex).toEqual(north);
  });

  it('reports a changed row in the live log and will not sign it', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(
        `UPDATE ${store.schema}.es_events SET data = jsonb_set(data::jsonb, '{i}', '999')::json WHERE stream_id = 'meeting-north-3' AND revision = 2`,
      );
    } finally {
      await client.end();
    }
    const report = await verifyLog(store, 'north');
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({ stream: 'meeting-north-3', revision: '2' });
    await expect(bundle('north')).rejects.toThrow(/chain is broken/);
  });
});
