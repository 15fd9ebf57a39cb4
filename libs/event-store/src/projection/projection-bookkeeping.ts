import type { DataSource, EntityManager } from 'typeorm';
import type { Position, UnreadableReason } from '../port/envelope.js';
import { physicalTableName } from './projection-schema.js';

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
  let row: { live_version: unknown; logic_version: unknown } | undefined;
  try {
    row = await db
      .createQueryBuilder()
      .select(['live_version', 'logic_version'])
      .from('projection_registry', 'r')
      .where('name = :name', { name })
      .getRawOne();
  } catch (error) {
    // No runner has started on this database yet (e.g. a separate projector not up): nothing is live.
    if (isMissingTable(error)) return undefined;
    throw error;
  }
  return row ? { liveVersion: Number(row.live_version), logicVersion: Number(row.logic_version) } : undefined;
}

export async function insertRegistry(db: Db, name: string, row: RegistryRow, now: Date): Promise<void> {
  await db
    .createQueryBuilder()
    .insert()
    .into('projection_registry')
    .values({ name, live_version: row.liveVersion, logic_version: row.logicVersion, updated_at: now.toISOString() })
    .execute();
}

export async function swapRegistry(db: Db, name: string, from: number, to: RegistryRow, now: Date): Promise<void> {
  const result = await db
    .createQueryBuilder()
    .update('projection_registry')
    .set({ live_version: to.liveVersion, logic_version: to.logicVersion, updated_at: now.toISOString() })
    .where('name = :name AND live_version = :from', { name, from })
    .execute();
  if (result.affected !== 1) throw new ProjectionFenced(`projection ${name}: live version moved during the swap`);
}

export async function readCheckpoints(db: Db, name: string): Promise<CheckpointRow[]> {
  const rows: Array<{ version: unknown; logic_version: unknown; position: string | null }> = await db
    .createQueryBuilder()
    .select(['version', 'logic_version', 'position'])
    .from('projection_checkpoints', 'c')
    .where('name = :name', { name })
    .orderBy('version')
    .getRawMany();
  return rows.map((row) => ({
    version: Number(row.version),
    logicVersion: Number(row.logic_version),
    position: (row.position ?? undefined) as Position | undefined,
  }));
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
    .into('projection_checkpoints')
    .values({ name, version, logic_version: logicVersion, position: null, updated_at: now.toISOString() })
    .execute();
}

export async function deleteCheckpoint(db: Db, name: string, version: number): Promise<void> {
  await db
    .createQueryBuilder()
    .delete()
    .from('projection_checkpoints')
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
    .update('projection_checkpoints')
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
    .update('projection_leases')
    .set({ owner, expires_at: now + ttlMs })
    .where('name = :name AND (owner = :owner OR expires_at < :now)', { name, owner, now })
    .execute();
  if (taken.affected === 1) return true;
  await manager
    .createQueryBuilder()
    .insert()
    .into('projection_leases')
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
    .update('projection_leases')
    .set({ expires_at: now + ttlMs })
    .where('name = :name AND owner = :owner', { name, owner })
    .execute();
  if (result.affected !== 1) throw new ProjectionFenced(`projection ${name}: lease lost`);
}

export async function releaseLease(db: Db, name: string, owner: string): Promise<void> {
  await db
    .createQueryBuilder()
    .delete()
    .from('projection_leases')
    .where('name = :name AND owner = :owner', { name, owner })
    .execute();
}

export async function readLease(db: Db, name: string): Promise<LeaseRow | undefined> {
  const row: { owner: string; expires_at: unknown } | undefined = await db
    .createQueryBuilder()
    .select(['owner', 'expires_at'])
    .from('projection_leases', 'l')
    .where('name = :name', { name })
    .getRawOne();
  return row ? { owner: row.owner, expiresAt: Number(row.expires_at) } : undefined;
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
    .into('projection_parked')
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

export async function listParked(db: Db, name: string, version?: number): Promise<ParkedEvent[]> {
  const query = db.createQueryBuilder().select('*').from('projection_parked', 'p').where('name = :name', { name });
  if (version !== undefined) query.andWhere('version = :version', { version });
  const rows: Array<Record<string, unknown>> = await query.orderBy('position').getRawMany();
  return rows.map((row) => ({
    name: String(row.name),
    version: Number(row.version),
    position: String(row.position) as Position,
    eventId: String(row.event_id),
    eventType: String(row.event_type),
    error: String(row.error),
    attempts: Number(row.attempts),
    parkedAt: String(row.parked_at),
  }));
}

export function countParked(db: Db, name: string, version: number): Promise<number> {
  return countFor(db, 'projection_parked', name, version);
}

export function deleteParked(db: Db, name: string, version: number): Promise<void> {
  return deleteFor(db, 'projection_parked', name, version);
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
    .into('projection_unreadable')
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
  const query = db.createQueryBuilder().select('*').from('projection_unreadable', 'u').where('name = :name', { name });
  if (version !== undefined) query.andWhere('version = :version', { version });
  const rows: Array<Record<string, unknown>> = await query.orderBy('position').getRawMany();
  return rows.map((row) => ({
    name: String(row.name),
    version: Number(row.version),
    position: String(row.position) as Position,
    eventId: String(row.event_id),
    eventType: String(row.event_type),
    reason: String(row.reason) as UnreadableReason,
    recordedAt: String(row.recorded_at),
  }));
}

export async function countUnreadable(db: Db, name: string, version: number): Promise<number> {
  try {
    return await countFor(db, 'projection_unreadable', name, version);
  } catch (error) {
    // Bookkeeping made by an older runner, before this table: nothing recorded yet.
    if (isMissingTable(error)) return 0;
    throw error;
  }
}

export function deleteUnreadable(db: Db, name: string, version: number): Promise<void> {
  return deleteFor(db, 'projection_unreadable', name, version);
}

function isMissingTable(error: unknown): boolean {
  const e = error as { code?: string; message?: string; driverError?: { code?: string } };
  return e.code === '42P01' || e.driverError?.code === '42P01' || /no such table/i.test(e.message ?? '');
}
