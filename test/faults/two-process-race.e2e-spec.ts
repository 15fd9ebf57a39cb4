// Scale-out, for real: two compiled api processes and one projector against one PostgreSQL, started
// together, with conflicting commands racing across the two processes:
// - many agenda items added to ONE meeting at once (every append contends for the same stream revision),
//   each request sent to BOTH processes at the same moment with the same Idempotency-Key;
// - the same meeting id scheduled from both processes under different keys (only one may create it).
// Every acknowledged write must be in the log exactly once (0 lost, 0 duplicated), the revisions of the
// contended stream must run without a gap, and the projector's read model must show exactly what the
// log holds.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../libs/testing/src/postgres/global-setup.js';
import {
  configureDemoBoard,
  killAllProcesses,
  signIn,
  startApi,
  startProjector,
  type RunningApi,
} from '../support/processes.js';

const ITEMS = Number(process.env.RACE_ITEMS ?? 60);
const MEETINGS = Number(process.env.RACE_MEETINGS ?? 20);

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

async function post(api: RunningApi, path: string, token: string, body: unknown, key: string): Promise<Answer> {
  const response = await fetch(`${api.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

describe('two api processes and one projector on one PostgreSQL', () => {
  let postgres: { url: string; stop: () => Promise<void> };
  let apis: RunningApi[] = [];
  let db: pg.Client;
  let env: Record<string, string>;

  beforeAll(async () => {
    postgres = await startEmbeddedPostgres();
    env = { EVENT_STORE: 'postgres', DATABASE_URL: postgres.url, PROJECTIONS: 'off' };
    // Started at the same moment: their schema set-up races too. One seeds the demo board's accounts.
    apis = await Promise.all([startApi({ ...env, DEMO_SEED: 'board' }), startApi(env)]);
    startProjector(env);
    db = new pg.Client({ connectionString: postgres.url });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await killAllProcesses();
    await postgres?.stop();
  });

  it('loses no acknowledged write and duplicates none', async () => {
    const [one, two] = apis as [RunningApi, RunningApi];
    const tokens = await Promise.all([
      signIn(one.url, 'clerk@northshire.example'),
      signIn(two.url, 'clerk@northshire.example'),
    ]);
    await configureDemoBoard(one.url, tokens[0]);
    const meetingId = randomUUID();
    const created = await post(
      one,
      '/api/meetings',
      tokens[0],
      {
        meetingId,
        title: 'Race meeting',
        startsAt: '2027-03-16T18:00:00Z',
        place: 'County Hall',
        standingItems: false,
      },
      randomUUID(),
    );
    expect(JSON.stringify(created)).toMatch(/"status":201/);

    // Agenda items: each request twice, to both processes at once, under one key.
    const items = Array.from({ length: ITEMS }, (_, i) => ({ itemId: randomUUID(), key: randomUUID(), n: i }));
    const itemAnswers = await Promise.all(
      items.map(async (item) => {
        const body = { itemId: item.itemId, title: `Race item ${item.n}`, purpose: 'discussion', lead: 'Clerk' };
        const path = `/api/meetings/${meetingId}/agenda-items`;
        const answers = await Promise.all([
          post(one, path, tokens[0], body, item.key),
          post(two, path, tokens[1], body, item.key),
        ]);
        return { item, answers };
      }),
    );
    // Meetings: the same id from both processes under different keys.
    const meetings = Array.from({ length: MEETINGS }, () => randomUUID());
    const meetingAnswers = await Promise.all(
      meetings.map(async (id) => {
        const body = {
          meetingId: id,
          title: 'Twin meeting',
          startsAt: '2027-04-20T18:00:00Z',
          place: 'County Hall',
          standingItems: false,
        };
        return {
          id,
          answers: await Promise.all([
            post(one, '/api/meetings', tokens[0], body, randomUUID()),
            post(two, '/api/meetings', tokens[1], body, randomUUID()),
          ]),
        };
      }),
    );

    // Every answer is a success or a clear conflict: never a 5xx.
    const all = [...itemAnswers, ...meetingAnswers].flatMap((a) => a.answers);
    const statuses = new Map<number, number>();
    for (const answer of all) statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
    for (const answer of all.filter((a) => a.status >= 400)) {
      expect([409, 422]).toContain(answer.status);
      expect(String(answer.body.type)).toMatch(/^\/problems\//);
    }

    // What the log holds.
    const { rows } = await db.query<{
      stream_id: string;
      revision: string;
      event_id: string;
      type: string;
      data: { itemId?: string; meetingId?: string };
    }>('SELECT stream_id, revision, event_id, type, data FROM public.es_events ORDER BY transaction_id, seq');
    const itemEvents = rows.filter((r) => r.type === 'AgendaItemAdded');
    const countOf = (values: readonly (string | undefined)[]) => {
      const counts = new Map<string, number>();
      for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
      return counts;
    };
    const itemsInLog = countOf(itemEvents.map((r) => r.data.itemId));
    const scheduledStreams = countOf(rows.filter((r) => r.type === 'MeetingScheduled').map((r) => r.stream_id));

    // Lost: acknowledged (2xx from either process) but absent. Duplicated: in the log more than once.
    const acknowledgedItems = itemAnswers.filter((a) => a.answers.some((x) => x.status < 300));
    const lostItems = acknowledgedItems.filter((a) => !itemsInLog.has(a.item.itemId)).length;
    const duplicatedItems = [...itemsInLog.values()].filter((n) => n > 1).length;
    // A refused pair must have written nothing.
    const refusedButWritten = itemAnswers.filter(
      (a) => a.answers.every((x) => x.status >= 300) && itemsInLog.has(a.item.itemId),
    ).length;
    const duplicateAnswers = itemAnswers.filter((a) => a.answers.some((x) => x.body.duplicate === true)).length;
    const acknowledgedMeetings = meetingAnswers.filter((m) => m.answers.some((x) => x.status < 300));
    const meetingStream = (id: string) => [...scheduledStreams.keys()].find((s) => s.endsWith(id));
    const lostMeetings = acknowledgedMeetings.filter((m) => !meetingStream(m.id)).length;
    const duplicatedMeetings = [...scheduledStreams.values()].filter((n) => n > 1).length;
    const twinsBothCreated = meetingAnswers.filter((m) => m.answers.every((x) => x.status === 201)).length;
    const duplicateEventIds = rows.length - new Set(rows.map((r) => r.event_id)).size;

    // The contended stream's revisions run 0..n-1 without a gap or a repeat.
    const contended = rows.filter((r) => r.stream_id.endsWith(meetingId)).map((r) => Number(r.revision));
    expect(contended).toEqual(contended.map((_, i) => i).sort((a, b) => a - b));

    // The projector's read model shows exactly the log's items (read through either process).
    const deadline = Date.now() + 60_000;
    let shown: string[] = [];
    while (Date.now() < deadline) {
      const response = await fetch(`${two.url}/api/meetings/${meetingId}`, {
        headers: { authorization: `Bearer ${tokens[1]}` },
      });
      if (response.status === 200) {
        const meeting = (await response.json()) as { agenda: Array<{ itemId: string }> };
        shown = meeting.agenda.map((i) => i.itemId);
        if (shown.length === itemsInLog.size) break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const figures = {
      processes: { api: 2, projector: 1 },
      agendaItems: {
        requests: items.length * 2,
        acknowledgedItems: acknowledgedItems.length,
        answeredAsDuplicate: duplicateAnswers,
        inLog: itemsInLog.size,
        lost: lostItems,
        duplicated: duplicatedItems,
        refusedButWritten,
        streamRevisions: contended.length,
      },
      twinMeetings: {
        pairs: meetings.length,
        acknowledged: acknowledgedMeetings.length,
        bothCreated: twinsBothCreated,
        lost: lostMeetings,
        duplicated: duplicatedMeetings,
      },
      duplicateEventIds,
      statuses: Object.fromEntries(statuses),
      readModelItems: shown.length,
    };
    console.log(`two-process race\n${JSON.stringify(figures)}`);

    expect(lostItems).toBe(0);
    expect(duplicatedItems).toBe(0);
    expect(refusedButWritten).toBe(0);
    expect(lostMeetings).toBe(0);
    expect(duplicatedMeetings).toBe(0);
    expect(twinsBothCreated).toBe(0);
    expect(duplicateEventIds).toBe(0);
    // Most items get through: conflicts are retried inside each process before a 409 is answered.
    expect(acknowledgedItems.length).toBeGreaterThan(0);
    expect([...shown].sort()).toEqual([...itemsInLog.keys()].sort());
  }, 180_000);
});
