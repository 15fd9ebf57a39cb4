// bench/audit: GET /api/audit/integrity through HTTP on a log of BENCH_EVENTS events (default 1,000,000)
// across BENCH_BOARDS boards (default 50), as an auditor calls it (issue 21, item 3). The compiled api runs
// as a child process on a SQLite DATA_DIR whose log the bench wrote; between requests the bench appends a
// few events of its own (BENCH_NEW_PER_REQUEST, default 20) as the boards' work would.
// - baseline, in the same run: the first request, which verifies the whole log (what every request cost
//   before checks resumed from a verified head);
// - then BENCH_REQUESTS requests (default 100), each resuming from the head the one before it signed:
//   p50/p99/max, against the target p99 < 200 ms.
// The api runs with PROJECTIONS=off: its projections would otherwise rebuild every read model from the
// bench's million events meanwhile (a separate projector's work in such a deployment), which is not what
// this measures. Progress goes to stderr; stdout's last line is one JSON object of every figure.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SingleBar } from 'cli-progress';
import { SqliteEventStore, type NewEvent } from '#event-store';
import { freePort } from '../../libs/testing/src/postgres/global-setup.js';
import { killAllNow, startServer, stopAll } from '../load/processes.js';
import { positiveInt } from '../env.js';

const EVENTS = positiveInt('BENCH_EVENTS', 1_000_000);
const BOARDS = positiveInt('BENCH_BOARDS', 50);
const REQUESTS = positiveInt('BENCH_REQUESTS', 100);
const NEW_PER_REQUEST = positiveInt('BENCH_NEW_PER_REQUEST', 20);
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
async function appendEvents(store: SqliteEventStore, count: number, onBatch?: () => void): Promise<void> {
  for (let done = 0; done < count;) {
    const size = Math.min(BATCH, count - done);
    const board = written % BOARDS;
    const events = Array.from({ length: size }, (_, k) => boardEvent(board, written + k));
    await store.append(`bench-${board}-${Math.floor(written / 5000)}`, events, { expected: 'any' });
    written += size;
    done += size;
    onBatch?.();
  }
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
    await store.close();
    const memory = api.memory();
    await api.stop();

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
