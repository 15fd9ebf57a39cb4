import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../adapters/sqlite/sqlite-event-store.js';
import { ofBoard } from './board-check.js';
import { BoardStreams } from './board-streams.js';
import { StreamOfAnotherTenant, type CommandContext } from './handle-command.js';
import { trackWrites, type WriteTrack } from './write-positions.js';
import { parsePosition, positionFrom } from '../port/envelope.js';

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

  describe('the positions a unit of work wrote (read your own writes)', () => {
    const at = (commandId: string) => ctx('north', commandId);

    it('keeps the furthest position written inside the track, however deep the await', async () => {
      const track: WriteTrack = { last: undefined };
      const positions = await trackWrites(track, async () => {
        const a = await streams.write(counter, 'c-1', add(1), at('a'), { id: 'c-1' });
        await new Promise((resolve) => setTimeout(resolve, 1));
        const b = await streams.write(counter, 'c-2', add(2), at('b'), { id: 'c-2' });
        return [a.position, b.position];
      });
      expect(positions[1]! > positions[0]!).toBe(true);
      expect(track.last).toBe(positions[1]);
    });

    it("notes a retry's first position, and nothing for a command that decided nothing", async () => {
      const first = await streams.write(counter, 'c-1', add(1), at('a'), { id: 'c-1' });
      await streams.write(counter, 'c-2', add(1), at('b'), { id: 'c-2' });
      const retry: WriteTrack = { last: undefined };
      await trackWrites(retry, () => streams.run(counter, 'c-1', add(1), at('a'), { id: 'c-1' }));
      expect(retry.last).toBe(first.position);

      const nothing: WriteTrack = { last: undefined };
      await trackWrites(nothing, () => streams.run(counter, 'c-1', add(0), at('c'), { id: 'c-1' }));
      expect(nothing.last).toBeUndefined();
    });

    it('keeps concurrent tracks apart', async () => {
      const one: WriteTrack = { last: undefined };
      const two: WriteTrack = { last: undefined };
      await Promise.all([
        trackWrites(one, () => streams.run(counter, 'c-1', add(1), at('a'), { id: 'c-1' })),
        trackWrites(two, () => streams.run(counter, 'c-2', add(1), at('b'), { id: 'c-2' })),
      ]);
      expect(one.last).toBeDefined();
      expect(two.last).toBeDefined();
      expect(one.last).not.toBe(two.last);
    });
  });
});

describe('parsePosition', () => {
  it('takes a position as the adapters write it, one part or two', () => {
    expect(parsePosition(positionFrom(42n))).toBe(positionFrom(42n));
    expect(parsePosition(positionFrom(7n, 3n))).toBe(positionFrom(7n, 3n));
  });

  it.each(['', '42', 'yesterday', `${positionFrom(1n)}:`, `${positionFrom(1n, 2n, 3n)}`, ` ${positionFrom(1n)}`])(
    'refuses %j',
    (text) => {
      expect(parsePosition(text)).toBeUndefined();
    },
  );
});
