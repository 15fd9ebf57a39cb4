// bench:growth: does giving a view slow down as the log grows? (issue 21, item 1). For each log size in
// GROWTH_VIEWS (default 2,000, 20,000 and 100,000 views, across board-years of 1,200 views each, written
// through the real deciders and the encrypting store, as the api writes them), the compiled api starts on
// that DATA_DIR as `npm start` runs it (SQLite, in-process projections, 64 MB semi-spaces), catches up,
// sits idle for IDLE_SECONDS (its CPU measured from /proc), then takes young people's views only
// (`POST /api/public/boards/northshire/views`) from GROWTH_CONNECTIONS clients (default 8) for
// GROWTH_SECONDS (default 15) after a warm-up. The baseline, in the same run and the same way: the bare
// NestJS endpoint writing each view as one SQLite row with synchronous=FULL (bench/load/bare-server.ts).
// Targets: the largest log's give-view rate within 10% of the smallest's, and idle CPU flat; the product
// at least 0.5x the bare endpoint. Progress goes to stderr; stdout ends with one JSON line.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort } from '../../libs/testing/src/postgres/global-setup.js';
import { writeBoardYears } from './board-years.js';
import { runStep, type StepFigures } from './ladder.js';
import { bareMix, giveViewAlone, type RequestKind } from './mix.js';
import { cpuSeconds, killAllNow, startBare, startServer, stopAll, waitQuiet, type Server } from './processes.js';
import { waitForProjections } from './projections.js';
import { intList, positiveInt } from '../env.js';

const VIEWS = intList('GROWTH_VIEWS', [2_000, 20_000, 100_000]);
const CONNECTIONS = positiveInt('GROWTH_CONNECTIONS', 8);
const SECONDS = positiveInt('GROWTH_SECONDS', 15);
const WARMUP_SECONDS = positiveInt('GROWTH_WARMUP_SECONDS', 3);
const IDLE_SECONDS = positiveInt('IDLE_SECONDS', 5);
const API_ENTRY = 'dist/apps/api/src/main.js';
const MASTER_KEY = randomBytes(32).toString('base64');

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const round = (n: number, places = 1): number => Math.round(n * 10 ** places) / 10 ** places;
const ratio = (a: number, b: number): number | null => (b > 0 ? round(a / b, 3) : null);

const giveView = giveViewAlone(['education', 'placement-stability', 'health-and-wellbeing', 'leaving-care']);

async function idleCpuPercent(server: Server): Promise<number> {
  const before = cpuSeconds(server.pid);
  await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
  return round(((cpuSeconds(server.pid) - before) / IDLE_SECONDS) * 100);
}

async function measure(server: Server, kind: RequestKind): Promise<StepFigures> {
  await runStep({ url: server.url, kinds: [kind], p99LimitMs: 100 }, CONNECTIONS, WARMUP_SECONDS);
  return runStep({ url: server.url, kinds: [kind], p99LimitMs: 100 }, CONNECTIONS, SECONDS);
}

interface Leg {
  readonly views: number;
  readonly events: number;
  readonly boards: number;
  readonly seed_s: number;
  readonly catch_up_s: number;
  /** Seconds after catching up until the api's CPU fell under 15% of a core (null: not in 10 minutes). */
  readonly quiet_after_s: number | null;
  readonly idle_cpu_pct: number;
  readonly rps: number;
  readonly p50_ms: number;
  readonly p99_ms: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly peak_rss_mib: number | null;
}

const apiEnv = (dir: string, port: number): Record<string, string> => ({
  HOST: '127.0.0.1',
  PORT: String(port),
  DATA_DIR: dir,
  DEMO_SEED: 'board',
  SECOND_FACTOR: 'off',
  LOG_LEVEL: 'warn',
  NODE_OPTIONS: '--max-semi-space-size=64',
  CPB_MASTER_KEY: MASTER_KEY,
  CPB_TOKEN_SECRET: 'bench-growth-token-secret-0123456789abcdef',
  CPB_RECEIPT_PEPPER: 'bench-growth-receipt-pepper',
  RATE_LIMIT_SUBMISSIONS_PER_MINUTE: '1000000',
  RATE_LIMIT_DEFAULT_PER_MINUTE: '1000000',
});

async function leg(views: number): Promise<Leg> {
  const dir = mkdtempSync(join(tmpdir(), 'cpb-bench-growth-'));
  try {
    // The demo board first, on an empty DATA_DIR: seeded on a fresh read database while the projections
    // catch up with a large log, its first insert can find the file locked (SQLITE_BUSY after 5 s; see
    // bench/README.md), which is not what this measures.
    const firstPort = await freePort();
    const first = await startServer('api (demo board)', API_ENTRY, firstPort, apiEnv(dir, firstPort), '/api/health');
    await first.stop();
    log(`\n== ${views.toLocaleString('en-GB')} views: writing the log`);
    const written = await writeBoardYears({ dataDir: dir, masterKey: MASTER_KEY }, views, 'growth', log);

    const port = await freePort();
    const server = await startServer(
      `api (${views} views)`,
      API_ENTRY,
      port,
      apiEnv(dir, port),
      '/api/audit/public-key',
    );
    try {
      log('  the api catches up with the log');
      const catchUp = await waitForProjections(server.url, 30 * 60_000);
      if (catchUp === null) throw new Error(`${server.name} did not catch up in 30 minutes`);
      // The written log lacks the moderation deadlines the api's process managers add as views arrive, so
      // the api appends them after it starts: idle CPU and give-view are measured once that is done
      // (an api that never falls quiet is measured after 10 minutes, as it is).
      const quiet = await waitQuiet(server.pid, 15, 10 * 60_000);
      log(`  caught up in ${catchUp} s, quiet ${quiet ?? 'not within 10 minutes'} s later; idle for ${IDLE_SECONDS} s`);
      const idle = await idleCpuPercent(server);
      log(`  idle CPU ${idle}%; giving views from ${CONNECTIONS} clients for ${SECONDS} s`);
      const step = await measure(server, giveView);
      log(`  ${round(step.rps)} views/s, p50 ${step.p50_ms} ms, p99 ${step.p99_ms} ms, non-2xx ${step.non2xx}`);
      return {
        views,
        events: written.events,
        boards: written.boards,
        seed_s: written.seconds,
        catch_up_s: catchUp,
        quiet_after_s: quiet,
        idle_cpu_pct: idle,
        rps: round(step.rps),
        p50_ms: step.p50_ms,
        p99_ms: step.p99_ms,
        non2xx: step.non2xx,
        errors: step.errors,
        peak_rss_mib: server.memory()?.peakMiB ?? null,
      };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function bare(): Promise<{ rps: number; p50_ms: number; p99_ms: number; non2xx: number }> {
  log('\n== the baseline: bare NestJS, POST /views writing one SQLite row (synchronous=FULL)');
  const dir = mkdtempSync(join(tmpdir(), 'cpb-bench-bare-'));
  const port = await freePort();
  const server = await startBare(port, dir);
  try {
    const step = await measure(server, bareMix()[0]!);
    log(`  ${round(step.rps)} req/s, p50 ${step.p50_ms} ms, p99 ${step.p99_ms} ms`);
    return { rps: round(step.rps), p50_ms: step.p50_ms, p99_ms: step.p99_ms, non2xx: step.non2xx };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadStart = loadavg();
  const baseline = await bare();
  const legs: Leg[] = [];
  for (const views of VIEWS) legs.push(await leg(views));
  const smallest = legs[0]!;
  const largest = legs.at(-1)!;
  const growth = ratio(largest.rps, smallest.rps);
  const toBare = ratio(smallest.rps, baseline.rps);
  const idleFlat = largest.idle_cpu_pct <= Math.max(2, smallest.idle_cpu_pct * 1.5);
  const figures = {
    bench: 'growth',
    what: 'POST /api/public/boards/:board/views (give-view only), compiled api on SQLite, in-process projections',
    connections: CONNECTIONS,
    seconds: SECONDS,
    bare: baseline,
    legs,
    ratio_largest_to_smallest: growth,
    ratio_smallest_to_bare: toBare,
    targets: { largest_to_smallest_at_least: 0.9, idle_cpu_flat: true, smallest_to_bare_at_least: 0.5 },
    targets_met: {
      growth: growth !== null && growth >= 0.9,
      idle_cpu_flat: idleFlat,
      bare: toBare !== null && toBare >= 0.5,
    },
    env: { node: process.version, cpus: cpus().length, loadavg_start: loadStart, loadavg_end: loadavg() },
    duration_s: Math.round((performance.now() - started) / 1000),
    at: new Date().toISOString(),
  };
  console.log(`bare POST + one SQLite FULL insert: ${baseline.rps} req/s (p99 ${baseline.p99_ms} ms)`);
  console.log('views in log | events    | idle CPU | views/s | p50 ms | p99 ms | non-2xx | caught up');
  for (const l of legs) {
    console.log(
      `${String(l.views).padStart(12)} | ${String(l.events).padStart(9)} | ${String(l.idle_cpu_pct).padStart(7)}% | ` +
        `${String(l.rps).padStart(7)} | ${String(l.p50_ms).padStart(6)} | ${String(l.p99_ms).padStart(6)} | ` +
        `${String(l.non2xx).padStart(7)} | ${l.catch_up_s} s`,
    );
  }
  console.log(
    `largest/smallest ${growth} (target >= 0.9), smallest/bare ${toBare} (target >= 0.5), idle CPU flat: ${idleFlat}`,
  );
  console.log(JSON.stringify(figures));
}

process.once('SIGINT', () => {
  killAllNow();
  process.exit(130);
});
main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => void stopAll());
