// bench/event-store: our event store, bare and as the app uses it (encrypting personal data), against the
// raw driver (the baseline) and Emmett in its default mode (the peer), on SQLite and PostgreSQL: single-
// event appends, appends of 100 events, the whole log read in order, one 50-event stream read. Progress
// goes to stderr; stdout gets a table and, as its last line, one JSON object with every figure, ratio and
// target (see bench/README.md).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runInterleaved, type LegFigures, type LegSpec, type Phase } from './bench-leg.js';
import { startBenchPostgres } from './bench-postgres-server.js';
import { buildWorkload, type Workload } from './bench-workload.js';
import { loadEmmettRunner, type EmmettRunner } from './peer-loader.js';
import { openOursPostgres, openProtectedPostgres, openRawPostgres } from './postgres-legs.js';
import { openOursSqlite, openProtectedSqlite, openRawSqlite } from './sqlite-legs.js';
import { positiveInt } from '../env.js';

const EVENTS = positiveInt('BENCH_EVENTS', 20_000);
const STREAMS = positiveInt('BENCH_STREAMS', 2_000);
const BATCH_SIZE = positiveInt('BENCH_BATCH_SIZE', 100);
const BATCHES = positiveInt('BENCH_BATCHES', 200);
const STREAM_LENGTH = positiveInt('BENCH_STREAM_LENGTH', 50);
const READ_STREAMS = positiveInt('BENCH_READ_STREAMS', 100);
const STREAM_READS = positiveInt('BENCH_STREAM_READS', 2_000);
const PAGE_SIZE = positiveInt('BENCH_PAGE_SIZE', 1_000);
const ROUNDS = positiveInt('BENCH_ROUNDS', 12); // the contenders' turns change every round (balancedOrders)
const READ_ROUNDS = positiveInt('BENCH_READ_ROUNDS', 3);
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',').map((d) => d.trim());
const MASTER_KEY = randomBytes(32).toString('base64');
const OPS = ['append', 'append_batch', 'read_all', 'read_stream'] as const;
type Op = (typeof OPS)[number];
// On SQLite Emmett runs twice: in its default mode (a connection per call: what users get, the one the
// targets name) and with one shared connection (its fastest), because its default mode can fail under
// single-event appends (SQLITE_BUSY); an operation it fails is then compared with the fastest mode.
const CONTENDERS = ['raw', 'ours', 'protected', 'emmett', 'emmett_singleton'] as const;
type Contender = (typeof CONTENDERS)[number];
/**
 * Issue 21: the store the app uses (`protected`: the adapter under the encryption) at least 10x Emmett
 * (its default mode) on SQLite and 2x on PostgreSQL, for every operation timed; the bare adapter (`ours`)
 * at least 0.7x the raw driver's single-event appends and 0.5x its whole-log read (issue 3's targets).
 */
const TARGETS = {
  sqlite: { protected_vs_emmett: 10, ours_append_vs_raw: 0.7, ours_read_all_vs_raw: 0.5 },
  postgres: { protected_vs_emmett: 2, ours_append_vs_raw: 0.7, ours_read_all_vs_raw: 0.5 },
} as const;

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const ratio = (a: number | null, b: number | null): number | null =>
  a === null || b === null || b === 0 ? null : Math.round((a / b) * 100) / 100;
const percentile = (sorted: readonly number[], p: number): number | null =>
  sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms2 = (n: number | null): number | null => (n === null ? null : Math.round(n * 100) / 100);

/** One contender's rates: events/s for the appends and the whole-log read, streams/s for readStream. */
interface ContenderFigures {
  append_eps: number | null;
  append_batch_eps: number | null;
  read_all_eps: number | null;
  read_stream_per_s: number | null;
  read_stream_p50_ms: number | null;
  read_stream_p99_ms: number | null;
  notes?: string;
  errors?: Record<string, string>;
}

interface DatabaseFigures {
  contenders: Partial<Record<Contender, ContenderFigures>>;
  /** Which Emmett each Emmett ratio is against: its default mode, or (when the default failed) its fastest. */
  emmett_compared: Record<Op, string>;
  /** Each ratio by operation: ours (bare) and protected over the raw driver, and over Emmett. */
  ours_vs_raw: Record<Op, number | null>;
  protected_vs_raw: Record<Op, number | null>;
  ours_vs_emmett: Record<Op, number | null>;
  protected_vs_emmett: Record<Op, number | null>;
  targets: (typeof TARGETS)[keyof typeof TARGETS];
  targets_met: boolean;
  /** Every target missed, and by how much. */
  missed: string[];
  [extra: string]: unknown;
}

const RATE_KEY: Record<Op, keyof ContenderFigures> = {
  append: 'append_eps',
  append_batch: 'append_batch_eps',
  read_all: 'read_all_eps',
  read_stream: 'read_stream_per_s',
};

function contenderFigures(workload: Workload, figures: LegFigures | undefined): ContenderFigures {
  const rate = (phase: Phase, count: number): number | null => {
    const took = figures?.ms[phase];
    return took === undefined || figures?.errors[phase] ? null : Math.round(count / (took / 1000));
  };
  const batchEvents = workload.batches.length * workload.batchSize;
  const streamReads = figures?.errors.read_stream ? [] : (figures?.streamReadMs ?? []);
  const f: ContenderFigures = {
    append_eps: rate('append', workload.items.length),
    append_batch_eps: rate('append_batch', batchEvents),
    read_all_eps: rate('read_all', workload.items.length + batchEvents),
    read_stream_per_s: rate('read_stream', workload.streamReads.length),
    read_stream_p50_ms: ms2(percentile(streamReads, 50)),
    read_stream_p99_ms: ms2(percentile(streamReads, 99)),
  };
  if (figures?.notes) f.notes = figures.notes;
  if (figures && Object.keys(figures.errors).length > 0) f.errors = { ...figures.errors } as Record<string, string>;
  if (!figures) f.errors = { open: 'not run' };
  return f;
}

function figures(
  database: 'sqlite' | 'postgres',
  workload: Workload,
  outcomes: Partial<Record<Contender, LegFigures>>,
): DatabaseFigures {
  const names = CONTENDERS.filter((name) => database === 'sqlite' || name !== 'emmett_singleton');
  const contenders = Object.fromEntries(
    names.map((name) => [name, contenderFigures(workload, outcomes[name])]),
  ) as Partial<Record<Contender, ContenderFigures>>;
  const rateOf = (c: Contender, op: Op): number | null => (contenders[c]?.[RATE_KEY[op]] as number | null) ?? null;
  // Emmett's default mode where it ran the operation through; else its fastest mode, said so.
  const emmettFor = (op: Op): Contender =>
    rateOf('emmett', op) === null && rateOf('emmett_singleton', op) !== null ? 'emmett_singleton' : 'emmett';
  const versus = (a: Contender, b: Contender | ((op: Op) => Contender)): Record<Op, number | null> =>
    Object.fromEntries(
      OPS.map((op) => [op, ratio(rateOf(a, op), rateOf(typeof b === 'function' ? b(op) : b, op))]),
    ) as Record<Op, number | null>;
  const targets = TARGETS[database];
  const defaultError = (op: Op): string => contenders.emmett?.errors?.[op] ?? contenders.emmett?.errors?.open ?? '';
  const f: DatabaseFigures = {
    contenders,
    emmett_compared: Object.fromEntries(
      OPS.map((op) => [
        op,
        emmettFor(op) === 'emmett'
          ? 'its default mode'
          : `its fastest mode (one shared connection): the default failed: ${defaultError(op)}`,
      ]),
    ) as Record<Op, string>,
    ours_vs_raw: versus('ours', 'raw'),
    protected_vs_raw: versus('protected', 'raw'),
    ours_vs_emmett: versus('ours', emmettFor),
    protected_vs_emmett: versus('protected', emmettFor),
    targets,
    targets_met: false,
    missed: [],
  };
  const check = (label: string, value: number | null, target: number): void => {
    if (value === null) f.missed.push(`${label}: not measured (target ${target}x)`);
    else if (value < target) {
      f.missed.push(`${label}: ${value}x, target ${target}x (${Math.round((target / value) * 10) / 10}x short)`);
    }
  };
  check('ours append / raw', f.ours_vs_raw.append, targets.ours_append_vs_raw);
  check('ours read_all / raw', f.ours_vs_raw.read_all, targets.ours_read_all_vs_raw);
  for (const op of OPS) {
    const against = emmettFor(op) === 'emmett' ? 'Emmett (default)' : 'Emmett (fastest mode; its default failed)';
    check(`protected ${op} / ${against}`, f.protected_vs_emmett[op], targets.protected_vs_emmett);
  }
  f.targets_met = f.missed.length === 0;
  return f;
}

function emmettSpec(
  emmett: EmmettRunner | Error,
  open: (runner: EmmettRunner) => ReturnType<LegSpec['open']>,
  name: Contender = 'emmett',
): LegSpec {
  return {
    name,
    open: async () => {
      if (emmett instanceof Error) throw emmett;
      return open(emmett);
    },
  };
}

const interleavedWork = (workload: Workload) => ({
  items: workload.items,
  batches: workload.batches,
  readStreams: workload.readStreams,
  streamLength: workload.streamLength,
  streamReads: workload.streamReads,
  rounds: ROUNDS,
  readRounds: READ_ROUNDS,
});

async function sqliteLegs(workload: Workload, emmett: EmmettRunner | Error): Promise<DatabaseFigures> {
  console.error('SQLite (WAL, synchronous=FULL), a fresh file per contender');
  const dir = mkdtempSync(join(tmpdir(), 'cpb-bench-sqlite-'));
  try {
    const outcomes = await runInterleaved(
      'sqlite',
      [
        { name: 'raw', open: () => openRawSqlite(join(dir, 'raw.db')) },
        { name: 'ours', open: () => openOursSqlite(join(dir, 'ours.db'), PAGE_SIZE) },
        { name: 'protected', open: () => openProtectedSqlite(join(dir, 'protected.db'), PAGE_SIZE, MASTER_KEY) },
        emmettSpec(emmett, (runner) => runner.openSqlite(join(dir, 'emmett.db'), { pageSize: PAGE_SIZE })),
        emmettSpec(
          emmett,
          (runner) =>
            runner.openSqlite(join(dir, 'emmett-singleton.db'), { pageSize: PAGE_SIZE, sqliteMode: 'singleton' }),
          'emmett_singleton',
        ),
      ],
      interleavedWork(workload),
    );
    return figures('sqlite', workload, outcomes);
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
    return { ...figures('postgres', workload, {}), error: message };
  }
  try {
    console.error(`  server: PostgreSQL ${server.version} (${server.source})`);
    const db = server.createDatabase;
    const outcomes = await runInterleaved(
      'postgres',
      [
        { name: 'raw', open: async () => openRawPostgres(await db('bench_raw'), PAGE_SIZE) },
        { name: 'ours', open: async () => openOursPostgres(await db('bench_ours'), PAGE_SIZE) },
        {
          name: 'protected',
          open: async () => openProtectedPostgres(await db('bench_protected'), PAGE_SIZE, MASTER_KEY),
        },
        emmettSpec(emmett, async (runner) => runner.openPostgres(await db('bench_emmett'), { pageSize: PAGE_SIZE })),
      ],
      interleavedWork(workload),
    );
    return {
      ...figures('postgres', workload, outcomes),
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
const formatRatio = (value: number | null): string => (value === null ? 'n/a' : `${value.toFixed(2)}x`);

const LABELS: Record<Contender, string> = {
  raw: 'raw driver (baseline)',
  ours: 'ours, bare adapter',
  protected: 'ours, as the app (encrypting)',
  emmett: 'Emmett, default (peer)',
  emmett_singleton: 'Emmett, fastest mode',
};

function table(workload: Workload, results: ReadonlyArray<readonly [string, DatabaseFigures]>): string {
  const pad = (s: string, n: number): string => s.padEnd(n);
  const lpad = (s: string, n: number): string => s.padStart(n);
  const lines = [
    `Event store benchmark: ${workload.items.length} events (~${workload.payloadBytes} B JSON each, half of them a ` +
      `young person's view: sealed by the encrypting store) over ${workload.streams} streams, one event per append;`,
    `${workload.batches.length} appends of ${workload.batchSize} events (one transaction each); readAll in pages of ` +
      `${PAGE_SIZE}, best of ${READ_ROUNDS}; ${workload.streamReads.length} reads of a whole ${workload.streamLength}-event ` +
      `stream. Contenders interleaved in ${ROUNDS} rounds. Emmett: its default mode, what users get (on SQLite its fastest mode too, for information).`,
    '',
    `${pad('database', 10)}${pad('store', 31)}${lpad('append ev/s', 13)}${lpad(`x${workload.batchSize} ev/s`, 12)}` +
      `${lpad('readAll ev/s', 14)}${lpad('stream/s', 10)}${lpad('p99 ms', 8)}`,
  ];
  for (const [name, f] of results) {
    for (const contender of CONTENDERS) {
      const c = f.contenders[contender];
      if (!c) continue;
      lines.push(
        `${pad(contender === 'raw' ? name : '', 10)}${pad(LABELS[contender], 31)}${lpad(formatRate(c.append_eps), 13)}` +
          `${lpad(formatRate(c.append_batch_eps), 12)}${lpad(formatRate(c.read_all_eps), 14)}` +
          `${lpad(formatRate(c.read_stream_per_s), 10)}${lpad(String(c.read_stream_p99_ms ?? 'n/a'), 8)}`,
      );
    }
  }
  lines.push(
    '',
    `${pad('ratio', 46)}${lpad('append', 9)}${lpad(`x${workload.batchSize}`, 9)}${lpad('readAll', 9)}${lpad('stream', 9)}`,
  );
  for (const [name, f] of results) {
    const row = (label: string, values: Record<Op, number | null>): void => {
      lines.push(`${pad(`${name} ${label}`, 46)}${OPS.map((op) => lpad(formatRatio(values[op]), 9)).join('')}`);
    };
    row('ours (bare) / raw', f.ours_vs_raw);
    row('ours (encrypting) / raw', f.protected_vs_raw);
    row('ours (bare) / Emmett', f.ours_vs_emmett);
    row(`ours (encrypting) / Emmett [>=${f.targets.protected_vs_emmett}x]`, f.protected_vs_emmett);
  }
  lines.push('');
  for (const [name, f] of results) {
    for (const op of OPS) {
      if (f.emmett_compared[op] !== 'its default mode') lines.push(`${name} ${op}: Emmett is ${f.emmett_compared[op]}`);
    }
    lines.push(f.targets_met ? `${name}: every target met` : `${name}: targets missed:`);
    for (const miss of f.missed) lines.push(`  - ${miss}`);
    for (const [contender, c] of Object.entries(f.contenders)) {
      for (const [phase, message] of Object.entries(c.errors ?? {}))
        lines.push(`! ${name} ${contender} ${phase}: ${message}`);
    }
  }
  return lines.join('\n');
}

// The machine may be shared: the load average at both ends says how noisy the absolute rates are.
const loadAtStart = loadavg().map((l) => Math.round(l * 100) / 100);
console.error(
  `Building the workload: ${EVENTS} events over ${STREAMS} streams, ${BATCHES} batches of ${BATCH_SIZE}...`,
);
const workload = buildWorkload({
  events: EVENTS,
  streams: STREAMS,
  batches: BATCHES,
  batchSize: BATCH_SIZE,
  readStreams: READ_STREAMS,
  streamLength: STREAM_LENGTH,
  streamReads: STREAM_READS,
});
let emmett: EmmettRunner | Error;
try {
  emmett = await loadEmmettRunner();
} catch (error) {
  emmett = new Error(`Emmett could not be loaded: ${errorText(error)}`);
  console.error(emmett.message);
}
const results: Array<readonly ['sqlite' | 'postgres', DatabaseFigures]> = [];
if (DATABASES.includes('sqlite')) results.push(['sqlite', await sqliteLegs(workload, emmett)]);
if (DATABASES.includes('postgres')) results.push(['postgres', await postgresLegs(workload, emmett)]);
const probe = new Database(':memory:');
const sqliteVersion = (probe.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
probe.close();
console.log(table(workload, results));
const byDatabase = Object.fromEntries(results);
console.log(
  JSON.stringify({
    bench: 'event-store',
    sqlite: byDatabase.sqlite ?? null,
    postgres: byDatabase.postgres ?? null,
    emmett_mode: {
      sqlite:
        'emmett: its default (a connection opened per call); emmett_singleton: one shared connection, its fastest',
      postgres: 'emmett: its default (its own pool)',
    },
    events: workload.items.length,
    streams: workload.streams,
    payload_bytes: workload.payloadBytes,
    batches: workload.batches.length,
    batch_size: workload.batchSize,
    read_streams: workload.readStreams.length,
    stream_length: workload.streamLength,
    stream_reads: workload.streamReads.length,
    page_size: PAGE_SIZE,
    rounds: ROUNDS,
    read_rounds: READ_ROUNDS,
    targets: TARGETS,
    // Only the databases run; a run of one database says nothing of the other.
    databases: results.map(([name]) => name),
    targets_met: results.length > 0 && results.every(([, f]) => f.targets_met),
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
