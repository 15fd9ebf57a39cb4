// The crash test: a real child process runs the projection runner and is killed with SIGKILL at
// random points, many times, while a writer keeps appending. Afterwards its tables must equal a clean
// rebuild row for row (and an independent fold of the log). The projection increments counters and
// numbers events, so an event applied twice or skipped shows up as a difference.
import { transformFile } from '@swc/core';
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { SqliteEventStore } from '../adapters/sqlite/sqlite-event-store.js';
import type { RecordedEvent } from '../port/envelope.js';
import { iterateAll } from '../port/read-helpers.js';
import { listParked } from './projection-bookkeeping.js';
import { ProjectionRunner } from './projection-runner.js';
import {
  activityEvent,
  diffActivity,
  expectedActivity,
  readActivity,
  streamActivityProjection,
} from './stream-activity.test-projection.js';

const KILLS = Number(process.env.CRASH_KILLS ?? 30);
const SEEDED_EVENTS = 3000;
const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../../../..');

/** Compiles the child script and the modules it imports (relative imports only) to plain ESM. */
async function compileChild(entry: string, outDir: string): Promise<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?:from|import)\s*['"](\.{1,2}\/[^'"]+)\.js['"]/g)) {
      queue.push(resolve(dirname(file), `${match[1]}.ts`));
    }
    const output = await transformFile(file, {
      swcrc: false,
      sourceMaps: false,
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: 'es2023',
        keepClassNames: true,
      },
      module: { type: 'es6' },
    });
    const target = join(outDir, relative(ROOT, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, output.code);
  }
  writeFileSync(join(outDir, 'package.json'), JSON.stringify({ type: 'module' }));
  symlinkSync(join(ROOT, 'node_modules'), join(outDir, 'node_modules'), 'dir');
  return join(outDir, relative(ROOT, entry)).replace(/\.ts$/, '.js');
}

/** Small seeded PRNG, so a failing run can be replayed with CRASH_SEED. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function waitForLine(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolveLine, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString();
      if (buffer.split('\n').includes(line)) {
        child.stdout!.off('data', onData);
        resolveLine();
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`child exited (${code ?? signal}) before "${line}"`)));
  });
}

/** The highest checkpoint in the read database, and whether a rebuild is under way there. */
function progressOf(readDb: string): { position: string | null; rebuilding: boolean } {
  try {
    const db = new Database(readDb, { readonly: true, fileMustExist: true });
    try {
      const row = db
        .prepare(
          "SELECT max(position) AS position, count(*) AS versions FROM projection_checkpoints WHERE name = 'stream_activity'",
        )
        .get() as { position: string | null; versions: number };
      return { position: row.position, rebuilding: row.versions > 1 };
    } finally {
      db.close();
    }
  } catch {
    return { position: null, rebuilding: false }; // not created yet
  }
}

describe('projection runner crash test (SIGKILL at random points)', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpb-crash-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`survives ${KILLS} kills with 0 differences from a clean rebuild`, async () => {
    const childJs = await compileChild(join(HERE, 'projection-crash.test-child.ts'), join(dir, 'build'));
    const eventsDb = join(dir, 'events.db');
    const readDb = join(dir, 'read.db');
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
    const rand = random(seed);

    const store = new SqliteEventStore({ filename: eventsDb });
    let n = 0;
    for (let i = 0; i < SEEDED_EVENTS / 10; i += 1) {
      const { stream } = activityEvent(n);
      const events = Array.from({ length: 10 }, () => activityEvent(n++).event);
      await store.append(stream, events, { expected: 'any' });
    }

    // The writer keeps appending (from this process) while children come and go.
    let writing = true;
    const writer = (async () => {
      while (writing) {
        const { stream, event } = activityEvent(n++);
        await store.append(stream, [event], { expected: 'any' });
        await new Promise((r) => setTimeout(r, 2 + Math.floor(rand() * 6)));
      }
    })();

    const spawnChild = (options: { rebuild: boolean; finish: boolean }): ChildProcess =>
      spawn(process.execPath, [childJs, JSON.stringify({ eventsDb, readDb, ...options })], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });

    let kills = 0;
    let killsAfterProgress = 0;
    let killsDuringRebuild = 0;
    const stderr: string[] = [];
    const started = Date.now();
    try {
      for (let k = 0; k < KILLS; k += 1) {
        const before = progressOf(readDb).position;
        const child = spawnChild({ rebuild: k % 6 === 3, finish: false });
        child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
        const exited = once(child, 'exit');
        if (rand() < 0.2) {
          // Anywhere: while booting, taking the lease, creating tables, or applying.
          await new Promise((r) => setTimeout(r, Math.floor(rand() * 700)));
        } else {
          await waitForLine(child, 'active');
          await new Promise((r) => setTimeout(r, Math.floor(rand() * 400)));
        }
        child.kill('SIGKILL');
        const [code, signal] = (await exited) as [number | null, NodeJS.Signals | null];
        if (signal !== 'SIGKILL') throw new Error(`child ended by itself (${code}): ${stderr.join('')}`);
        kills += 1;
        const after = progressOf(readDb);
        if (after.position !== before) killsAfterProgress += 1;
        if (after.rebuilding) killsDuringRebuild += 1;
      }
    } finally {
      writing = false;
      await writer;
    }

    // Let one last child catch up, finish any rebuild and stop cleanly.
    const last = spawnChild({ rebuild: false, finish: true });
    last.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const lastExit = once(last, 'exit');
    await waitForLine(last, 'done');
    expect((await lastExit)[0]).toBe(0);

    const events: RecordedEvent[] = [];
    for await (const event of iterateAll(store)) events.push(event);

    // A clean rebuild into a fresh read database, in this process.
    const clean = await new DataSource({ type: 'better-sqlite3', database: join(dir, 'clean.db') }).initialize();
    const rebuilder = new ProjectionRunner({ store, dataSource: clean, projections: [streamActivityProjection()] });
    await rebuilder.start();
    await rebuilder.waitForCatchUp({ timeoutMs: 60_000 });
    await rebuilder.stop();

    const crashed = await new DataSource({ type: 'better-sqlite3', database: readDb }).initialize();
    try {
      const crashedTables = await readActivity(crashed);
      const cleanTables = await readActivity(clean);
      const parkedOf = async (db: DataSource) =>
        (await listParked(db, 'stream_activity')).map((p) => `${p.eventId} ${p.error}`).sort();
      const crashedParked = await parkedOf(crashed);
      const cleanParked = await parkedOf(clean);
      const differences = [
        ...diffActivity(crashedTables, cleanTables),
        ...crashedParked
          .filter((p) => !cleanParked.includes(p))
          .map((p) => `projection_parked only after crashes: ${p}`),
        ...cleanParked
          .filter((p) => !crashedParked.includes(p))
          .map((p) => `projection_parked only in the rebuild: ${p}`),
      ];
      const fromLog = diffActivity(crashedTables, expectedActivity(events));
      const [status] = await new ProjectionRunner({
        store,
        dataSource: crashed,
        projections: [streamActivityProjection()],
      }).status();
      console.log(
        `crash test: seed ${seed}, ${kills} SIGKILLs (${killsAfterProgress} after the child had committed batches, ` +
          `${killsDuringRebuild} with a rebuild under way), ` +
          `${events.length} events, ${crashedTables.log.length} rows in activity_log, live v${status!.version}, ` +
          `${differences.length} differences from a clean rebuild, ${fromLog.length} from the log, ` +
          `${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      expect(kills).toBeGreaterThanOrEqual(25);
      expect(killsAfterProgress).toBeGreaterThanOrEqual(kills / 3);
      expect(crashedTables.log.length).toBeGreaterThan(SEEDED_EVENTS / 2);
      expect(differences).toEqual([]);
      expect(fromLog).toEqual([]);
      expect(crashedParked).toEqual([]);
      expect(status).toMatchObject({ lag: 0, caughtUp: true });
    } finally {
      await crashed.destroy();
      await clean.destroy();
      await store.close();
    }
  }, 120_000);
});
