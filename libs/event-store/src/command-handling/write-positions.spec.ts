import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../adapters/sqlite/sqlite-event-store.js';
import { parsePosition, positionFrom } from '../port/envelope.js';
import { BoardStreams } from './board-streams.js';
import type { CommandContext } from './handle-command.js';
import { trackWrites, type WriteTrack } from './write-positions.js';

type Cmd = { type: 'Add'; data: { n: number } };
type Ev = { type: 'Added'; data: { n: number } };
const counter = {
  initialState: () => ({ total: 0 }),
  evolve: (s: { total: number }, e: Ev) => ({ total: s.total + e.data.n }),
  decide: (c: Cmd): Ev[] => (c.data.n === 0 ? [] : [{ type: 'Added', data: { n: c.data.n } }]),
};
const add = (n: number): Cmd => ({ type: 'Add', data: { n } });
const ctx = (commandId: string): CommandContext => ({
  tenantId: 'north',
  actor: { id: 'u1', role: 'clerk' },
  commandId,
  correlationId: commandId,
  now: '2026-01-01T00:00:00.000Z',
});

describe('the positions a unit of work wrote', () => {
  let dir: string;
  let store: SqliteEventStore;
  let streams: BoardStreams;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpb-wp-'));
    store = new SqliteEventStore({ filename: join(dir, 'e.db') });
    streams = new BoardStreams(store);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the furthest position written inside the track, however deep the await', async () => {
    const track: WriteTrack = { last: undefined };
    const positions = await trackWrites(track, async () => {
      const a = await streams.write(counter, 'c-1', add(1), ctx('a'), { id: 'c-1' });
      await new Promise((resolve) => setTimeout(resolve, 1));
      const b = await streams.write(counter, 'c-2', add(2), ctx('b'), { id: 'c-2' });
      return [a.position, b.position];
    });
    expect(positions[1]! > positions[0]!).toBe(true);
    expect(track.last).toBe(positions[1]);
  });

  it("notes a retry's first position, and nothing for a command that decided nothing", async () => {
    const first = await streams.write(counter, 'c-1', add(1), ctx('a'), { id: 'c-1' });
    await streams.write(counter, 'c-2', add(1), ctx('b'), { id: 'c-2' });
    const retry: WriteTrack = { last: undefined };
    await trackWrites(retry, () => streams.run(counter, 'c-1', add(1), ctx('a'), { id: 'c-1' }));
    expect(retry.last).toBe(first.position);

    const nothing: WriteTrack = { last: undefined };
    await trackWrites(nothing, () => streams.run(counter, 'c-1', add(0), ctx('c'), { id: 'c-1' }));
    expect(nothing.last).toBeUndefined();
  });

  it('keeps tracks apart, and notes nothing outside one', async () => {
    const one: WriteTrack = { last: undefined };
    const two: WriteTrack = { last: undefined };
    await Promise.all([
      trackWrites(one, () => streams.run(counter, 'c-1', add(1), ctx('a'), { id: 'c-1' })),
      trackWrites(two, () => streams.run(counter, 'c-2', add(1), ctx('b'), { id: 'c-2' })),
    ]);
    expect(one.last).toBeDefined();
    expect(two.last).toBeDefined();
    expect(one.last).not.toBe(two.last);
    await expect(streams.run(counter, 'c-3', add(1), ctx('c'), { id: 'c-3' })).resolves.toBeDefined();
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
