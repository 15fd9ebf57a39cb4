import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '#event-store';
import { backupCommand, backupElsewhereMessage, sha256File, type BackupManifest } from './backup.command.js';
import { restoreCommand } from './restore.command.js';

const meta = (i: number) => ({
  tenantId: 't',
  actor: { id: 'u', role: 'clerk' },
  onBehalfOf: null,
  correlationId: `c${i}`,
  causationId: `c${i}`,
  commandId: `c${i}`,
  recordedAt: '2026-01-01T00:00:00.000Z',
});

// Read-write: closing the last connection removes its -wal and -shm (a read-only one leaves them).
const rows = (file: string, options: Database.Options = {}): unknown[] => {
  const db = new Database(file, { fileMustExist: true, ...options });
  try {
    return db.prepare('SELECT * FROM es_events ORDER BY position').all();
  } finally {
    db.close();
  }
};

describe('cpb backup and cpb restore (SQLite)', () => {
  let root: string;
  let dataDir: string;
  let store: SqliteEventStore;
  let readDb: Database.Database;

  const append = async (from: number, to: number): Promise<void> => {
    for (let i = from; i < to; i++) {
      await store.append(`meeting-${i % 4}`, [{ type: 'Thing', data: { i }, metadata: meta(i) }], { expected: 'any' });
    }
  };

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'cpb-backup-'));
    dataDir = join(root, 'data');
    mkdirSync(dataDir);
    // The api's own connections stay open throughout, as when it runs.
    store = new SqliteEventStore({ filename: join(dataDir, 'events.db') });
    readDb = new Database(join(dataDir, 'read.db'));
    readDb.pragma('journal_mode = WAL');
    readDb.exec('CREATE TABLE checkpoints (name TEXT PRIMARY KEY, position TEXT NOT NULL)');
    readDb.exec('CREATE TABLE projection_leases (name TEXT PRIMARY KEY, owner TEXT, expires_at INTEGER)');
    readDb
      .prepare('INSERT INTO projection_leases VALUES (?, ?, ?)')
      .run('board', 'the-running-api', Date.now() + 15_000);
    await append(0, 40);
    readDb.prepare('INSERT INTO checkpoints VALUES (?, ?)').run('board', String(await store.headPosition()));
    writeFileSync(join(dataDir, 'secrets.json'), '{}');
  });

  afterEach(async () => {
    await store.close();
    if (readDb.open) readDb.close();
    rmSync(root, { recursive: true, force: true });
  });

  const backup = (out: string) => backupCommand({ dataDir, out, progress: false });
  const restore = (into: string, from: string, force = false) =>
    restoreCommand({ dataDir: into, from, force, progress: false });

  it('copies both files while they are open and being written, with a manifest that describes the copies', async () => {
    const out = join(root, 'backup');
    const outcome = await backup(out);
    await append(40, 45); // after the copy: not in it
    expect(outcome.code).toBe(0);
    expect(outcome.message).toContain('Not copied: secrets.json');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as BackupManifest;
    expect(manifest).toMatchObject({ format: 'cpb-backup/1', eventStore: 'sqlite', head: { events: 40 } });
    expect(manifest.files.map((f) => f.name)).toEqual(['read.db', 'events.db']);
    for (const file of manifest.files) expect(await sha256File(join(out, file.name))).toBe(file.sha256);
    expect(readdirSync(out).sort()).toEqual(['events.db', 'manifest.json', 'read.db']);
    expect(rows(join(out, 'events.db'))).toEqual(rows(join(dataDir, 'events.db')).slice(0, 40));
    expect(manifest.head.position).toBe(String((await store.readAll({ maxCount: 40 }))[39]!.position));
  });

  it('refuses a folder that is not empty, and a DATA_DIR with no log', async () => {
    const out = join(root, 'full');
    mkdirSync(out);
    writeFileSync(join(out, 'something'), 'x');
    expect(await backup(out)).toMatchObject({ code: 2, message: expect.stringContaining('not empty') });
    const empty = join(root, 'empty');
    mkdirSync(empty);
    const outcome = await backupCommand({ dataDir: empty, out: join(root, 'b2'), progress: false });
    expect(outcome).toMatchObject({ code: 2, message: expect.stringContaining('no event log') });
    expect(existsSync(join(root, 'b2'))).toBe(false);
  });

  it('names the tools for the other stores', () => {
    expect(backupElsewhereMessage('postgres')).toContain('pg_dump');
    expect(backupElsewhereMessage('kurrentdb')).toContain('KurrentDB');
  });

  it('restores into an empty DATA_DIR and verifies the chain', async () => {
    const out = join(root, 'backup');
    expect((await backup(out)).code).toBe(0);
    const target = join(root, 'restored');
    const outcome = await restore(target, out);
    expect(outcome).toMatchObject({ code: 0, checked: 40 });
    expect(outcome.message).toContain('OK: 40 events, chain intact');
    expect(outcome.message).toContain('1 projection leases of the backed-up process released');
    expect(rows(join(target, 'events.db'))).toEqual(rows(join(dataDir, 'events.db')));
    const restoredRead = new Database(join(target, 'read.db'), { readonly: true });
    expect(restoredRead.prepare('SELECT * FROM checkpoints').all()).toHaveLength(1);
    // Held by the api that was running when the backup was taken: released, not waited for.
    expect(restoredRead.prepare('SELECT * FROM projection_leases').all()).toEqual([]);
    restoredRead.close();
    expect(readdirSync(target).sort()).toEqual(['events.db', 'read.db']);
  });

  it('refuses a DATA_DIR that holds a log; with --force moves it (and its WAL) aside, never replaying that WAL', async () => {
    const out = join(root, 'backup');
    expect((await backup(out)).code).toBe(0);
    // A crashed api's files: a log with frames still in its WAL (copied while the connection is open).
    const target = join(root, 'crashed');
    mkdirSync(target);
    store.db.pragma('wal_autocheckpoint = 0');
    await append(40, 60);
    for (const suffix of ['', '-wal'])
      copyFileSync(join(dataDir, `events.db${suffix}`), join(target, `events.db${suffix}`));
    // Read-only, so the WAL stays: its frames hold 20 more events.
    expect(rows(join(target, 'events.db'), { readonly: true })).toHaveLength(60);

    expect(await restore(target, out)).toMatchObject({ code: 2, message: expect.stringContaining('--force') });
    expect(rows(join(target, 'events.db'), { readonly: true })).toHaveLength(60);

    const outcome = await restore(target, out, true);
    expect(outcome.code).toBe(0);
    expect(rows(join(target, 'events.db'))).toHaveLength(40);
    expect(rows(join(target, 'events.db'))).toEqual(rows(join(dataDir, 'events.db')).slice(0, 40));
    const aside = readdirSync(target).filter((name) => name.startsWith('replaced-'));
    expect(aside).toHaveLength(1);
    expect(readdirSync(join(target, aside[0]!))).toEqual(expect.arrayContaining(['events.db', 'events.db-wal']));
  });

  it('finds a damaged copy and restores nothing', async () => {
    const out = join(root, 'backup');
    expect((await backup(out)).code).toBe(0);
    const file = join(out, 'events.db');
    const bytes = readFileSync(file);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
    writeFileSync(file, bytes);
    const target = join(root, 'restored');
    const outcome = await restore(target, out);
    expect(outcome).toMatchObject({ code: 1, message: expect.stringMatching(/^DAMAGED: events\.db has SHA-256/) });
    expect(existsSync(join(target, 'events.db'))).toBe(false);
  });

  it("refuses a backup whose log's chain is broken, or whose head is not the manifest's", async () => {
    store.db.prepare(`UPDATE es_events SET data = '{"i":999}' WHERE position = 7`).run();
    const out = join(root, 'backup');
    expect((await backup(out)).code).toBe(0);
    const target = join(root, 'restored');
    const broken = await restore(target, out);
    expect(broken).toMatchObject({ code: 1, message: expect.stringContaining('BROKEN after 6 good events') });
    expect(readdirSync(target)).toEqual([]);

    store.db.prepare(`UPDATE es_events SET data = '{"i":6}' WHERE position = 7`).run();
    const second = join(root, 'backup-2');
    expect((await backup(second)).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(second, 'manifest.json'), 'utf8')) as BackupManifest;
    writeFileSync(
      join(second, 'manifest.json'),
      JSON.stringify({ ...manifest, head: { ...manifest.head, events: 41 } }),
    );
    expect(await restore(target, second)).toMatchObject({ code: 1, message: expect.stringContaining('manifest says') });
    expect(readdirSync(target)).toEqual([]);
  });

  it('refuses a folder without a manifest', async () => {
    const out = join(root, 'nothing');
    mkdirSync(out);
    expect(await restore(join(root, 'x'), out)).toMatchObject({
      code: 2,
      message: expect.stringContaining('manifest'),
    });
  });
});
