import {
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  closeSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Presets, SingleBar } from 'cli-progress';
import { SqliteEventStore } from '#event-store';
import { EVENTS_FILE, MANIFEST, READ_FILE, quickCheck, sha256File, type BackupManifest } from './backup.command.js';
import { verifyCommand } from './verify.command.js';

export interface RestoreOptions {
  readonly dataDir: string;
  readonly from: string;
  /** Replace the log already in DATA_DIR (moved aside into DATA_DIR/replaced-<time>/, not deleted). */
  readonly force: boolean;
  readonly progress: boolean;
  readonly now?: () => Date;
}

export interface RestoreOutcome {
  /** 0 restored and verified; 1 the backup is damaged or its log broken (nothing changed); 2 refused. */
  readonly code: 0 | 1 | 2;
  readonly message: string;
  readonly checked?: number;
}

const RESTORABLE = new Set([EVENTS_FILE, READ_FILE]);
/** A SQLite file's companions: a stale WAL left beside a restored file would be replayed into it. */
const COMPANIONS = ['', '-wal', '-shm', '-journal'];

/**
 * Restores a `cpb backup` folder into DATA_DIR (SQLite): checks every file against the manifest's size
 * and SHA-256, copies them in under temporary names, verifies the copied log's hash chain and head
 * against the manifest, and only then moves them into place. Stop the api first.
 */
export async function restoreCommand(options: RestoreOptions): Promise<RestoreOutcome> {
  const started = Date.now();
  const from = resolve(options.from);
  const dataDir = resolve(options.dataDir);
  const read = readManifest(from);
  if (typeof read === 'string') return { code: 2, message: `REFUSED: ${read}` };
  const manifest = read;
  if (existsSync(join(dataDir, EVENTS_FILE)) && !options.force) {
    return {
      code: 2,
      message: `REFUSED: ${join(dataDir, EVENTS_FILE)} exists. Stop the api; --force moves the present files aside and restores.`,
    };
  }
  const bar = options.progress
    ? new SingleBar({ format: 'restoring {bar} {value}/{total} steps {step}' }, Presets.shades_classic)
    : undefined;
  bar?.start(manifest.files.length * 2, 0, { step: '' });
  const staged = (name: string): string => join(dataDir, `${name}.restoring`);
  const unstage = (): void => {
    for (const file of manifest.files)
      for (const suffix of COMPANIONS) rmSync(staged(file.name) + suffix, { force: true });
  };
  try {
    // 1. The backup is what the manifest says, before anything in DATA_DIR is touched.
    for (const file of manifest.files) {
      bar?.update({ step: `checking ${file.name}` });
      const damage = await damaged(join(from, file.name), file);
      if (damage) {
        bar?.stop();
        return { code: 1, message: `DAMAGED: ${file.name} ${damage}. Nothing was restored.` };
      }
      bar?.increment(1);
    }
    // 2. Copied in beside the present files, and checked again there.
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    unstage();
    for (const file of manifest.files) {
      bar?.update({ step: `copying ${file.name}` });
      copyFileSync(join(from, file.name), staged(file.name));
      syncFile(staged(file.name));
      const damage = await damaged(staged(file.name), file);
      if (damage) throw new Error(`the copy of ${file.name} in DATA_DIR ${damage}`);
      bar?.increment(1);
    }
    bar?.stop();
    for (const file of manifest.files) {
      const check = quickCheck(staged(file.name));
      if (check !== 'ok') {
        unstage();
        return {
          code: 1,
          message: `DAMAGED: ${file.name} fails SQLite's quick_check (${check}). Nothing was restored.`,
        };
      }
    }
    // The leases in the copy belong to processes that are gone: a restarted api would wait for them to expire.
    const leases = existsSync(staged(READ_FILE)) ? releaseLeases(staged(READ_FILE)) : 0;
    // 3. The copied log's hash chain, and its head as the manifest recorded it.
    const store = new SqliteEventStore({ filename: staged(EVENTS_FILE) });
    let verified;
    let head;
    try {
      verified = await verifyCommand(store, { progress: options.progress });
      head = (await store.headPosition()) ?? null;
    } finally {
      await store.close();
    }
    if (!verified.ok) {
      unstage();
      return { code: 1, message: `The backup's log is broken: ${verified.message}. Nothing was restored.` };
    }
    if (head !== manifest.head.position || verified.checked !== manifest.head.events) {
      unstage();
      return {
        code: 1,
        message: `The backup's log ends at ${head ?? '(empty)'} with ${verified.checked} events; its manifest says ${manifest.head.position ?? '(empty)'} with ${manifest.head.events}. Nothing was restored.`,
      };
    }
    // 4. Into place: the present files (and their WAL) aside, the staged copies renamed over.
    const aside = moveAside(dataDir, options.now?.() ?? new Date());
    for (const file of manifest.files) renameSync(staged(file.name), join(dataDir, file.name));
    return {
      code: 0,
      checked: verified.checked,
      message:
        `Restored ${manifest.files.map((f) => f.name).join(' and ')} into ${dataDir} from the backup of ${manifest.createdAt}: ` +
        `${verified.message}; head ${head ?? '(empty)'} as the manifest says` +
        `${leases ? `; ${leases} projection leases of the backed-up process released` : ''}. Took ${Date.now() - started} ms.` +
        (aside ? `\nThe files it replaced are in ${aside}.` : '') +
        `\nViews erased after ${manifest.createdAt} are readable again in the restored log: apply those erasures again.`,
    };
  } catch (error) {
    bar?.stop();
    unstage();
    return { code: 1, message: `FAILED: ${(error as Error).message}. Nothing was restored.` };
  }
}

/** Deletes the projection leases held in a restored read.db (by processes that no longer run). */
function releaseLeases(file: string): number {
  const db = new Database(file, { fileMustExist: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'projection_leases'").get();
    return table ? db.prepare('DELETE FROM projection_leases').run().changes : 0;
  } finally {
    db.close();
  }
}

function readManifest(from: string): BackupManifest | string {
  const file = join(from, MANIFEST);
  if (!existsSync(file)) return `${from} holds no ${MANIFEST}: not a cpb backup (or an unfinished one).`;
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as BackupManifest;
  } catch {
    return `${file} is not valid JSON.`;
  }
  if (manifest?.format !== 'cpb-backup/1') return `${file} is not a cpb-backup/1 manifest.`;
  if (manifest.eventStore !== 'sqlite') return `the backup is of a ${String(manifest.eventStore)} store, not SQLite.`;
  const names = (manifest.files ?? []).map((f) => f?.name);
  if (!names.includes(EVENTS_FILE)) return `the manifest lists no ${EVENTS_FILE}.`;
  const unknown = names.filter((name) => !RESTORABLE.has(name));
  if (unknown.length > 0 || new Set(names).size !== names.length) {
    return `the manifest lists files a backup never holds: ${JSON.stringify(names)}.`;
  }
  for (const f of manifest.files) {
    if (!Number.isSafeInteger(f.bytes) || !/^[0-9a-f]{64}$/.test(f.sha256))
      return `the manifest's entry for ${f.name} is malformed.`;
  }
  return manifest;
}

async function damaged(path: string, file: BackupManifest['files'][number]): Promise<string | undefined> {
  if (!existsSync(path)) return 'is missing';
  const bytes = statSync(path).size;
  if (bytes !== file.bytes) return `has ${bytes} bytes, the manifest says ${file.bytes}`;
  const sha256 = await sha256File(path);
  if (sha256 !== file.sha256) return `has SHA-256 ${sha256}, the manifest says ${file.sha256}`;
  return undefined;
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Moves DATA_DIR's present SQLite files (with their WAL and shared memory) into a folder of their own. */
function moveAside(dataDir: string, now: Date): string | undefined {
  const present = [EVENTS_FILE, READ_FILE].flatMap((name) =>
    COMPANIONS.map((suffix) => name + suffix).filter((file) => existsSync(join(dataDir, file))),
  );
  if (present.length === 0) return undefined;
  const aside = join(dataDir, `replaced-${now.toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(aside, { mode: 0o700 });
  for (const file of present) renameSync(join(dataDir, file), join(aside, file));
  return aside;
}
