import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../adapters/sqlite/sqlite-event-store.js';
import {
  ConcurrencyConflict,
  handleCommand,
  IdempotencyKeyReused,
  StreamOfAnotherTenant,
  type CommandContext,
} from './handle-command.js';

type Cmd = { type: 'Add'; data: { n: number } };
type Ev = { type: 'Added'; data: { n: number } };
const counter = {
  initialState: () => ({ total: 0 }),
  evolve: (s: { total: number }, e: Ev) => ({ total: s.total + e.data.n }),
  decide: (c: Cmd, s: { total: number }): Ev[] => {
    if (s.total + c.data.n > 10) throw new Error('too much');
    return [{ type: 'Added', data: { n: c.data.n } }];
  },
};
const ctx = (commandId: string): CommandContext => ({
  tenantId: 't1',
  actor: { id: 'u1', role: 'clerk' },
  commandId,
  correlationId: commandId,
  now: '2026-01-01T00:00:00.000Z',
});

describe('handleCommand', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpb-hc-'));
    store = new SqliteEventStore({ filename: join(dir, 'e.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('folds, decides and appends with the envelope from the context', async () => {
    await handleCommand(store, counter, 'c-1', { type: 'Add', data: { n: 4 } }, ctx('a'));
    const result = await handleCommand(store, counter, 'c-1', { type: 'Add', data: { n: 5 } }, ctx('b'));
    expect(result.append?.nextRevision).toBe(1n);
    const events = await store.readStream('c-1');
    expect(events[1]!.metadata).toMatchObject({
      tenantId: 't1',
      commandId: 'b',
      causationId: 'b',
      actor: { id: 'u1' },
    });
    await expect(handleCommand(store, counter, 'c-1', { type: 'Add', data: { n: 5 } }, ctx('c'))).rejects.toThrow(
      'too much',
    );
  });

  it('answers a retried command as the first time, without deciding again', async () => {
    await handleCommand(store, counter, 'c-2', { type: 'Add', data: { n: 10 } }, ctx('same'));
    const again = await handleCommand(store, counter, 'c-2', { type: 'Add', data: { n: 10 } }, ctx('same'));
    expect(again.append?.duplicate).toBe(true);
    expect(again.events).toEqual([{ type: 'Added', data: { n: 10 }, schemaVersion: 1 }]);
    expect(await store.readStream('c-2')).toHaveLength(1);
  });

  it('answers the first result only to the same request: the same command id with another request is refused', async () => {
    const first = { ...ctx('keyed'), requestHash: 'request-one' };
    await handleCommand(store, counter, 'c-3', { type: 'Add', data: { n: 2 } }, first);
    const same = await handleCommand(store, counter, 'c-3', { type: 'Add', data: { n: 2 } }, first);
    expect(same.append?.duplicate).toBe(true);
    await expect(
      handleCommand(store, counter, 'c-3', { type: 'Add', data: { n: 3 } }, { ...first, requestHash: 'request-two' }),
    ).rejects.toThrow(IdempotencyKeyReused);
    await expect(handleCommand(store, counter, 'c-3', { type: 'Add', data: { n: 3 } }, ctx('keyed'))).rejects.toThrow(
      IdempotencyKeyReused,
    );
    expect(await store.readStream('c-3')).toHaveLength(1);
    expect((await store.readStream('c-3'))[0]!.metadata.requestHash).toBe('request-one');
  });

  it("refuses to touch another tenant's stream", async () => {
    await handleCommand(store, counter, 'c-4', { type: 'Add', data: { n: 1 } }, ctx('t1-cmd'));
    await expect(
      handleCommand(store, counter, 'c-4', { type: 'Add', data: { n: 1 } }, { ...ctx('t2-cmd'), tenantId: 't2' }),
    ).rejects.toBeInstanceOf(StreamOfAnotherTenant);
    expect(await store.readStream('c-4')).toHaveLength(1);
  });

  it('retries on a concurrent writer and gives up after the bound', async () => {
    const racing = {
      ...counter,
      decide: (c: Cmd, s: { total: number }): Ev[] => {
        // Another writer slips in between every read and append.
        void store.append('c-3', [{ type: 'Added', data: { n: 0 }, metadata: { ...metaOf('x') } }], {
          expected: 'any',
        });
        return counter.decide(c, s);
      },
    };
    await expect(
      handleCommand(store, racing, 'c-3', { type: 'Add', data: { n: 1 } }, ctx('r'), { maxAttempts: 3 }),
    ).rejects.toBeInstanceOf(ConcurrencyConflict);
  });
});

function metaOf(commandId: string) {
  return {
    tenantId: 't1',
    actor: { id: 'u2', role: 'clerk' },
    onBehalfOf: null,
    correlationId: commandId,
    causationId: commandId,
    commandId,
    recordedAt: '2026-01-01T00:00:00.000Z',
  };
}
