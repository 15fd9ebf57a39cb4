import { createHash } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Presets, SingleBar } from 'cli-progress';
import { positionFrom } from '#event-store';

/** What `cpb backup` writes beside the copies; `cpb restore` checks the copies against it. */
export interface BackupManifest {
  readonly format: 'cpb-backup/1';
  readonly createdAt: string;
  readonly eventStore: 'sqlite';
  /** The log in the copy: its last position and hash (compare with a later `cpb verify` or bundle). */
  readonly head: { readonly position: string | null; readonly events: number; readonly lastHash: string | null };
  /** In the order they were copied: read.db first (see below), then events.db. */
  readonly files: readonly BackupFile[];
}

export interface BackupFile {
  readonly name: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface BackupOutcome {
  /** 0 written, 1 failed, 2 refused (nothing to back up, or the folder is not empty). */
  readonly code: 0 | 1 | 2;
  readonly message: string;
  readonly manifest?: BackupManifest;
}

export interface BackupOptions {
  readonly dataDir: string;
  readonly out: string;
  readonly progress: boolean;
  readonly now?: () => Date;
}

export const MANIFEST = 'manifest.json';
export const EVENTS_FILE = 'events.db';
export const READ_FILE = 'read.db';
/** Kept in DATA_DIR outside production; deliberately not copied (see the note the command prints). */
const SECRET_FILES = ['secrets.json', 'audit-signing-key.pem'];
// sqlite3_backup_step(n): copy this many pages in one step. All of them at once, so the copy is taken in
// one read transaction: a stepped copy restarts whenever another process (the running api) writes.
const ALL_PAGES = 0x7fffffff;

/** The answer for the stores the CLI cannot copy itself. */
export function backupElsewhereMessage(store: 'postgres' | 'kurrentdb'): string {
  return store === 'postgres'
    ? 'EVENT_STORE=postgres: back up the database with PostgreSQL\'s own tools, e.g. "pg_dump -Fc -f cpb.dump $DATABASE_URL", ' +
        'and restore with pg_restore (https://www.postgresql.org/docs/15/backup-dump.html). ' +
        'Events, subject keys and read models are all in that one database. Restore into a NEW server only after ' +
        "advancing its transaction ids past the old server's (pg_resetwal -x): event positions are transaction ids. " +
        'See docs/operations.md (Backups).'
    : 'EVENT_STORE=kurrentdb: back up KurrentDB with its own backup procedure (https://docs.kurrent.io/server/latest/operations/backup.html), ' +
        'and the subject keys with it: they are in PostgreSQL (pg_dump) when DATABASE_URL is set, else in DATA_DIR/keys.db. ' +
        'See docs/operations.md (Backups).';
}

/**
 * Copies DATA_DIR's SQLite files into `out` while the api may be running, through SQLite's online backup
 * API (each copy is one consistent snapshot), then writes a manifest with each file's size and SHA-256 and
 * the copied log's head. read.db is copied before events.db: its read models and their checkpoints then
 * never run ahead of the copied log, and after a restore the projections catch up from their checkpoints
 * (the other order could leave checkpoints past the copied head, and later events unprojected).
 * Files are written under temporary names and the manifest last: a folder without a manifest is no backup.
 */
export async function backupCommand(options: BackupOptions): Promise<BackupOutcome> {
  const started = Date.now();
  const dataDir = resolve(options.dataDir);
  const out = resolve(options.out);
  const events = join(dataDir, EVENTS_FILE);
  if (!existsSync(events)) return { code: 2, message: `REFUSED: no event log at ${events} (set DATA_DIR).` };
  if (out === dataDir) return { code: 2, message: 'REFUSED: --out must not be DATA_DIR.' };
  if (existsSync(out) && readdirSync(out).length > 0) {
    return { code: 2, message: `REFUSED: ${out} is not empty; back up into a new or empty folder.` };
  }
  mkdirSync(out, { recursive: true, mode: 0o700 });
  const names = [READ_FILE, EVENTS_FILE].filter((name) => existsSync(join(dataDir, name)));
  const bar = options.progress
    ? new SingleBar({ format: 'backing up {bar} {value}/{total} steps {step}' }, Presets.shades_classic)
    : undefined;
  bar?.start(names.length * 2, 0, { step: '' });
  const partial = (name: string): string => join(out, `${name}.partial`);
  try {
    const files: BackupFile[] = [];
    let head: BackupManifest['head'] = { position: null, events: 0, lastHash: null };
    for (const name of names) {
      bar?.update({ step: `copying ${name}` });
      await copyDatabase(join(dataDir, name), partial(name));
      bar?.increment(1, { step: `checking ${name}` });
      // One self-contained file (no -wal beside it); the api switches it back to WAL when it opens it.
      const check = quickCheck(partial(name), { journalMode: 'delete' });
      if (check !== 'ok') throw new Error(`the copy of ${name} fails SQLite's quick_check: ${check}`);
      if (name === EVENTS_FILE) head = logHead(partial(name));
      files.push({ name, bytes: statSync(partial(name)).size, sha256: await sha256File(partial(name)) });
      bar?.increment(1, { step: '' });
    }
    const manifest: BackupManifest = {
      format: 'cpb-backup/1',
      createdAt: (options.now?.() ?? new Date()).toISOString(),
      eventStore: 'sqlite',
      head,
      files,
    };
    for (const name of names) renameSync(partial(name), join(out, name));
    writeFileSync(join(out, `${MANIFEST}.partial`), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    renameSync(join(out, `${MANIFEST}.partial`), join(out, MANIFEST));
    bar?.stop();
    const left = SECRET_FILES.filter((name) => existsSync(join(dataDir, name)));
    const note =
      "\nThe young people's words in it are sealed under the master key in use now (CPB_MASTER_KEY), which is not copied: " +
      'keep that key, even after a rotation, for as long as the backup.' +
      (left.length ? `\nNot copied: ${left.join(', ')} (secrets kept in DATA_DIR): keep them safe elsewhere.` : '');
    const sizes = files.map((f) => `${f.name} ${f.bytes} bytes`).join(', ');
    return {
      code: 0,
      manifest,
      message:
        `Backed up ${dataDir} to ${out}: ${sizes}; log head ${head.position ?? '(empty)'} (${head.events} events) ` +
        `in ${Date.now() - started} ms.${note}`,
    };
  } catch (error) {
    bar?.stop();
    for (const name of names) rmSync(partial(name), { force: true });
    return { code: 1, message: `FAILED: ${(error as Error).message}. Nothing usable was written to ${out}.` };
  }
}

async function copyDatabase(source: string, target: string): Promise<void> {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(target, { progress: () => ALL_PAGES });
  } finally {
    db.close();
  }
}

/**
 * SQLite's quick_check of a file, optionally first setting its journal mode. Read-write on purpose: the
 * last connection to close then removes the -wal and -shm files (a read-only one leaves them behind).
 */
export function quickCheck(file: string, options: { journalMode?: 'delete' } = {}): string {
  const db = new Database(file, { fileMustExist: true });
  try {
    if (options.journalMode) db.pragma(`journal_mode = ${options.journalMode}`);
    const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
    return rows.map((row) => row.quick_check).join('; ');
  } finally {
    db.close();
  }
}

/** The last position and hash of a copied log, and how many events it holds. */
export function logHead(file: string): BackupManifest['head'] {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.defaultSafeIntegers(true);
    const last = db
      .prepare<[], { position: bigint; hash: string }>(
        'SELECT position, hash FROM es_events ORDER BY position DESC LIMIT 1',
      )
      .get();
    const count = db.prepare<[], { n: bigint }>('SELECT count(*) AS n FROM es_events').get()!.n;
    return { position: last ? positionFrom(last.position) : null, events: Number(count), lastHash: last?.hash ?? null };
  } finally {
    db.close();
  }
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
