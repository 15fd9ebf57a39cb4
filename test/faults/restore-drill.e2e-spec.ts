// Issue 8: a restore drill. Back up a running board, destroy it, restore, verify the hash chain, start
// the api again and find every write acknowledged before the backup; report how long each step took.
// (a) SQLite: `cpb backup` while the api runs and is being written to, DATA_DIR deleted, `cpb restore`,
// `cpb verify`. (b) PostgreSQL: `pg_dump -Fc` of a running board, the database dropped (or the whole
// server lost), `pg_restore`, `cpb verify` with EVENT_STORE=postgres. Then, in each, a new write: the
// restored log must take it at the end of its chain. FAULT_DRILL_WRITES sets how many writes come first.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../libs/testing/src/postgres/global-setup.js';
import { signIn, startApi, type RunningApi } from '../support/processes.js';
import type { BackupManifest } from '../../apps/cli/src/commands/backup.command.js';
import {
  BoardWriter,
  checkAcknowledged,
  checkReceipts,
  syntheticText,
  waitForProjections,
  type AckedWrite,
} from './support/board-writes.js';
import { runCliAsync } from './support/cli-async.js';
import { envInt, since } from './support/fault-env.js';
import { adminQuery, pgTool, postgresLog, runTool, withDatabase } from './support/postgres.js';
import { inspectSqliteLog, integrityOfDataDir } from './support/sqlite-log.js';
import { runStorm } from './support/storm.js';

const WRITES = envInt('FAULT_DRILL_WRITES', 60, { min: 1, max: 100_000 });
const RECEIPT_CHECKS = 10;

/** Writes `count` views and agenda items, `parallel` at a time; answers the acknowledged ones. */
async function writeMany(writer: BoardWriter, prefix: string, count: number, parallel = 8): Promise<AckedWrite[]> {
  const acked: AckedWrite[] = [];
  for (let start = 0; start < count; start += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - start) }, (_, j) => {
      const n = start + j;
      const key = `${prefix}-${n}`;
      return n % 3 === 2
        ? writer.addAgendaItem(writer.meetings[n % writer.meetings.length]!, key)
        : writer.giveView(key, syntheticText(n, 300));
    });
    for (const outcome of await Promise.all(batch)) {
      if (!outcome.acked) throw new Error(`a write before the backup was refused: ${outcome.status}`);
      acked.push(outcome.acked);
    }
  }
  return acked;
}

function sample<T>(items: readonly T[], size: number): T[] {
  const step = Math.max(1, Math.floor(items.length / size));
  return items.filter((_, i) => i % step === 0).slice(0, size);
}

describe('restore drill', () => {
  const started: RunningApi[] = [];
  const cleanups: Array<() => Promise<void> | void> = [];
  const api = async (env: Record<string, string>): Promise<{ api: RunningApi; ms: number }> => {
    const starting = performance.now();
    const running = await startApi(env);
    started.push(running);
    return { api: running, ms: since(starting) };
  };

  afterAll(async () => {
    for (const running of started) await running.kill();
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('SQLite: cpb backup while the api runs, DATA_DIR destroyed, cpb restore, cpb verify, everything back', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cpb-fault-drill-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const dataDir = join(root, 'data');
    const backupDir = join(root, 'backup');
    const env = { DATA_DIR: dataDir, DEMO_SEED: 'board' };

    const first = (await api(env)).api;
    const writer = await BoardWriter.prepare(first.url, { meetings: 3, prefix: 'drill-prep' });
    const before = await writeMany(writer, 'drill-before', WRITES);
    await waitForProjections(first.url);

    // The backup runs while writes keep arriving; only those acknowledged before it began must be in it.
    const backingUp = runCliAsync(['backup', '--out', backupDir], { DATA_DIR: dataDir });
    const during = await runStorm(writer, {
      concurrency: 4,
      random: Math.random,
      prefix: 'drill-during',
      until: backingUp,
    });
    const backup = await backingUp;
    expect(backup).toMatchObject({ code: 0, stdout: expect.stringContaining('Backed up') });
    const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8')) as BackupManifest;

    // The disaster: the process dies and its files are gone.
    await first.kill();
    rmSync(dataDir, { recursive: true, force: true });
    expect(existsSync(dataDir)).toBe(false);

    const restore = await runCliAsync(['restore', '--from', backupDir], { DATA_DIR: dataDir });
    expect(restore).toMatchObject({ code: 0, stdout: expect.stringContaining('chain intact') });
    const verify = await runCliAsync(['verify'], { DATA_DIR: dataDir });
    expect(verify).toMatchObject({ code: 0, stdout: expect.stringContaining(`OK: ${manifest.head.events} events`) });

    // The log as restored, before an api runs on it (its subscriptions then append derived events, such
    // as moderation deadlines for views backed up a moment before theirs were written).
    const restored = await inspectSqliteLog(dataDir);
    const { api: second, ms: startMs } = await api(env);
    const token = await signIn(second.url, 'clerk@northshire.example');
    expect(token).toBeTruthy();
    const presence = checkAcknowledged(before, restored.byCommand);
    const duringFound = checkAcknowledged(during.acked, restored.byCommand).found;
    // The restored board takes new writes at the end of its chain, and the read side catches up.
    writer.moveTo(second.url);
    await writer.signInAgain();
    const afterRestore = await writeMany(writer, 'drill-after', 6, 3);
    const projections = await waitForProjections(second.url, 45_000);
    const views = before.filter((w) => w.receiptCode);
    const receipts = await checkReceipts(
      second.url,
      sample(views, RECEIPT_CHECKS).map((w) => w.receiptCode!),
    );
    const final = await inspectSqliteLog(dataDir);
    const integrity = integrityOfDataDir(dataDir);
    const figures = {
      test: 'restore-drill (SQLite)',
      acknowledgedBeforeBackup: before.length,
      acknowledgedDuringBackup: during.acked.length,
      duringBackupInIt: duringFound,
      backupMs: backup.ms,
      backupFiles: Object.fromEntries(manifest.files.map((f) => [f.name, f.bytes])),
      backupHead: { events: manifest.head.events, position: manifest.head.position },
      restoreMs: restore.ms,
      verifyMs: verify.ms,
      apiStartMs: startMs,
      found: presence.found,
      lost: presence.lost.length,
      torn: restored.torn.length + presence.mismatched.length,
      signIn: 'ok',
      writesAfterRestore: afterRestore.length,
      eventsAfter: final.events,
      chainAfter: final.chain.ok ? 'ok' : 'BROKEN',
      projectionsCaughtUpMs: projections.ms,
      receipts: `${receipts.ok}/${receipts.checked}`,
      integrity,
    };
    console.log(`restore-drill ${JSON.stringify(figures)}`);
    await second.stop();
    expect(restored.events).toBe(manifest.head.events);
    expect(presence.lost.map((w) => w.key)).toEqual([]);
    expect(presence.mismatched).toEqual([]);
    expect(restored.torn).toEqual([]);
    expect(final.chain).toMatchObject({ ok: true, checked: final.events });
    expect(checkAcknowledged(afterRestore, final.byCommand).found).toBe(afterRestore.length);
    expect(receipts.failures).toEqual([]);
    expect(projections.parked).toBe(0);
    expect(integrity).toEqual({ events: 'ok', read: 'ok' });
  }, 180_000);

  describe('PostgreSQL: pg_dump -Fc of a running board', () => {
    const pgDump = pgTool('pg_dump');
    const pgRestore = pgTool('pg_restore');
    if (!pgDump || !pgRestore) {
      it('GAP: not run: no PostgreSQL 15 pg_dump and pg_restore (/usr/lib/postgresql/15/bin)', () => undefined);
      return;
    }
    let dataDir: string;
    let dump: string;
    let source: { url: string; stop: () => Promise<void> } | undefined;
    let before: AckedWrite[] = [];
    let eventsDumped = 0;
    let eventsAtStop = 0;
    let dumpMs = 0;
    const env = (url: string) => ({
      EVENT_STORE: 'postgres',
      DATABASE_URL: url,
      DATA_DIR: dataDir,
      DEMO_SEED: 'board',
    });

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'cpb-fault-drill-pg-'));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      dump = join(dataDir, 'cpb.dump');
      source = await startEmbeddedPostgres();
      cleanups.push(async () => {
        await source?.stop().catch(() => undefined);
      });
      await adminQuery(source.url, 'CREATE DATABASE cpb_drill');
      const url = withDatabase(source.url, 'cpb_drill');
      const { api: first } = await api(env(url));
      const writer = await BoardWriter.prepare(first.url, { meetings: 3, prefix: 'pg-drill-prep' });
      before = await writeMany(writer, 'pg-drill-before', WRITES);
      // Taken while the api runs: pg_dump reads one consistent snapshot. The api's subscriptions may
      // append derived events (moderation deadlines) meanwhile, so the snapshot holds at least every event
      // there before the dump began and at most every event there when the api stopped.
      eventsDumped = (await postgresLog(url)).events;
      const dumped = await runTool(pgDump, ['-Fc', '-f', dump, '-d', url]);
      if (dumped.code !== 0) throw new Error(`pg_dump failed: ${dumped.output}`);
      dumpMs = dumped.ms;
      await first.kill();
      eventsAtStop = (await postgresLog(url)).events;
    }, 120_000);

    /** pg_restore into an empty database at `url`, then everything an operator checks after it. */
    const drill = async (label: string, url: string) => {
      const slug = label.replace(/\W+/g, '-');
      const restored = await runTool(pgRestore, ['--exit-on-error', '-d', url, dump]);
      expect(restored).toMatchObject({ code: 0 });
      const cli = { EVENT_STORE: 'postgres', DATABASE_URL: url, DATA_DIR: dataDir };
      const verify = await runCliAsync(['verify'], cli);
      // The log as restored, before an api runs on it (see the SQLite drill).
      const log = await postgresLog(url);
      const { api: second, ms: startMs } = await api(env(url));
      const token = await signIn(second.url, 'clerk@northshire.example');
      expect(token).toBeTruthy();
      const presence = checkAcknowledged(before, log.byCommand);
      // The restored board takes new writes at the end of its chain, and the read side sees them.
      const writer = await BoardWriter.prepare(second.url, { meetings: 1, prefix: `pg-drill-${slug}-prep` });
      const afterRestore = await writeMany(writer, `pg-drill-${slug}-after`, 6, 3);
      const verifyAfter = await runCliAsync(['verify'], cli);
      const logAfter = await postgresLog(url);
      const projections = await waitForProjections(second.url, 30_000).catch((error: Error) => error.message);
      const oldViews = before.filter((w) => w.receiptCode);
      const receipts = await checkReceipts(
        second.url,
        sample(oldViews, RECEIPT_CHECKS).map((w) => w.receiptCode!),
      );
      const newViews = afterRestore.filter((w) => w.receiptCode).map((w) => w.receiptCode!);
      const newReceipts = await checkReceipts(second.url, newViews);
      await second.stop();
      const figures = {
        test: `restore-drill (PostgreSQL, ${label})`,
        acknowledged: before.length,
        eventsDumped,
        dumpMs,
        restoreMs: restored.ms,
        verifyMs: verify.ms,
        verify: (verify.stdout || verify.stderr).trim().replace(/ Last hash \w+/, ''),
        apiStartMs: startMs,
        found: presence.found,
        lost: presence.lost.length,
        torn: presence.mismatched.length,
        eventsRestored: log.events,
        xids: { maxRestored: String(log.maxXid), serverNow: String(log.currentXid) },
        writesAfterRestore: afterRestore.length,
        eventsAfter: logAfter.events,
        verifyAfterNewWrites: (verifyAfter.stdout || verifyAfter.stderr).trim().replace(/ Last hash \w+/, ''),
        projections,
        receipts: `${receipts.ok}/${receipts.checked}`,
        receiptsOfNewViews: `${newReceipts.ok}/${newReceipts.checked}`,
      };
      console.log(`restore-drill ${JSON.stringify(figures)}`);
      expect(log.events).toBeGreaterThanOrEqual(eventsDumped);
      expect(log.events).toBeLessThanOrEqual(eventsAtStop);
      expect(presence.lost.map((w) => w.key)).toEqual([]);
      expect(presence.mismatched).toEqual([]);
      expect(verify).toMatchObject({ code: 0, stdout: expect.stringContaining(`OK: ${log.events} events`) });
      expect(verifyAfter).toMatchObject({ code: 0, stdout: expect.stringContaining(`OK: ${logAfter.events} events`) });
      expect(checkAcknowledged(afterRestore, logAfter.byCommand).found).toBe(afterRestore.length);
      expect(receipts.failures).toEqual([]);
      expect(newReceipts.failures).toEqual([]);
      expect(projections).toMatchObject({ parked: 0 });
    };

    it('restored into the same server (database dropped and recreated): cpb verify, every write back', async () => {
      await adminQuery(source!.url, 'DROP DATABASE cpb_drill WITH (FORCE)');
      await adminQuery(source!.url, 'CREATE DATABASE cpb_drill');
      await drill('same server', withDatabase(source!.url, 'cpb_drill'));
    }, 120_000);

    it('restored into a new server (the old one lost): cpb verify, every write back', async () => {
      await source!.stop();
      source = undefined;
      const target = await startEmbeddedPostgres();
      cleanups.push(() => target.stop().catch(() => undefined));
      await adminQuery(target.url, 'CREATE DATABASE cpb_drill');
      await drill('new server', withDatabase(target.url, 'cpb_drill'));
    }, 120_000);
  });
});
