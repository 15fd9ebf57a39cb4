import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../adapters/sqlite/sqlite-event-store.js';
import { ofBoard } from './board-check.js';
import { BoardStreams } from './board-streams.js';
import { StreamOfAnotherTenant, type CommandContext } from './handle-command.js';

type Cmd = { type: 'Add'; data: { n: number } };
type Ev = { type: 'Added'; data: { n: number } };
const counter = {
  initialState: () => ({ total: 0 }),
  evolve: (s: { total: number }, e: Ev) => ({ total: s.total + e.data.n }),
  decide: (c: Cmd): Ev[] => (c.data.n === 0 ? [] : [{ type: 'Added', data: { n: c.data.n } }]),
};
const add = (n: number): Cmd => ({ type: 'Add', data: { n } });
const ctx = (tenantId: string, commandId: string): CommandContext => ({
  tenantId,
  actor: { id: 'u1', role: 'clerk' },
  commandId,
  correlationId: commandId,
  now: '2026-01-01T00:00:00.000Z',
});
const missing = () => new Error('There is no such counter in your board.');

describe('BoardStreams, the one writer', () => {
  let dir: string;
  let store: SqliteEventStore;
  let streams: BoardStreams;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpb-bs-'));
    store = new SqliteEventStore({ filename: join(dir, 'e.db') });
    streams = new BoardStreams(store);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a command and answers the write: id, revision, events, and a retry as a duplicate', async () => {
    expect(await streams.run(counter, 'c-1', add(2), ctx('north', 'a'), { id: 'c-1' })).toEqual({
      id: 'c-1',
      revision: '0',
      duplicate: false,
      events: ['Added'],
    });
    const again = await streams.write(counter, 'c-1', add(2), ctx('north', 'a'), { id: 'c-1' });
    expect(again.result).toEqual({ id: 'c-1', revision: '0', duplicate: true, events: ['Added'] });
    expect(again.decided).toEqual([{ type: 'Added', data: { n: 2 }, schemaVersion: 1 }]);
    expect(again.position).not.toBeNull();
    expect(await streams.fold(counter, 'c-1', 'north')).toEqual({ total: 2 });
  });

  it('answers a command that decides nothing with no revision and no position', async () => {
    const written = await streams.write(counter, 'c-0', add(0), ctx('north', 'z'), { id: 'c-0' });
    expect(written).toEqual({
      result: { id: 'c-0', revision: null, duplicate: false, events: [] },
      decided: [],
      position: null,
    });
  });

  it('reads another board’s stream as absent, and never writes to it', async () => {
    await streams.run(counter, 'c-2', add(1), ctx('north', 'b'), { id: 'c-2' });
    expect(await streams.read('c-2', 'south')).toEqual([]);
    expect(await streams.fold(counter, 'c-2', 'south')).toEqual({ total: 0 });
    await expect(streams.load(counter, 'c-2', 'south', missing)).rejects.toThrow('There is no such counter');
    await expect(streams.run(counter, 'c-2', add(1), ctx('south', 'c'), { id: 'c-2' })).rejects.toBeInstanceOf(
      StreamOfAnotherTenant,
    );
    await expect(
      streams.run(counter, 'c-2', add(1), ctx('south', 'd'), { id: 'c-2', mustExist: missing }),
    ).rejects.toThrow('There is no such counter');
    expect((await store.readStream('c-2')).length).toBe(1);
  });

  it('refuses a write that needs the stream when it does not exist, and writes nothing', async () => {
    await expect(
      streams.run(counter, 'c-3', add(1), ctx('north', 'e'), { id: 'c-3', mustExist: missing }),
    ).rejects.toThrow('There is no such counter');
    await expect(streams.load(counter, 'c-3', 'north', missing)).rejects.toThrow('There is no such counter');
    expect(await store.readStream('c-3')).toEqual([]);
  });

  it('keeps a stream for the board of its first event (ofBoard, the one check)', async () => {
    await streams.run(counter, 'c-4', add(1), ctx('north', 'f'), { id: 'c-4' });
    const recorded = await store.readStream('c-4');
    expect(ofBoard(recorded, 'north')).toBe(recorded);
    expect(ofBoard(recorded, 'south')).toEqual([]);
    expect(ofBoard([], 'north')).toEqual([]);
  });
});
