// bench/audit: GET /api/audit/integrity through HTTP on a log of BENCH_EVENTS events (default 1,000,000)
// across BENCH_BOARDS boards (default 50), as an auditor calls it (issue 21, item 3). The compiled api runs
// as a child process on a SQLite DATA_DIR whose log the bench wrote; between requests the bench appends a
// few events of its own (BENCH_NEW_PER_REQUEST, default 20) as the boards' work would.
// - baseline, in the same run: the first request, which verifies the whole log (what every request cost
//   before checks resumed from a verified head);
// - then BENCH_REQUESTS requests (default 100), each resuming from the head the one before it signed:
//   p50/p99/max, against the target p99 < 200 ms.
// - then one board's export (ADR 0027): BENCH_EXPORTS (default 10) calls of GET /api/audit/export by the
//   demo auditor (a small board: few or none of the million events are its own), and, in the bench's process on
//   the same file, one of the 50 bench boards (a fiftieth of the log) exported as before issue 21 (the
//   whole log verified, then read again: the baseline) and through the board index after a resumed check,
//   the two bundles compared byte for byte.
// The api runs with PROJECTIONS=off: its projections would otherwise rebuild every read model from the
// bench's million events meanwhile (a separate projector's work in such a deployment), which is not what
// this measures. Progress goes to stderr; stdout's last line is one JSON object of every figure.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SingleBar } from 'cli-progress';
import type { Readable } from 'node:stream';
import { SqliteEventStore, type NewEvent } from '#event-store';
import { FixedClock, type AppConfig } from '#platform';
import { verifyLog, writeBundle } from '../../libs/audit/src/contracts/export-bundles.js';
import { IntegrityService } from '../../libs/audit/src/read-models/integrity/integrity.service.js';
import { freePort } from '../../libs/testing/src/postgres/global-setup.js';
import { killAllNow, startServer, stopAll } from '../load/processes.js';
import { positiveInt } from '../env.js';

const EVENTS = positiveInt('BENCH_EVENTS', 1_000_000);
const BOARDS = positiveInt('BENCH_BOARDS', 50);
const REQUESTS = positiveInt('BENCH_REQUESTS', 100);
const NEW_PER_REQUEST = positiveInt('BENCH_NEW_PER_REQUEST', 20);
const EXPORTS = positiveInt('BENCH_EXPORTS', 10);
/** The bench board whose export is timed in the bench's process: a fiftieth of the log at 50 boards. */
const EXPORTED_BOARD = 'bench-board-7';
const P99_TARGET_MS = 200;
const BATCH = 250;
const API_ENTRY = 'dist/apps/api/src/main.js';

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const ms = (n: number): number => Math.round(n * 10) / 10;
const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** A board's ordinary event: about the size of a meeting or a view's (sealed words are longer). */
function boardEvent(board: number, i: number): NewEvent {
  return {
    type: i % 3 === 0 ? 'AgendaItemAdded' : i % 3 === 1 ? 'ContributionSubmitted' : 'ActionProgressNoted',
    data: { n: i, board, note: 'x'.repeat(120 + (i % 200)), at: '2026-05-01T18:00:00.000Z' },
    metadata: {
      tenantId: `bench-board-${board}`,
      actor: { id: `user-${i % 40}`, role: 'clerk' },
      onBehalfOf: null,
      correlationId: randomUUID(),
      causationId: randomUUID(),
      commandId: randomUUID(),
      recordedAt: '2026-05-01T18:00:00.000Z',
    },
  };
}

let written = 0;
let appends = 0;
/**
 * Appends `count` events the way boards interleave in a shared log: each append is one board's command
 * (1-3 events, in one of the board's streams), the boards taking turns. The appends are grouped into one
 * SQLite transaction per BATCH events (each append a savepoint in it) so that a million of them are written
 * in minutes rather than one fsync each. (Until 2026-12-08 every 250-event append went to board 0:
 * `written % BOARDS` with `written` a multiple of 250; the log was one board's.)
 */
async function appendEvents(store: SqliteEventStore, count: number, onBatch?: () => void): Promise<void> {
  for (let done = 0; done < count;) {
    const batch = Math.min(BATCH, count - done);
    store.db.exec('BEGIN IMMEDIATE');
    try {
      for (let inBatch = 0; inBatch < batch;) {
        const size = Math.min(1 + (appends % 3), batch - inBatch);
        const board = appends % BOARDS;
        const events = Array.from({ length: size }, (_, k) => boardEvent(board, written + k));
        await store.append(`bench-${board}-${Math.floor(written / 100_000)}`, events, { expected: 'any' });
        appends += 1;
        written += size;
        inBatch += size;
      }
      store.db.exec('COMMIT');
    } catch (error) {
      store.db.exec('ROLLBACK');
      throw error;
    }
    done += batch;
    onBatch?.();
  }
}

async function drain(stream: AsyncIterable<unknown> | Readable): Promise<{ text: string; lines: number }> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return { text, lines: text.split('\n').length - 1 };
}

/**
 * One bench board's bundle, as before issue 21 (the whole log verified, then read again to write it) and
 * as the API writes it now (a check resumed from the signed head, then the board's events through the
 * board index), on the same log; the first of the new ones on the same cut, compared byte for byte.
 */
async function exportOneBoard(store: SqliteEventStore, dir: string) {
  const clock = new FixedClock(new Date());
  const config = { DATA_DIR: dir, NODE_ENV: 'development' } as AppConfig;
  const service = new IntegrityService(store, config, clock);
  const key = service.signingKey();
  const t0 = performance.now();
  const until = await store.headPosition();
  const report = await verifyLog(store, EXPORTED_BOARD);
  if (!report.ok) throw new Error('the log does not verify');
  const before = await drain(
    (async function* () {
      for await (const line of writeBundle(store, key, {
        tenantId: EXPORTED_BOARD,
        exportedAt: clock.now().toISOString(),
        until,
      })) {
        yield `${line}\n`;
      }
    })(),
  );
  const baseline = performance.now() - t0;
  log(`  as before: ${ms(baseline)} ms (${before.lines} lines)`);
  // The service's first check has no head to resume from (a fresh process): it verifies the whole log once.
  const first = await service.verify(EXPORTED_BOARD);
  if (!first.ok) throw new Error('the log does not verify');
  const times: number[] = [];
  let same = false;
  let lines = 0;
  for (let i = 0; i < EXPORTS; i += 1) {
    if (i > 0) await appendEvents(store, NEW_PER_REQUEST);
    const t1 = performance.now();
    const now = await drain(await service.exportTenant(EXPORTED_BOARD));
    times.push(performance.now() - t1);
    if (i === 0) same = now.text === before.text;
    lines = now.lines;
  }
  await service.onApplicationShutdown();
  const sorted = [...times].sort((a, b) => a - b);
  const p50 = ms(percentile(sorted, 50));
  log(`  through the board index, after a resumed check: p50 ${p50} ms (${lines} lines), same bytes: ${same}`);
  const events = (await store.readBoard(EXPORTED_BOARD, { maxCount: 10_000_000 })).length;
  return {
    board: EXPORTED_BOARD,
    board_events: events,
    bundle_lines: lines,
    baseline_whole_log_ms: ms(baseline),
    baseline: 'the whole log verified, then read again to write the bundle (every export before issue 21)',
    resumed_p50_ms: p50,
    resumed_max_ms: ms(sorted.at(-1)!),
    exports: EXPORTS,
    new_events_per_export: NEW_PER_REQUEST,
    ratio_to_baseline: Math.round((p50 / baseline) * 10_000) / 10_000,
    same_bundle: same,
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadStart = loadavg();
  const dir = mkdtempSync(join(tmpdir(), 'cpb-bench-integrity-'));
  try {
    log(`== writing ${EVENTS.toLocaleString('en-GB')} events across ${BOARDS} boards`);
    const store = new SqliteEventStore({ filename: join(dir, 'events.db') });
    const bar = new SingleBar({ format: '  {bar} {value}/{total} events | {eta}s left', stream: process.stderr });
    bar.start(EVENTS, 0);
    await appendEvents(store, EVENTS, () => bar.update(written));
    bar.stop();

    const port = await freePort();
    const api = await startServer(
      'api',
      API_ENTRY,
      port,
      {
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: dir,
        DEMO_SEED: 'board',
        PROJECTIONS: 'off',
        SECOND_FACTOR: 'off',
        LOG_LEVEL: 'warn',
        CPB_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
        CPB_TOKEN_SECRET: 'bench-integrity-token-secret-0123456789',
        CPB_RECEIPT_PEPPER: 'bench-integrity-receipt-pepper',
        RATE_LIMIT_DEFAULT_PER_MINUTE: '1000000',
        RATE_LIMIT_SIGN_INS_PER_MINUTE: '1000000',
      },
      '/api/audit/public-key',
    );
    const signIn = await fetch(`${api.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: 'northshire', email: 'auditor@northshire.example', password: 'demo-board-2026' }),
    });
    if (signIn.status !== 200) throw new Error(`auditor sign-in: ${signIn.status} ${await signIn.text()}`);
    const { token } = (await signIn.json()) as { token: string };
    const check = async (): Promise<{ ms: number; body: Record<string, unknown> }> => {
      const t0 = performance.now();
      const response = await fetch(`${api.url}/api/audit/integrity`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await response.json()) as Record<string, unknown>;
      const took = performance.now() - t0;
      if (response.status !== 200 || body.ok !== true)
        throw new Error(`integrity: ${response.status} ${JSON.stringify(body)}`);
      return { ms: took, body };
    };

    log('== the first check: the whole log (the baseline: what every check cost before)');
    const whole = await check();
    log(`  ${ms(whole.ms)} ms, ${String(whole.body.checkedNow)} events`);

    log(`== ${REQUESTS} checks, ${NEW_PER_REQUEST} new events before each`);
    const times: number[] = [];
    const checkedNow: number[] = [];
    const bar2 = new SingleBar({ format: '  {bar} {value}/{total} checks', stream: process.stderr });
    bar2.start(REQUESTS, 0);
    for (let i = 0; i < REQUESTS; i += 1) {
      await appendEvents(store, NEW_PER_REQUEST);
      const resumed = await check();
      if (!resumed.body.resumedFrom) throw new Error(`check ${i} did not resume: ${JSON.stringify(resumed.body)}`);
      times.push(resumed.ms);
      checkedNow.push(Number(resumed.body.checkedNow));
      bar2.update(i + 1);
    }
    bar2.stop();

    log(`== ${EXPORTS} exports of the auditor's board through HTTP, ${NEW_PER_REQUEST} new events before each`);
    const exportTimes: number[] = [];
    let exportBytes = 0;
    let exportEvents = 0;
    for (let i = 0; i < EXPORTS; i += 1) {
      await appendEvents(store, NEW_PER_REQUEST);
      const t0 = performance.now();
      const response = await fetch(`${api.url}/api/audit/export`, { headers: { authorization: `Bearer ${token}` } });
      const body = await response.text();
      exportTimes.push(performance.now() - t0);
      const last = body.trimEnd().split('\n').at(-1) ?? '';
      if (response.status !== 200 || !last.startsWith('{"kind":"checkpoint"'))
        throw new Error(`export: ${response.status} ${last.slice(0, 200)}`);
      exportBytes = body.length;
      exportEvents = body.split('\n').filter((line) => line.startsWith('{"kind":"event"')).length;
    }
    const memory = api.memory();
    await api.stop();

    log(`== one of the ${BOARDS} bench boards (${EXPORTED_BOARD}), exported in this process`);
    const boardExport = await exportOneBoard(store, dir);
    await store.close();

    const sorted = [...times].sort((a, b) => a - b);
    const p50 = ms(percentile(sorted, 50));
    const p99 = ms(percentile(sorted, 99));
    const figures = {
      bench: 'audit-integrity',
      events: written,
      boards: BOARDS,
      route: 'GET /api/audit/integrity',
      through: 'HTTP, compiled api (SQLite, PROJECTIONS=off), one auditor',
      baseline_whole_log_ms: ms(whole.ms),
      baseline_events_checked: whole.body.checkedNow,
      resumed: {
        requests: REQUESTS,
        new_events_per_request: NEW_PER_REQUEST,
        events_checked_per_request: Math.max(...checkedNow),
        p50_ms: p50,
        p99_ms: p99,
        max_ms: ms(sorted.at(-1)!),
      },
      ratio_p99_to_whole_log: Math.round((p99 / whole.ms) * 10_000) / 10_000,
      board_export_http: {
        route: 'GET /api/audit/export',
        board: "the demo auditor's (DEMO_SEED's board, written after the bench's events: few or none in the log)",
        bundle_events: exportEvents,
        requests: EXPORTS,
        new_events_per_request: NEW_PER_REQUEST,
        p50_ms: ms(
          percentile(
            [...exportTimes].sort((a, b) => a - b),
            50,
          ),
        ),
        max_ms: ms(Math.max(...exportTimes)),
        bundle_bytes: exportBytes,
      },
      board_export_in_process: boardExport,
      target: { p99_ms_under: P99_TARGET_MS },
      targets_met: p99 < P99_TARGET_MS,
      api_peak_rss_mib: memory?.peakMiB ?? null,
      env: { node: process.version, cpus: cpus().length, loadavg_start: loadStart, loadavg_end: loadavg() },
      duration_s: Math.round((performance.now() - started) / 1000),
      at: new Date().toISOString(),
    };
    console.log(
      `GET /api/audit/integrity at ${written.toLocaleString('en-GB')} events, ${BOARDS} boards: whole log ` +
        `${figures.baseline_whole_log_ms} ms; resumed p50 ${p50} ms, p99 ${p99} ms (target < ${P99_TARGET_MS} ms: ` +
        `${figures.targets_met ? 'met' : 'NOT met'}), ${figures.ratio_p99_to_whole_log}x the whole-log check`,
    );
    console.log(
      `One board's export: the auditor's through HTTP p50 ${figures.board_export_http.p50_ms} ms; ` +
        `${EXPORTED_BOARD} (${boardExport.board_events} events) ${boardExport.resumed_p50_ms} ms against ` +
        `${boardExport.baseline_whole_log_ms} ms as before (${boardExport.ratio_to_baseline}x), same bytes: ` +
        `${boardExport.same_bundle}`,
    );
    console.log(JSON.stringify(figures));
  } finally {
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
  }
}

process.once('SIGINT', () => {
  killAllNow();
  process.exit(130);
});
main().catch((error: unknown) => {
  killAllNow();
  console.error(error);
  process.exit(1);
});
