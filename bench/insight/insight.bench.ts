// bench/insight: the insight read models at scale (issue 5). On a SQLite log of BENCH_EVENTS events
// (default 1,000,000: 100,000 views, 10,000 decisions, the actions' progress notes making up the rest):
// - rebuild of every read model of the app from the log, in events/s and as a ratio to a raw ordered
//   scan of the same events (better-sqlite3, rows parsed), with peak RSS and RSS along the way;
// - the floor of that ratio (floor.ts): the log read as projections get it (personal data opened) plus
//   the read models' final rows written once each with raw INSERTs; no rebuild can do less;
// - decision influence for one decision: p50/p99 over random decisions;
// - time travel of one decision at a past moment (audit's as-at read: its own stream and the view
//   timeline index, never a replay of the log).
// Progress goes to stderr; stdout's last line is one JSON object of every figure.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SingleBar } from 'cli-progress';
import { DataSource } from 'typeorm';
import {
  MasterKey,
  ProjectionRunner,
  ProtectedEventStore,
  SqliteEventStore,
  SqliteSubjectKeyStore,
  type Position,
} from '#event-store';
import { PROJECTIONS } from '../../apps/api/src/app.module.js';
import { PERSONAL_DATA_POLICY } from '../../apps/api/src/infrastructure/personal-data.js';
import { readDatabaseOptions } from '../../apps/api/src/infrastructure/read-database.js';
import type { AppConfig } from '#platform';
import { insightTables } from '../../libs/insight/src/read-models/read-models-at.js';
import { readDecisionInfluence } from '../../libs/insight/src/read-models/decision-influence/get-decision-influence.query.js';
import { startBenchPostgres, type BenchPostgres } from '../event-store/bench-postgres-server.js';
import { floorWrite, pagedScan } from './floor.js';
import { timeTravelReader } from './time-travel.js';
import { decisionTime, eventsOf, writeWorkload, type WorkloadShape } from './insight-workload.js';
import { positiveInt } from '../env.js';

const EVENTS = positiveInt('BENCH_EVENTS', 1_000_000);
const VIEWS = positiveInt('BENCH_VIEWS', Math.round(EVENTS / 10));
const DECISIONS = positiveInt('BENCH_DECISIONS', Math.round(EVENTS / 100));
const SAMPLES = positiveInt('BENCH_SAMPLES', 2_000);
// Events per page and per transaction at most: the runner's default unless BENCH_BATCH is set.
const BATCH = process.env.BENCH_BATCH ? positiveInt('BENCH_BATCH', 2_000) : undefined;
// Where the read models go: the app's SQLite default, or PostgreSQL (embedded, or the server DATABASE_URL names).
const READ_STORE = readStore(process.env.BENCH_READ_STORE);
const TARGETS = { influence_p99_ms: 10, time_travel_p99_ms: 50, rebuild_vs_raw_scan: 0.3 } as const;

function readStore(raw: string | undefined): 'sqlite' | 'postgres' {
  if (raw === undefined || raw === '' || raw === 'sqlite') return 'sqlite';
  if (raw === 'postgres') return 'postgres';
  throw new Error(`BENCH_READ_STORE must be sqlite or postgres, got ${raw}`);
}

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);
const round = (n: number, places = 2): number => Math.round(n * 10 ** places) / 10 ** places;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function bar(label: string, total: number): SingleBar {
  const b = new SingleBar({
    format: `${label} [{bar}] {percentage}% {value}/{total}`,
    stream: process.stderr,
    noTTYOutput: false,
    hideCursor: true,
  });
  b.start(total, 0);
  return b;
}

async function main(): Promise<void> {
  const progressPerAction = Math.max(0, Math.round((EVENTS - VIEWS * 5) / DECISIONS) - 2);
  const shape: WorkloadShape = { views: VIEWS, decisions: DECISIONS, citationsPerDecision: 10, progressPerAction };
  const dir = mkdtempSync(join(tmpdir(), 'cpb-bench-insight-'));
  const raw = new SqliteEventStore({ filename: join(dir, 'events.db') });
  const master = MasterKey.fromBase64(randomBytes(32).toString('base64'));
  let postgres: BenchPostgres | undefined;
  const store = new ProtectedEventStore({
    store: raw,
    keys: new SqliteSubjectKeyStore(raw.db, master),
    policy: PERSONAL_DATA_POLICY,
  });
  try {
    // 1. The log. Written with synchronous=OFF: the writing is set-up, not what is measured.
    raw.db.pragma('synchronous = OFF');
    const writing = bar('writing the log', eventsOf(shape));
    const started = performance.now();
    const ids = await writeWorkload(store, shape, (n) => writing.update(n));
    writing.update(ids.events);
    writing.stop();
    raw.db.pragma('synchronous = FULL');
    raw.db.pragma('wal_checkpoint(TRUNCATE)');
    log(`log: ${ids.events} events in ${round((performance.now() - started) / 1000, 1)} s`);

    // 2. The baseline: a raw ordered scan of the same rows, parsed as any reader must.
    const scan = raw.db.prepare(
      'SELECT position, stream_id, revision, type, data, metadata, hash FROM es_events ORDER BY position',
    );
    let scanned = 0;
    const scanStart = performance.now();
    for (const row of scan.iterate() as Iterable<{ data: string; metadata: string }>) {
      JSON.parse(row.data);
      JSON.parse(row.metadata);
      scanned += 1;
    }
    const rawScanS = (performance.now() - scanStart) / 1000;
    const rawScanEps = Math.round(scanned / rawScanS);
    log(`raw scan: ${scanned} events in ${round(rawScanS)} s (${rawScanEps}/s)`);
    // The same, in pages through the sealing store: what the projections are given.
    const paged = await pagedScan(store, BATCH ?? 2_000);
    const pagedScanEps = Math.round(paged.events / paged.seconds);
    log(`paged scan, personal data opened: ${paged.events} events in ${round(paged.seconds)} s (${pagedScanEps}/s)`);

    // 3. Rebuild of every read model into a fresh read database.
    // The read database exactly as the app opens it (SQLite: WAL, synchronous=FULL, secure_delete).
    let config = { READ_STORE: 'sqlite', DATA_DIR: dir } as AppConfig;
    if (READ_STORE === 'postgres') {
      postgres = await startBenchPostgres();
      const url = await postgres.createDatabase('cpb_insight');
      config = { READ_STORE: 'postgres', DATABASE_URL: url, DATA_DIR: dir } as AppConfig;
      log(`read models on PostgreSQL ${postgres.version} (${postgres.source})`);
    }
    const db = new DataSource(readDatabaseOptions(config, []));
    await db.initialize();
    // Experiment knob, off by default: a larger SQLite page cache for the read database (in MB).
    if (process.env.BENCH_READ_CACHE_MB && READ_STORE === 'sqlite') {
      await db.query(`PRAGMA cache_size = -${positiveInt('BENCH_READ_CACHE_MB', 64) * 1024}`);
    }
    const runner = new ProjectionRunner({
      store,
      dataSource: db,
      projections: PROJECTIONS,
      // BENCH_WRITE_CACHE=0 measures the runner without its per-batch write-behind row cache.
      writeCache: process.env.BENCH_WRITE_CACHE !== '0',
      // BENCH_ROW_CACHE: rows a table the write cache keeps between batches (0: none; the app's default otherwise).
      ...(process.env.BENCH_ROW_CACHE ? { rowCacheSize: positiveInt('BENCH_ROW_CACHE', 0, 0) } : {}),
      ...(BATCH ? { batchSize: BATCH } : {}),
      logger: { warn: log },
    });
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const rssSamples: number[] = [];
    const sampler = setInterval(() => rssSamples.push(process.memoryUsage().rss), 250);
    const rebuilding = bar('rebuilding read models', 100);
    // Progress from the checkpoints alone: runner.status() also counts each projection's lag by reading
    // up to 1,000 events of the log, which (once a catch-up lets timers run) cost a fifth of the rebuild.
    const progress = setInterval(async () => {
      const rows: Array<{ position: string | null }> = await db.query('SELECT position FROM projection_checkpoints');
      const done = rows.reduce((sum, row) => sum + (row.position ? positionIndex(row.position) : 0), 0);
      rebuilding.update(Math.min(99, Math.floor((done / (PROJECTIONS.length * ids.events)) * 100)));
    }, 1000);
    const profile = await startProfile(process.env.BENCH_PROFILE);
    const rebuildStart = performance.now();
    await runner.start();
    await runner.waitForCatchUp({ timeoutMs: 6 * 60 * 60 * 1000 });
    const rebuildS = (performance.now() - rebuildStart) / 1000;
    await profile.stop();
    clearInterval(progress);
    clearInterval(sampler);
    rebuilding.update(100);
    rebuilding.stop();
    const parked = (await runner.status()).reduce((sum, s) => sum + (s.parked ?? 0), 0);
    await runner.stop();
    const rebuildEps = Math.round(ids.events / rebuildS);
    const quartiles = [0.25, 0.5, 0.75, 1].map((q) =>
      mb(rssSamples[Math.max(0, Math.ceil(q * rssSamples.length) - 1)] ?? 0),
    );
    log(
      `rebuild: ${PROJECTIONS.length} read models in ${round(rebuildS, 1)} s (${rebuildEps} log events/s), ${parked} parked`,
    );

    // 4. Decision influence for one decision.
    const tables = await insightTables(db);
    const pick = () => ids.decisionIds[Math.floor(Math.random() * ids.decisionIds.length)]!;
    for (let i = 0; i < 100; i += 1) await readDecisionInfluence(tables, ids.tenantId, pick());
    const influenceMs: number[] = [];
    let cited = 0;
    for (let i = 0; i < SAMPLES; i += 1) {
      const t0 = performance.now();
      const influence = await readDecisionInfluence(tables, ids.tenantId, pick());
      influenceMs.push(performance.now() - t0);
      cited += Object.values(influence?.influence ?? {}).flat().length;
    }
    influenceMs.sort((a, b) => a - b);

    // 5. Time travel of one decision at a past moment.
    const travel = timeTravelReader(store, db, ids.tenantId);
    const travelMs: number[] = [];
    for (let i = 0; i < Math.min(SAMPLES, 500); i += 1) {
      const d = Math.floor(Math.random() * DECISIONS);
      // Three days after it was recorded: its own stream cut there, the views the board had then.
      const moment = new Date(decisionTime(shape, d) + 3 * 24 * 3600 * 1000);
      const t0 = performance.now();
      await travel(`decision-${d}`, moment);
      travelMs.push(performance.now() - t0);
    }
    travelMs.sort((a, b) => a - b);
    await db.destroy();

    // 6. The floor (SQLite): every final row of the read models written once, raw.
    const floor = READ_STORE === 'sqlite' ? floorWrite(join(dir, 'read.db'), join(dir, 'floor.db')) : undefined;
    const floorS = floor ? paged.seconds + floor.seconds : undefined;
    if (floor) log(`floor: ${floor.rows} rows of ${floor.tables} tables inserted raw in ${round(floor.seconds)} s`);

    const figures = {
      events: ids.events,
      views: VIEWS,
      decisions: DECISIONS,
      read_models: PROJECTIONS.length,
      read_store: READ_STORE,
      raw_scan_eps: rawScanEps,
      rebuild_eps: rebuildEps,
      rebuild_seconds: round(rebuildS, 1),
      rebuild_vs_raw_scan: round(rebuildEps / rawScanEps, 3),
      paged_scan_eps: pagedScanEps,
      floor_rows: floor?.rows ?? null,
      floor_insert_seconds: floor ? round(floor.seconds, 2) : null,
      floor_seconds: floorS === undefined ? null : round(floorS, 2),
      floor_vs_raw_scan: floorS === undefined ? null : round(rawScanS / floorS, 3),
      rebuild_vs_floor: floorS === undefined ? null : round(floorS / rebuildS, 3),
      parked,
      rss_before_rebuild_mb: mb(rssBefore),
      rss_peak_mb: mb(Math.max(...rssSamples, rssBefore)),
      rss_at_quartiles_mb: quartiles,
      influence_p50_ms: round(percentile(influenceMs, 50), 3),
      influence_p99_ms: round(percentile(influenceMs, 99), 3),
      influence_views_per_decision: round(cited / SAMPLES, 1),
      time_travel_p50_ms: round(percentile(travelMs, 50), 3),
      time_travel_p99_ms: round(percentile(travelMs, 99), 3),
      targets: TARGETS,
      targets_met: {
        influence: percentile(influenceMs, 99) <= TARGETS.influence_p99_ms,
        time_travel: percentile(travelMs, 99) <= TARGETS.time_travel_p99_ms,
        rebuild: rebuildEps / rawScanEps >= TARGETS.rebuild_vs_raw_scan,
      },
    };
    console.log(
      `log of ${figures.events} events (${VIEWS} views, ${DECISIONS} decisions), read models on ${READ_STORE}`,
    );
    console.log(
      `rebuild of ${figures.read_models} read models: ${rebuildEps} events/s, ${figures.rebuild_vs_raw_scan}x a raw scan (${rawScanEps}/s); peak RSS ${figures.rss_peak_mb} MB`,
    );
    if (floorS !== undefined) {
      console.log(
        `floor: read as projections are given it (${pagedScanEps}/s) and ${figures.floor_rows} final rows inserted raw: ${figures.floor_seconds} s, ${figures.floor_vs_raw_scan}x a raw scan at best; the rebuild takes ${round(rebuildS / floorS, 1)}x the floor`,
      );
    }
    console.log(`decision influence: p50 ${figures.influence_p50_ms} ms, p99 ${figures.influence_p99_ms} ms`);
    console.log(
      `time travel of a decision: p50 ${figures.time_travel_p50_ms} ms, p99 ${figures.time_travel_p99_ms} ms`,
    );
    console.log(JSON.stringify(figures));
  } finally {
    await postgres?.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * BENCH_PROFILE=file.cpuprofile: a CPU profile of the rebuild alone (open it in Chrome's DevTools).
 * Off by default: the profiler slows what it measures.
 */
async function startProfile(file: string | undefined): Promise<{ stop(): Promise<void> }> {
  if (!file) return { stop: async () => undefined };
  const session = new Session();
  session.connect();
  const post = (method: string): Promise<unknown> =>
    new Promise((resolve, reject) =>
      session.post(method, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.start');
  return {
    stop: async () => {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      log(`profile of the rebuild: ${file}`);
    },
  };
}

/** The SQLite position's counter: how far a checkpoint has come. */
function positionIndex(position: Position | string): number {
  return Number(String(position).split(':')[0]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
