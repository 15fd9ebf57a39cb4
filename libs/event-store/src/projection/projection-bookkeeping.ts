import type { DataSource, EntityManager } from 'typeorm';
import type { Position, UnreadableReason } from '../port/envelope.js';
import {
  CHECKPOINTS,
  decodeRow,
  LEASES,
  PARKED,
  physicalTableName,
  REGISTRY,
  UNREADABLE,
} from './projection-schema.js';
import type { RowOf } from './projection.js';

/** Thrown inside a batch when this runner no longer holds the lease, or another runner moved the checkpoint. */
export class ProjectionFenced extends Error {
  override readonly name = 'ProjectionFenced';
}

export interface RegistryRow {
  readonly liveVersion: number;
  readonly logicVersion: number;
}

export interface CheckpointRow {
  readonly version: number;
  readonly logicVersion: number;
  readonly position: Position | undefined;
}

export interface LeaseRow {
  readonly owner: string;
  readonly expiresAt: number;
}

type Db = EntityManager | DataSource;

/** Physical table the query side should read for a projection's logical table. */
export async function liveTableName(db: Db, projection: string, logicalTable: string): Promise<string> {
  const registry = await readRegistry(db, projection);
  if (!registry) throw new Error(`projection ${projection} has not been started on this database`);
  return physicalTableName(logicalTable, registry.liveVersion);
}

export async function readRegistry(db: Db, name: string): Promise<RegistryRow | undefined> {
  let raw: Record<string, unknown> | undefined;
  try {
    raw = await db
      .createQueryBuilder()
      .select('*')
      .from(REGISTRY.name, 'r')
      .where('name = :name', { name })
      .getRawOne<Record<string, unknown>>();
  } catch (error) {
    // No runner has started on this database yet (e.g. a separate projector not up): nothing is live.
    if (isMissingTable(error)) return undefined;
    throw error;
  }
  if (!raw) return undefined;
  const row = decodeRow(REGISTRY, raw);
  return { liveVersion: row.live_version, logicVersion: row.logic_version };
}

export async function insertRegistry(db: Db, name: string, row: RegistryRow, now: Date): Promise<void> {
  await db
    .createQueryBuilder()
    .insert()
    .into(REGISTRY.name)
    .values({ name, live_version: row.liveVersion, logic_version: row.logicVersion, updated_at: now.toISOString() })
    .execute();
}

export async function swapRegistry(db: Db, name: string, from: number, to: RegistryRow, now: Date): Promise<void> {
  const result = await db
    .createQueryBuilder()
    .update(REGISTRY.name)
    .set({ live_version: to.liveVersion, logic_version: to.logicVersion, updated_at: now.toISOString() })
    .where('name = :name AND live_version = :from', { name, from })
    .execute();
  if (result.affected !== 1) throw new ProjectionFenced(`projection ${name}: live version moved during the swap`);
}

export async function readCheckpoints(db: Db, name: string): Promise<CheckpointRow[]> {
  const rows = await db
    .createQueryBuilder()
    .select('*')
    .from(CHECKPOINTS.name, 'c')
    .where('name = :name', { name })
    .orderBy('version')
    .getRawMany<Record<string, unknown>>();
  return rows.map((raw) => {
    const row = decodeRow(CHECKPOINTS, raw);
    return {
      version: row.version,
      logicVersion: row.logic_version,
      position: row.position === null ? undefined : storedPosition(row.position),
    };
  });
}

export async function insertCheckpoint(
  db: Db,
  name: string,
  version: number,
  logicVersion: number,
  now: Date,
): Promise<void> {
  await db
    .createQueryBuilder()
    .insert()
    .into(CHECKPOINTS.name)
    .values({ name, version, logic_version: logicVersion, position: null, updated_at: now.toISOString() })
    .execute();
}

export async function deleteCheckpoint(db: Db, name: string, version: number): Promise<void> {
  await db
    .createQueryBuilder()
    .delete()
    .from(CHECKPOINTS.name)
    .where('name = :name AND version = :version', { name, version })
    .execute();
}

/** Compare-and-set: moves the checkpoint only from where this runner last left it. */
export async function advanceCheckpoint(
  db: Db,
  name: string,
  version: number,
  from: Position | undefined,
  to: Position,
  now: Date,
): Promise<void> {
  const query = db
    .createQueryBuilder()
    .update(CHECKPOINTS.name)
    .set({ position: to, updated_at: now.toISOString() })
    .where('name = :name AND version = :version', { name, version });
  if (from === undefined) query.andWhere('position IS NULL');
  else query.andWhere('position = :from', { from });
  const result = await query.execute();
  if (result.affected !== 1) throw new ProjectionFenced(`projection ${name} v${version}: checkpoint moved elsewhere`);
}

/**
 * Takes the lease if it is free, expired or already ours. The UPDATE comes first so that, on SQLite,
 * the transaction takes the write lock before reading (no lock upgrade, no deadlock between runners).
 */
export async function tryAcquireLease(manager: EntityManager, name: string, owner: string, now: number, ttlMs: number) {
  const taken = await manager
    .createQueryBuilder()
    .update(LEASES.name)
    .set({ owner, expires_at: now + ttlMs })
    .where('name = :name AND (owner = :owner OR expires_at < :now)', { name, owner, now })
    .execute();
  if (taken.affected === 1) return true;
  await manager
    .createQueryBuilder()
    .insert()
    .into(LEASES.name)
    .values({ name, owner, expires_at: now + ttlMs })
    .orIgnore()
    .execute();
  const lease = await readLease(manager, name);
  return lease?.owner === owner;
}

/** Extends our lease; throws `ProjectionFenced` when another runner holds it now. */
export async function renewLease(db: Db, name: string, owner: string, now: number, ttlMs: number): Promise<void> {
  const result = await db
    .createQueryBuilder()
    .update(LEASES.name)
    .set({ expires_at: now + ttlMs })
    .where('name = :name AND owner = :owner', { name, owner })
    .execute();
  if (result.affected !== 1) throw new ProjectionFenced(`projection ${name}: lease lost`);
}

export async function releaseLease(db: Db, name: string, owner: string): Promise<void> {
  await db
    .createQueryBuilder()
    .delete()
    .from(LEASES.name)
    .where('name = :name AND owner = :owner', { name, owner })
    .execute();
}

export async function readLease(db: Db, name: string): Promise<LeaseRow | undefined> {
  const raw = await db
    .createQueryBuilder()
    .select('*')
    .from(LEASES.name, 'l')
    .where('name = :name', { name })
    .getRawOne<Record<string, unknown>>();
  if (!raw) return undefined;
  const row = decodeRow(LEASES, raw);
  return { owner: row.owner, expiresAt: row.expires_at };
}

export interface ParkedEvent {
  readonly name: string;
  readonly version: number;
  readonly position: Position;
  readonly eventId: string;
  readonly eventType: string;
  readonly error: string;
  readonly attempts: number;
  readonly parkedAt: string;
}

export async function insertParked(db: Db, parked: ParkedEvent): Promise<void> {
  await db
    .createQueryBuilder()
    .insert()
    .into(PARKED.name)
    .values({
      name: parked.name,
      version: parked.version,
      position: parked.position,
      event_id: parked.eventId,
      event_type: parked.eventType,
      error: parked.error,
      attempts: parked.attempts,
      parked_at: parked.parkedAt,
    })
    .execute();
}

/** A projection's set-aside events (parked or unreadable), of one version or all, in log order. */
async function setAside<T extends typeof PARKED | typeof UNREADABLE>(
  db: Db,
  table: T,
  name: string,
  version?: number,
): Promise<RowOf<T>[]> {
  const query = db.createQueryBuilder().select('*').from(table.name, 't').where('name = :name', { name });
  if (version !== undefined) query.andWhere('version = :version', { version });
  const rows = await query.orderBy('position').getRawMany<Record<string, unknown>>();
  return rows.map((raw) => decodeRow(table, raw));
}

export async function listParked(db: Db, name: string, version?: number): Promise<ParkedEvent[]> {
  return (await setAside(db, PARKED, name, version)).map((row) => {
    return {
      name: row.name,
      version: row.version,
      position: storedPosition(row.position),
      eventId: row.event_id,
      eventType: row.event_type,
      error: row.error,
      attempts: row.attempts,
      parkedAt: row.parked_at,
    };
  });
}

export function countParked(db: Db, name: string, version: number): Promise<number> {
  return countFor(db, PARKED.name, name, version);
}

export function deleteParked(db: Db, name: string, version: number): Promise<void> {
  return deleteFor(db, PARKED.name, name, version);
}

// The parked and unreadable events of one version of a projection: counted, and cleared on rebuild and swap.
async function countFor(db: Db, table: string, name: string, version: number): Promise<number> {
  const row: { count: unknown } | undefined = await db
    .createQueryBuilder()
    .select('COUNT(*)', 'count')
    .from(table, 't')
    .where('name = :name AND version = :version', { name, version })
    .getRawOne();
  return Number(row?.count ?? 0);
}

async function deleteFor(db: Db, table: string, name: string, version: number): Promise<void> {
  await db
    .createQueryBuilder()
    .delete()
    .from(table)
    .where('name = :name AND version = :version', { name, version })
    .execute();
}

/** An event a projection applied although some of its personal data could not be opened. */
export interface UnreadableEvent {
  readonly name: string;
  readonly version: number;
  readonly position: Position;
  readonly eventId: string;
  readonly eventType: string;
  readonly reason: UnreadableReason;
  readonly recordedAt: string;
}

export async function insertUnreadable(db: Db, event: UnreadableEvent): Promise<void> {
  await db
    .createQueryBuilder()
    .insert()
    .into(UNREADABLE.name)
    .values({
      name: event.name,
      version: event.version,
      position: event.position,
      event_id: event.eventId,
      event_type: event.eventType,
      reason: event.reason,
      recorded_at: event.recordedAt,
    })
    .execute();
}

export async function listUnreadable(db: Db, name: string, version?: number): Promise<UnreadableEvent[]> {
  return (await setAside(db, UNREADABLE, name, version)).map((row) => {
    return {
      name: row.name,
      version: row.version,
      position: storedPosition(row.position),
      eventId: row.event_id,
      eventType: row.event_type,
      reason: row.reason as UnreadableReason,
      recordedAt: row.recorded_at,
    };
  });
}

export async function countUnreadable(db: Db, name: string, version: number): Promise<number> {
  try {
    return await countFor(db, UNREADABLE.name, name, version);
  } catch (error) {
    // Bookkeeping made by an older runner, before this table: nothing recorded yet.
    if (isMissingTable(error)) return 0;
    throw error;
  }
}

export function deleteUnreadable(db: Db, name: string, version: number): Promise<void> {
  return deleteFor(db, UNREADABLE.name, name, version);
}

/** A position read back: the bookkeeping stores only Positions (see positionFrom), as their text. */
function storedPosition(text: string): Position {
  return text as Position;
}

function isMissingTable(error: unknown): boolean {
  const e = error as { code?: string; message?: string; driverError?: { code?: string } };
  return e.code === '42P01' || e.driverError?.code === '42P01' || /no such table/i.test(e.message ?? '');
}
