import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '#event-store';
import type { KurrentDbEventStore } from '../../../../libs/event-store/src/adapters/kurrentdb/kurrentdb-event-store.js';
import {
  connectToNewFake,
  type FakeKurrentDb,
} from '../../../../libs/event-store/src/adapters/kurrentdb/testing/fake-kurrentdb-server.js';
import { verifyCommand } from './verify.command.js';

const meta = (i: number) => ({
  tenantId: 't',
  actor: { id: 'u', role: 'clerk' },
  onBehalfOf: null,
  correlationId: `c${i}`,
  causationId: `c${i}`,
  commandId: `c${i}`,
  recordedAt: '2026-01-01T00:00:00.000Z',
});

describe('cpb verify', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpb-verify-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.db') });
    for (let i = 0; i < 30; i++) {
      await store.append(`meeting-${i % 3}`, [{ type: 'Thing', data: { i }, metadata: meta(i) }], { expected: 'any' });
    }
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports an intact chain', async () => {
    const outcome = await verifyCommand(store, { progress: false });
    expect(outcome).toMatchObject({ ok: true, checked: 30 });
  });

  it('reports the first changed event', async () => {
    store.db.prepare(`UPDATE es_events SET data = '{"i":999}' WHERE position = 12`).run();
    const outcome = await verifyCommand(store, { progress: false });
    expect(outcome.ok).toBe(false);
    expect(outcome.checked).toBe(11);
    expect(outcome.message).toContain('stream meeting-2 revision 3');
  });

  it('reports a deleted event', async () => {
    store.db.prepare('DELETE FROM es_events WHERE position = 20').run();
    const outcome = await verifyCommand(store, { progress: false });
    expect(outcome).toMatchObject({ ok: false, checked: 19 });
  });
});

// KurrentDB's chain is per stream: a stream deleted whole leaves every remaining chain intact, and only
// the adapter's ledger of appends shows it. Against the in-process fake server (no real KurrentDB here).
describe('cpb verify on KurrentDB (in-process fake server)', () => {
  let fake: FakeKurrentDb;
  let store: KurrentDbEventStore;
  let close: () => Promise<void>;
  beforeEach(async () => ({ fake, store, close } = await connectToNewFake()));
  afterEach(() => close());

  it('reports a deleted stream that every remaining chain passes', async () => {
    const victim = `meeting-${randomUUID()}`;
    for (let i = 0; i < 6; i++) {
      const stream = i % 2 ? victim : `meeting-kept`;
      await store.append(stream, [{ type: 'Thing', data: { i }, metadata: meta(i) }], { expected: 'any' });
    }
    expect(await verifyCommand(store, { progress: false })).toMatchObject({ ok: true, checked: 6 });
    fake.deleteStream(victim);
    const outcome = await verifyCommand(store, { progress: false });
    expect(outcome).toMatchObject({ ok: false, checked: 3 });
    expect(outcome.message).toContain(`stream ${victim}: deleted`);
  });
});
