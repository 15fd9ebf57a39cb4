// bench/event-store: our event store against the raw driver (the baseline) and Emmett (the peer),
// on SQLite and PostgreSQL. Progress goes to stderr; stdout gets a table and, as its last line, one
// JSON object with every figure and ratio (see bench/README.md).
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runInterleaved, type LegOutcome, type LegSpec } from './bench-leg.js';
import { startBenchPostgres } from './bench-postgres-server.js';
import { buildWorkload, type Workload } from './bench-workload.js';
import { loadEmmettRunner, type EmmettRunner } from './peer-loader.js';
import { openOursPostgres, openRawPostgres } from './postgres-legs.js';
import { openOursSqlite, openRawSqlite } from './sqlite-legs.js';
import { positiveInt } from '../env.js';

const EVENTS = positiveInt('BENCH_EVENTS', 20_000);
const STREAMS = positiveInt('BENCH_STREAMS', 2_000);
const PAGE_SIZE = positiveInt('BENCH_PAGE_SIZE', 1_000);
const ROUNDS = positiveInt('BENCH_ROUNDS', 12); // a multiple of 6: every order of the 3 legs twice
const READ_ROUNDS = positiveInt('BENCH_READ_ROUNDS', 3);
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',').map((d) => d.trim());
const TARGETS = { append_vs_raw: 0.7, append_vs_emmett: 1.0, readall_vs_raw: 0.5 } as const;

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const ratio = (a: number | null, b: number | null): number | null =>
  a === null || b === null || b === 0 ? null : Math.round((a / b) * 100) / 100;

interface DatabaseFigures {
  append_eps: number | null;
  raw_insert_eps: number | null;
  emmett_append_eps: number | null;
  readall_eps: number | null;
  raw_scan_eps: number | null;
  emmett_readall_eps: number | null;
  append_vs_raw: number | null;
  append_vs_emmett: number | null;
  readall_vs_raw: number | null;
  readall_vs_emmett: number | null;
  targets_met: boolean;
  emmett_notes?: string;
  errors?: Record<string, string>;
  [extra: string]: unknown;
}

function figures(count: number, outcomes: Record<string, LegOutcome>): DatabaseFigures {
  const rate = (name: string, key: 'appendMs' | 'readMs'): number | null => {
    const o = outcomes[name];
    return o?.ok ? Math.round(count / (o.figures[key] / 1000)) : null;
  };
  const f: DatabaseFigures = {
    append_eps: rate('ours', 'appendMs'),
    raw_insert_eps: rate('raw', 'appendMs'),
    emmett_append_eps: rate('emmett', 'appendMs'),
    readall_eps: rate('ours', 'readMs'),
    raw_scan_eps: rate('raw', 'readMs'),
    emmett_readall_eps: rate('emmett', 'readMs'),
    append_vs_raw: null,
    append_vs_emmett: null,
    readall_vs_raw: null,
    readall_vs_emmett: null,
    targets_met: false,
  };
  f.append_vs_raw = ratio(f.append_eps, f.raw_insert_eps);
  f.append_vs_emmett = ratio(f.append_eps, f.emmett_append_eps);
  f.readall_vs_raw = ratio(f.readall_eps, f.raw_scan_eps);
  f.readall_vs_emmett = ratio(f.readall_eps, f.emmett_readall_eps);
  f.targets_met =
    (f.append_vs_raw ?? 0) >= TARGETS.append_vs_raw &&
    (f.append_vs_emmett ?? 0) >= TARGETS.append_vs_emmett &&
    (f.readall_vs_raw ?? 0) >= TARGETS.readall_vs_raw;
  const emmett = outcomes.emmett;
  if (emmett?.ok && emmett.notes) f.emmett_notes = emmett.notes;
  const errors: Record<string, string> = {};
  for (const [name, o] of Object.entries(outcomes)) if (!o.ok) errors[name] = o.error;
  if (Object.keys(errors).length > 0) f.errors = errors;
  return f;
}

function emmettSpec(
  emmett: EmmettRunner | Error,
  open: (runner: EmmettRunner) => ReturnType<LegSpec['open']>,
): LegSpec {
  return {
    name: 'emmett',
    open: async () => {
      if (emmett instanceof Error) throw emmett;
      return open(emmett);
    },
  };
}

async function sqliteLegs(workload: Workload, emmett: EmmettRunner | Error): Promise<DatabaseFigures> {
  console.error('SQLite (WAL, synchronous=FULL), a fresh file per contender');
  const dir = mkdtempSync(join(tmpdir(), 'cpb-bench-sqlite-'));
  try {
    const outcomes = await runInterleaved(
      'sqlite',
      [
        { name: 'raw', open: () => openRawSqlite(join(dir, 'raw.db')) },
        { name: 'ours', open: () => openOursSqlite(join(dir, 'ours.db'), PAGE_SIZE) },
        emmettSpec(emmett, (runner) => runner.openSqlite(join(dir, 'emmett.db'), { pageSize: PAGE_SIZE })),
      ],
      workload.items,
      ROUNDS,
      READ_ROUNDS,
    );
    return figures(workload.items.length, outcomes);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresLegs(workload: Workload, emmett: EmmettRunner | Error): Promise<DatabaseFigures> {
  console.error('PostgreSQL (fsync=on, synchronous_commit=on), a fresh database per contender');
  let server;
  try {
    server = await startBenchPostgres();
  } catch (error) {
    const message = `PostgreSQL did not start: ${errorText(error)}`;
    console.error(`  ${message}`);
    const failed: LegOutcome = { ok: false, error: message };
    return figures(workload.items.length, { raw: failed, ours: failed, emmett: failed });
  }
  try {
    console.error(`  server: PostgreSQL ${server.version} (${server.source})`);
    const db = server.createDatabase;
    const outcomes = await runInterleaved(
      'postgres',
      [
        { name: 'raw', open: async () => openRawPostgres(await db('bench_raw'), PAGE_SIZE) },
        { name: 'ours', open: async () => openOursPostgres(await db('bench_ours'), PAGE_SIZE) },
        emmettSpec(emmett, async (runner) => runner.openPostgres(await db('bench_emmett'), { pageSize: PAGE_SIZE })),
      ],
      workload.items,
      ROUNDS,
      READ_ROUNDS,
    );
    return {
      ...figures(workload.items.length, outcomes),
      server_version: server.version,
      server_source: server.source,
    };
  } finally {
    // A client some library left in a pool dies with the server ('terminating connection due to
    // administrator command'); that must not take the finished run down with it. Anything else still does.
    process.on('uncaughtException', (error: Error & { code?: string }) => {
      if (error.code !== '57P01') throw error;
      console.error(`  ignored after the server stopped: ${error.message}`);
    });
    await server.stop();
  }
}

const formatRate = (value: number | null): string => (value === null ? 'n/a' : value.toLocaleString('en-GB'));

function formatRatio(value: number | null, target?: number): string {
  if (value === null) return 'n/a';
  const text = `${value.toFixed(2)}x`;
  return target === undefined ? text : `${text} ${value >= target ? 'ok' : 'MISS'}`;
}

function table(workload: Workload, sqlite: DatabaseFigures, postgres: DatabaseFigures): string {
  const pad = (s: string, n: number): string => s.padEnd(n);
  const lpad = (s: string, n: number): string => s.padStart(n);
  const databases = [
    ['sqlite', sqlite],
    ['postgres', postgres],
  ] as const;
  const lines = [
    `Event store benchmark: ${workload.items.length} events (~${workload.payloadBytes} B JSON each) over ` +
      `${workload.streams} streams, one event per append, legs interleaved in ${ROUNDS} rounds;`,
    `readAll in pages of ${PAGE_SIZE}, best of ${READ_ROUNDS}. Events per second:`,
    '',
    `${pad('database', 10)}${pad('store', 24)}${lpad('append', 10)}${lpad('readAll', 12)}`,
  ];
  for (const [name, f] of databases) {
    lines.push(
      `${pad(name, 10)}${pad('ours', 24)}${lpad(formatRate(f.append_eps), 10)}${lpad(formatRate(f.readall_eps), 12)}`,
    );
    lines.push(
      `${pad('', 10)}${pad('raw driver (baseline)', 24)}${lpad(formatRate(f.raw_insert_eps), 10)}${lpad(formatRate(f.raw_scan_eps), 12)}`,
    );
    lines.push(
      `${pad('', 10)}${pad('Emmett (peer)', 24)}${lpad(formatRate(f.emmett_append_eps), 10)}${lpad(formatRate(f.emmett_readall_eps), 12)}`,
    );
  }
  lines.push('', `${pad('ratio', 26)}${lpad('target', 8)}${lpad('sqlite', 12)}${lpad('postgres', 12)}`);
  const row = (label: string, key: keyof DatabaseFigures, target?: number): void => {
    const cell = (f: DatabaseFigures): string => lpad(formatRatio(f[key] as number | null, target), 12);
    lines.push(
      `${pad(label, 26)}${lpad(target === undefined ? '-' : `>=${target.toFixed(1)}`, 8)}${cell(sqlite)}${cell(postgres)}`,
    );
  };
  row('append / raw insert', 'append_vs_raw', TARGETS.append_vs_raw);
  row('append / Emmett append', 'append_vs_emmett', TARGETS.append_vs_emmett);
  row('readAll / raw scan', 'readall_vs_raw', TARGETS.readall_vs_raw);
  row('readAll / Emmett read', 'readall_vs_emmett');
  for (const [name, f] of databases) {
    for (const [leg, message] of Object.entries(f.errors ?? {})) lines.push(`! ${name} ${leg}: ${message}`);
  }
  return lines.join('\n');
}

// The machine may be shared: the load average at both ends says how noisy the absolute rates are.
const loadAtStart = loadavg().map((l) => Math.round(l * 100) / 100);
console.error(`Building the workload: ${EVENTS} events over ${STREAMS} streams...`);
const workload = buildWorkload(EVENTS, STREAMS);
let emmett: EmmettRunner | Error;
try {
  emmett = await loadEmmettRunner();
} catch (error) {
  emmett = new Error(`Emmett could not be loaded: ${errorText(error)}`);
  console.error(emmett.message);
}
const skipped = (): DatabaseFigures => {
  const outcome: LegOutcome = { ok: false, error: 'skipped (BENCH_DATABASES)' };
  return figures(workload.items.length, { raw: outcome, ours: outcome, emmett: outcome });
};
const sqlite = DATABASES.includes('sqlite') ? await sqliteLegs(workload, emmett) : skipped();
const postgres = DATABASES.includes('postgres') ? await postgresLegs(workload, emmett) : skipped();
const probe = new Database(':memory:');
const sqliteVersion = (probe.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
probe.close();
console.log(table(workload, sqlite, postgres));
console.log(
  JSON.stringify({
    bench: 'event-store',
    sqlite,
    postgres,
    events: workload.items.length,
    streams: workload.streams,
    payload_bytes: workload.payloadBytes,
    page_size: PAGE_SIZE,
    rounds: ROUNDS,
    read_rounds: READ_ROUNDS,
    targets: TARGETS,
    targets_met: sqlite.targets_met && postgres.targets_met,
    ...(emmett instanceof Error ? { emmett_error: emmett.message } : {}),
    env: {
      node: process.version,
      cpus: cpus().length,
      sqlite: sqliteVersion,
      loadavg_start: loadAtStart,
      loadavg_end: loadavg().map((l) => Math.round(l * 100) / 100),
    },
    at: new Date().toISOString(),
  }),
);
