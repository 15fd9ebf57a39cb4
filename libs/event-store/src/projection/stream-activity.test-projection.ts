// A small projection for the runner's tests and crash test. Deliberately not idempotent: it
// increments counters and numbers each stream's events, so applying an event twice (or skipping one)
// shows up as a difference against a clean rebuild.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { EventMetadata, NewEvent, RecordedEvent } from '../port/envelope.js';
import type { ColumnValue, Projection, ProjectionTx } from './projection.js';
import { liveTableName } from './projection-bookkeeping.js';
import { decodeRow } from './projection-schema.js';

export const ACTIVITY_PREFIX = 'acct-';
export const HANDLED_TYPES = ['AmountAdded', 'NoteTaken'] as const;

export interface StreamActivityOptions {
  readonly version?: number;
  /** Throw for these events (a poison event, or a flaky one when it returns true only sometimes). */
  readonly failOn?: (event: RecordedEvent) => boolean;
  /** Awaited before applying each event: lets a test hold a batch or a rebuild in flight. */
  readonly before?: (event: RecordedEvent, tx: ProjectionTx) => Promise<void>;
  /** Called on every apply attempt (including ones rolled back). */
  readonly onApply?: (event: RecordedEvent) => void;
}

export function streamActivityProjection(options: StreamActivityOptions = {}): Projection {
  return {
    name: 'stream_activity',
    version: options.version ?? 1,
    eventTypes: HANDLED_TYPES,
    streamPrefixes: [ACTIVITY_PREFIX],
    tables: [
      {
        name: 'activity_streams',
        columns: { stream: 'text', events: 'integer', total: 'integer', last_type: 'text', flagged: 'boolean' },
        primaryKey: ['stream'],
      },
      {
        name: 'activity_log',
        columns: {
          event_id: 'text',
          position: 'text',
          stream: 'text',
          seq: 'integer',
          amount: { type: 'integer', nullable: true },
          tags: { type: 'json', nullable: true },
        },
        // Keyed by the stream's own numbering, not the event id: an event applied twice adds a row.
        primaryKey: ['stream', 'seq'],
        indexes: [['event_id']],
      },
    ],
    async apply(event, tx) {
      options.onApply?.(event);
      await options.before?.(event, tx);
      const data = event.data as { amount?: number; note?: string; tags?: string[] };
      if (options.failOn?.(event)) throw new Error(`cannot apply note: ${data.note ?? ''}`);
      const key = { stream: event.stream };
      await tx.increment('activity_streams', key, 'events', 1, { total: 0, last_type: event.type, flagged: false });
      if (event.type === 'AmountAdded') await tx.increment('activity_streams', key, 'total', data.amount ?? 0);
      await tx.update('activity_streams', key, { last_type: event.type, flagged: (data.amount ?? 0) > 90 });
      const row = await tx.findOne('activity_streams', key);
      await tx.insert('activity_log', {
        event_id: event.id,
        position: event.position,
        stream: event.stream,
        seq: row!.events as number,
        amount: data.amount ?? null,
        tags: data.tags ?? null,
      });
    },
  };
}

/** Metadata of a test event (fresh ids each time). */
export const testMetadata = (): EventMetadata => ({
  tenantId: 'tenant-test',
  actor: { id: 'user-1', role: 'clerk' },
  onBehalfOf: null,
  correlationId: randomUUID(),
  causationId: randomUUID(),
  commandId: randomUUID(),
  recordedAt: '2026-01-05T10:00:00.000Z',
});

/** A pseudo-random mix of handled events, and events the projection must ignore (type or stream). */
export function activityEvent(seed: number): { stream: string; event: NewEvent } {
  const kind = seed % 7;
  if (kind === 5)
    return {
      stream: `other-${seed % 3}`,
      event: { type: 'AmountAdded', data: { amount: 1 }, metadata: testMetadata() },
    };
  if (kind === 6)
    return { stream: `${ACTIVITY_PREFIX}${seed % 11}`, event: { type: 'Ignored', data: {}, metadata: testMetadata() } };
  const stream = `${ACTIVITY_PREFIX}${(seed * 7919) % 11}`;
  if (kind % 2 === 0) {
    return {
      stream,
      event: {
        type: 'AmountAdded',
        data: { amount: (seed * 31) % 100, tags: ['a', String(seed % 4)] },
        metadata: testMetadata(),
      },
    };
  }
  return { stream, event: { type: 'NoteTaken', data: { note: `note ${seed}` }, metadata: testMetadata() } };
}

export interface ActivityTables {
  readonly streams: ReadonlyArray<Record<string, ColumnValue>>;
  readonly log: ReadonlyArray<Record<string, ColumnValue>>;
}

/** What the tables must hold after `events`, folded here independently of the runner. */
export function expectedActivity(
  events: readonly RecordedEvent[],
  skip: (event: RecordedEvent) => boolean = () => false,
): ActivityTables {
  const streams = new Map<
    string,
    { stream: string; events: number; total: number; last_type: string; flagged: boolean }
  >();
  const log: Record<string, ColumnValue>[] = [];
  for (const event of events) {
    if (!(HANDLED_TYPES as readonly string[]).includes(event.type) || !event.stream.startsWith(ACTIVITY_PREFIX))
      continue;
    if (skip(event)) continue;
    const data = event.data as { amount?: number; tags?: string[] };
    const row = streams.get(event.stream) ?? {
      stream: event.stream,
      events: 0,
      total: 0,
      last_type: event.type,
      flagged: false,
    };
    row.events += 1;
    if (event.type === 'AmountAdded') row.total += data.amount ?? 0;
    row.last_type = event.type;
    row.flagged = (data.amount ?? 0) > 90;
    streams.set(event.stream, row);
    log.push({
      event_id: event.id,
      position: event.position,
      stream: event.stream,
      seq: row.events,
      amount: data.amount ?? null,
      tags: data.tags ?? null,
    });
  }
  return { streams: sortBy([...streams.values()], 'stream'), log: sortBy(log, 'stream', 'seq') };
}

/** The live tables' rows, decoded, in a stable order. */
export async function readActivity(dataSource: DataSource): Promise<ActivityTables> {
  const projection = streamActivityProjection();
  const read = async (logical: string): Promise<Record<string, ColumnValue>[]> => {
    const table = projection.tables.find((t) => t.name === logical)!;
    const physical = await liveTableName(dataSource, projection.name, logical);
    const raw: Record<string, unknown>[] = await dataSource
      .createQueryBuilder()
      .select('*')
      .from(physical, 't')
      .getRawMany();
    return raw.map((row) => ({ ...decodeRow(table, row) }));
  };
  return {
    streams: sortBy(await read('activity_streams'), 'stream'),
    log: sortBy(await read('activity_log'), 'stream', 'seq'),
  };
}

/** Rows that differ between two snapshots (missing on either side or unequal), by key. */
export function diffActivity(a: ActivityTables, b: ActivityTables): string[] {
  return [
    ...diffRows('activity_streams', 'stream', a.streams, b.streams),
    ...diffRows('activity_log', 'event_id', a.log, b.log),
  ];
}

function diffRows(
  table: string,
  key: string,
  a: ReadonlyArray<Record<string, ColumnValue>>,
  b: ReadonlyArray<Record<string, ColumnValue>>,
): string[] {
  const byKey = (rows: ReadonlyArray<Record<string, ColumnValue>>) =>
    new Map(rows.map((row) => [String(row[key]), JSON.stringify(row)]));
  const left = byKey(a);
  const right = byKey(b);
  const differences: string[] = [];
  for (const id of new Set([...left.keys(), ...right.keys()])) {
    if (left.get(id) !== right.get(id))
      differences.push(`${table} ${id}: ${left.get(id) ?? '(missing)'} vs ${right.get(id) ?? '(missing)'}`);
  }
  return differences;
}

function sortBy<T extends Record<string, unknown>>(rows: T[], key: string, then?: string): T[] {
  const compare = (x: unknown, y: unknown): number =>
    typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
  return rows.sort((x, y) => compare(x[key], y[key]) || (then ? compare(x[then], y[then]) : 0));
}
