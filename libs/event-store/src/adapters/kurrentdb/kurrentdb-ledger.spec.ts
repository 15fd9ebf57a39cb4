import { STORE_KEY, type RawRecordedEvent } from './kurrentdb-mapping.js';
import {
  addToHeads,
  isHiddenEvent,
  LEDGER_STREAM,
  ledgerEvent,
  parseLedgerEntry,
  streamProblem,
  type RecordedHead,
} from './kurrentdb-ledger.js';

const raw = (revision: bigint, hash: string, streamId = 's'): RawRecordedEvent => ({
  streamId,
  id: '00000000-0000-4000-8000-000000000000',
  revision,
  type: 'Thing',
  data: {},
  metadata: { [STORE_KEY]: { v: 1, hash, schemaVersion: 1 } },
});

describe('KurrentDB append ledger', () => {
  it('writes an entry it can read back, revisions beyond 2^53 exactly', () => {
    const entry = { stream: 'board-1', first: 2n ** 60n, last: 2n ** 60n + 2n, hash: 'ab'.repeat(32) };
    const event = ledgerEvent(entry, 'id-1');
    const readBack = parseLedgerEntry({ ...raw(0n, ''), streamId: LEDGER_STREAM, type: event.type, data: event.data });
    expect(readBack).toEqual(entry);
  });

  it('reads nothing from an event that is not an entry', () => {
    expect(parseLedgerEntry(raw(0n, 'h'))).toBeUndefined();
    expect(
      parseLedgerEntry({
        ...raw(0n, 'h'),
        type: 'AppendRecorded',
        data: { stream: 's', first: '-1', last: '1', hash: 'h' },
      }),
    ).toBeUndefined();
  });

  it('keeps the furthest head of each stream, whatever order entries land in', () => {
    const heads = new Map<string, RecordedHead>();
    addToHeads(heads, { stream: 'a', first: 3n, last: 4n, hash: 'h4' });
    addToHeads(heads, { stream: 'a', first: 0n, last: 2n, hash: 'h2' });
    expect(heads.get('a')).toEqual({ last: 4n, hash: 'h4' });
  });

  it('hides its own stream and KurrentDB system events from callers', () => {
    expect(isHiddenEvent({ streamId: LEDGER_STREAM, type: 'AppendRecorded' })).toBe(true);
    expect(isHiddenEvent({ streamId: '$settings', type: '$settings' })).toBe(true);
    expect(isHiddenEvent({ streamId: 'board-1', type: 'Thing' })).toBe(false);
  });

  it('names what happened to a stream that does not match its recorded head', () => {
    const head = { last: 2n, hash: 'h2' };
    expect(streamProblem(head, raw(0n, 'h0'), raw(2n, 'h2'))).toBeUndefined();
    expect(streamProblem(head, undefined, undefined)).toMatch(/^deleted/);
    expect(streamProblem(head, raw(1n, 'h1'), raw(2n, 'h2'))).toMatch(/^truncated/);
    expect(streamProblem(head, raw(0n, 'h0'), undefined)).toMatch(/^cut short/);
    expect(streamProblem(head, raw(0n, 'h0'), raw(2n, 'other'))).toMatch(/chain hash differs/);
  });
});
