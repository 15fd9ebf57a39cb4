// The compiled projector SIGKILLed at random points while the api keeps writing, then restarted each
// time: once everything is projected, every read model table must equal, row for row, a clean rebuild
// made by a fresh projector from a copy of the same log. (libs/event-store's projection-crash test does
// the same for a test projection; this one runs the product's own read models in real processes.)
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  freePort,
  killAllProcesses,
  signIn,
  startApi,
  startProjector,
  type RunningApi,
  type RunningProcess,
} from '../support/processes.js';
import { envInt, faultSeed, seededRandom } from './support/fault-env.js';

const KILLS = envInt('PROJECTOR_KILLS', 12, { min: 1 });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Projector {
  readonly process: RunningProcess;
  readonly healthUrl: string;
}

async function projector(dataDir: string): Promise<Projector> {
  const port = await freePort();
  return {
    process: startProjector({ DATA_DIR: dataDir, PROJECTOR_HEALTH_PORT: String(port), PROJECTION_LEASE_SECONDS: '1' }),
    healthUrl: `http://127.0.0.1:${port}/health`,
  };
}

/** Waits until this projector runs every projection with nothing left to do. */
async function caughtUp(p: Projector, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(p.healthUrl);
      last = await response.text();
      const body = JSON.parse(last) as { projections?: Array<{ active: boolean; lag: number; parked: number }> };
      const list = body.projections ?? [];
      if (list.length > 0 && list.every((s) => s.active && s.lag === 0)) return;
    } catch (error) {
      last = String(error);
    }
    await sleep(200);
  }
  throw new Error(`the projector did not catch up: ${last}\n${p.process.output()}`);
}

/** Every read-model table (name__vN; the bookkeeping tables have no version), rows in a stable order. */
function readModels(file: string): Map<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>)
      .map((t) => t.name)
      .filter((name) => /__v\d+$/.test(name));
    const models = new Map<string, unknown[]>();
    for (const table of tables.sort()) {
      const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map((c) => c.name);
      const rows = db.prepare(`SELECT * FROM "${table}" ORDER BY ${columns.map((c) => `"${c}"`).join(', ')}`).all();
      models.set(table, rows);
    }
    return models;
  } finally {
    db.close();
  }
}

describe('the projector killed at random points', () => {
  let dir: string;
  let cleanDir: string;
  let api: RunningApi;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpb-projector-kill-'));
    cleanDir = mkdtempSync(join(tmpdir(), 'cpb-projector-clean-'));
    // A year of the demo board written with no projection running: the projector starts from zero.
    api = await startApi(
      { DATA_DIR: dir, DEMO_SEED: 'true', PROJECTIONS: 'off' },
      { healthy: false, timeoutMs: 150_000 },
    );
  }, 180_000);

  afterAll(async () => {
    await killAllProcesses();
    rmSync(dir, { recursive: true, force: true });
    rmSync(cleanDir, { recursive: true, force: true });
  });

  it('leaves tables equal to a clean rebuild', async () => {
    const seed = faultSeed('projector kill');
    const next = seededRandom(seed);
    const clerk = await signIn(api.url, 'clerk@northshire.example');
    // Writers keep the log growing while the projector dies and comes back.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      const meetingId = randomUUID();
      const post = (path: string, body: unknown, token?: string) =>
        fetch(`${api.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(body),
        });
      const created = await post(
        '/api/meetings',
        { meetingId, title: 'Kill meeting', startsAt: '2027-06-15T18:00:00Z', place: 'County Hall' },
        clerk,
      );
      expect(created.status).toBe(201);
      for (let i = 0; writing; i++) {
        const response =
          i % 2 === 0
            ? await post('/api/public/boards/northshire/views', { text: `A synthetic view, number ${i}.` })
            : await post(
                `/api/meetings/${meetingId}/agenda-items`,
                { title: `Item ${i}`, purpose: 'information', lead: 'Clerk' },
                clerk,
              );
        expect(response.status).toBe(201);
        written++;
        await sleep(20);
      }
    })();

    let current = await projector(dir);
    const killedAfterMs: number[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const wait = Math.floor(200 + next() * 1800);
      await sleep(wait);
      await current.process.kill();
      killedAfterMs.push(wait);
      current = await projector(dir);
    }
    writing = false;
    await writer;
    await caughtUp(current);
    await current.process.stop();
    await api.stop();

    // The clean rebuild: a fresh projector on a copy of the same log (and nothing else).
    for (const file of ['events.db', 'events.db-wal']) {
      if (existsSync(join(dir, file))) copyFileSync(join(dir, file), join(cleanDir, file));
    }
    const clean = await projector(cleanDir);
    await caughtUp(clean);
    await clean.process.stop();

    const killed = readModels(join(dir, 'read.db'));
    const rebuilt = readModels(join(cleanDir, 'read.db'));
    const events = (() => {
      const db = new Database(join(dir, 'events.db'), { readonly: true });
      try {
        return (db.prepare('SELECT count(*) AS n FROM es_events').get() as { n: number }).n;
      } finally {
        db.close();
      }
    })();
    let rows = 0;
    const differences: string[] = [];
    for (const [table, expected] of rebuilt) {
      const actual = killed.get(table);
      rows += expected.length;
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        differences.push(`${table}: ${actual?.length ?? 'missing'} rows after kills, ${expected.length} rebuilt`);
      }
    }
    for (const table of killed.keys()) if (!rebuilt.has(table)) differences.push(`${table}: not in the rebuild`);
    const figures = {
      seed,
      kills: KILLS,
      killedAfterMs,
      eventsInLog: events,
      writtenDuringKills: written,
      tables: rebuilt.size,
      rows,
      differences: differences.length,
    };
    console.log(`projector kill\n${JSON.stringify(figures)}`);
    expect(differences).toEqual([]);
    expect(rebuilt.size).toBeGreaterThan(10);
    expect(rows).toBeGreaterThan(100);
  }, 300_000);
});
