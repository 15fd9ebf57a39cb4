// Reads a SQLite DATA_DIR's event log straight from the file (read-only, beside a running api): every row
// parsed as the store would, the hash chain checked with the library's verifier, sealed values' keys
// looked up, and SQLite's own integrity check.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { positionFrom, verifyChain, type ChainReport, type RecordedEvent } from '#event-store';

interface Row {
  position: bigint;
  stream_id: string;
  revision: bigint;
  event_id: string;
  type: string;
  schema_version: bigint;
  data: string;
  metadata: string;
  hash: string;
}

/** What is stored of one event, by the write (command id) that recorded it. */
export interface StoredEvent {
  readonly position: bigint;
  readonly stream: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: Record<string, unknown>;
}

export interface LogInspection {
  readonly events: number;
  /** Rows that do not parse as an event: what a torn write would leave. Position and reason only. */
  readonly torn: ReadonlyArray<{ position: string; reason: string }>;
  readonly chain: ChainReport;
  /** Sealed values whose subject has no key (every key is written before its first event). */
  readonly sealedWithoutKey: number;
  readonly byCommand: ReadonlyMap<string, readonly StoredEvent[]>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HASH = /^[0-9a-f]{64}$/;

function open(file: string): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

/** `PRAGMA integrity_check`: 'ok', or SQLite's findings joined. */
export function integrityCheck(file: string): string {
  const db = open(file);
  try {
    return (db.pragma('integrity_check') as Array<{ integrity_check: string }>)
      .map((row) => row.integrity_check)
      .join('; ');
  } finally {
    db.close();
  }
}

export function integrityOfDataDir(dataDir: string): { events: string; read: string } {
  return { events: integrityCheck(join(dataDir, 'events.db')), read: integrityCheck(join(dataDir, 'read.db')) };
}

function subjectsIn(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) subjectsIn(item, into);
  } else if (value !== null && typeof value === 'object') {
    const sealed = (value as { $pd?: { s?: unknown } }).$pd;
    if (sealed && typeof sealed.s === 'string') into.add(sealed.s);
    else for (const item of Object.values(value)) subjectsIn(item, into);
  }
}

/** Every row of `DATA_DIR/events.db`, in one read transaction. */
export async function inspectSqliteLog(dataDir: string): Promise<LogInspection> {
  const db = open(join(dataDir, 'events.db'));
  db.defaultSafeIntegers(true);
  try {
    const torn: Array<{ position: string; reason: string }> = [];
    const recorded: RecordedEvent[] = [];
    const byCommand = new Map<string, StoredEvent[]>();
    const subjects = new Set<string>();
    const read = db.transaction(() => ({
      rows: db.prepare<[], Row>('SELECT * FROM es_events ORDER BY position').all(),
      keys: new Set(
        db
          .prepare<[], { subject_id: string }>('SELECT subject_id FROM es_subject_keys')
          .all()
          .map((row) => row.subject_id),
      ),
    }));
    const { rows, keys } = read();
    for (const row of rows) {
      const position = String(row.position);
      let data: Record<string, unknown>;
      let metadata: { commandId?: unknown; tenantId?: unknown };
      try {
        data = JSON.parse(row.data) as Record<string, unknown>;
        metadata = JSON.parse(row.metadata) as typeof metadata;
      } catch {
        torn.push({ position, reason: 'data or metadata is not JSON' });
        continue;
      }
      const problems = [
        typeof row.stream_id === 'string' && row.stream_id.length > 0 ? '' : 'stream',
        typeof row.revision === 'bigint' && row.revision >= 0n ? '' : 'revision',
        UUID.test(row.event_id) ? '' : 'event id',
        typeof row.type === 'string' && row.type.length > 0 ? '' : 'type',
        HASH.test(row.hash) ? '' : 'hash',
        data !== null && typeof data === 'object' ? '' : 'data',
        typeof metadata?.commandId === 'string' && typeof metadata.tenantId === 'string' ? '' : 'metadata',
      ].filter(Boolean);
      if (problems.length > 0) {
        torn.push({ position, reason: `bad ${problems.join(', ')}` });
        continue;
      }
      subjectsIn(data, subjects);
      recorded.push({
        id: row.event_id,
        stream: row.stream_id,
        revision: row.revision,
        position: positionFrom(row.position),
        type: row.type,
        schemaVersion: Number(row.schema_version),
        data,
        metadata: metadata as RecordedEvent['metadata'],
        hash: row.hash,
      });
      const list = byCommand.get(metadata.commandId as string) ?? [];
      list.push({ position: row.position, stream: row.stream_id, revision: row.revision, type: row.type, data });
      byCommand.set(metadata.commandId as string, list);
    }
    const chain = await verifyChain(recorded, 'global');
    const sealedWithoutKey = [...subjects].filter((subject) => !keys.has(subject)).length;
    return { events: rows.length, torn, chain, sealedWithoutKey, byCommand };
  } finally {
    db.close();
  }
}

/**
 * A projection's checkpoint as committed in read.db, seen from outside the api (its own connection may
 * hold uncommitted work), and the position of the last event of `type` in the log.
 */
export function committedProgress(
  dataDir: string,
  projection: string,
  type: string,
): { checkpoint: bigint | null; lastOfType: bigint | null } {
  const read = open(join(dataDir, 'read.db'));
  const events = open(join(dataDir, 'events.db'));
  try {
    const row = read
      .prepare<[string], { position: string | null }>(
        `SELECT c.position FROM projection_checkpoints c JOIN projection_registry r
           ON r.name = c.name AND r.live_version = c.version WHERE c.name = ?`,
      )
      .get(projection);
    const last = events
      .prepare<[string], { position: number | bigint | null }>(
        'SELECT max(position) AS position FROM es_events WHERE type = ?',
      )
      .get(type);
    return {
      checkpoint: row?.position ? BigInt(row.position) : null,
      lastOfType: last?.position === null || last?.position === undefined ? null : BigInt(last.position),
    };
  } finally {
    read.close();
    events.close();
  }
}

/** Whether another connection can take read.db's write lock within `waitMs` ('held' if something keeps it). */
export function readDbWriteLock(dataDir: string, waitMs = 2000): 'free' | 'held' {
  const db = new Database(join(dataDir, 'read.db'), { fileMustExist: true });
  try {
    db.pragma(`busy_timeout = ${waitMs}`);
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');
    return 'free';
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return 'held';
    throw error;
  } finally {
    db.close();
  }
}
