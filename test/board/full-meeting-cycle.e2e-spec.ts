// Issue 3's "done when": a full meeting cycle through HTTP. Schedule, build and publish the agenda,
// open with attendance, record minutes and a decision citing views, assign an action, close, then
// approve and publish the minutes at the next meeting.
import {
  EVENT_STORE,
  iterateAll,
  ProjectionRunner,
  verifyChain,
  type EventStore,
  type ProtectedEventStore,
} from '#event-store';
import { IdentityService } from '#identity';
import { decisionStream, meetingStream } from '../../libs/board/src/domain/index.js';
import { startTestApp, type HttpResponse, type TestApp } from '../support/test-app.js';
import { VoiceDouble } from './decisions-support.js';

describe('a full meeting cycle through HTTP', () => {
  let t: TestApp;
  let tenantId: string;
  let voice: VoiceDouble;

  beforeAll(async () => {
    // Signs in as many roles from one address: more than the real 10 sign-ins a minute.
    t = await startTestApp({ RATE_LIMIT_SIGN_INS_PER_MINUTE: '100' });
    tenantId = (await t.app.get(IdentityService).tenantBySlug('northshire'))!.id;
    voice = VoiceDouble.install(t);
  });
  afterAll(async () => t.close());

  /** Moves the fixed clock, then acts as a demo role (a fresh 15-minute token at that time). */
  async function as(role: string, at: string, method: string, path: string, body?: unknown): Promise<HttpResponse> {
    t.clock.set(new Date(at));
    const token = await t.signIn(`${role}@northshire.example`);
    return t.request(method, path, { token, body });
  }

  async function ok(response: Promise<HttpResponse>, status = 200): Promise<Record<string, unknown>> {
    const r = await response;
    if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${r.text}`);
    return r.json();
  }

  const store = (): EventStore => t.app.get<EventStore>(EVENT_STORE);
  const types = async (stream: string): Promise<string[]> => (await store().readStream(stream)).map((e) => e.type);

  it('runs two meetings: the second approves the first one’s minutes, which are then published', async () => {
    const day0 = '2026-03-02T09:00:00Z';
    await ok(
      as('clerk', day0, 'PUT', '/api/board', {
        name: 'Northshire Corporate Parenting Board',
        council: 'Northshire County Council',
        jurisdiction: 'england',
        quorum: 3,
        termsOfReference: 'To hold the council to account as corporate parent.',
      }),
    );
    const members: Record<string, string> = {};
    for (const [key, name, role] of [
      ['chair', 'Cllr Priya Shah', 'chair'],
      ['tom', 'Cllr Tom Evans', 'councillor'],
      ['jo', 'Cllr Jo Reid', 'councillor'],
      ['yp', 'Jordan', 'young-person-representative'],
    ] as const) {
      const body = await ok(
        as('clerk', day0, 'POST', '/api/board/members', { name, role, appointedOn: '2026-01-01' }),
        201,
      );
      members[key] = body.memberId as string;
    }

    // Meeting 1: scheduled, agenda built and published in good time by the chair.
    const first = (
      await ok(
        as('clerk', day0, 'POST', '/api/meetings', {
          title: 'Spring board',
          startsAt: '2026-03-20T17:00:00Z',
          place: 'County Hall',
        }),
        201,
      )
    ).meetingId as string;
    const item = (
      await ok(
        as('clerk', day0, 'POST', `/api/meetings/${first}/agenda-items`, {
          title: 'Stability of placements',
          purpose: 'decision',
          lead: 'Director of Children’s Services',
          themes: ['placement-stability'],
          principles: ['safe-and-stable'],
          papers: [{ title: 'Placement stability report', link: 'https://example.org/papers/stability.pdf' }],
          restricted: false,
        }),
        201,
      )
    ).itemId as string;
    await ok(as('chair', '2026-03-03T10:00:00Z', 'POST', `/api/meetings/${first}/publish-agenda`, {}));

    // The meeting: attendance and quorum, minutes, a decision citing a young person's view, an action.
    const at = '2026-03-20T17:05:00Z';
    await ok(
      as('chair', at, 'POST', `/api/meetings/${first}/open`, {
        attendance: [
          { memberId: members.chair, status: 'present' },
          { memberId: members.tom, status: 'present' },
          { memberId: members.jo, status: 'apologies' },
          { memberId: members.yp, status: 'present' },
        ],
      }),
    );
    await ok(
      as('clerk', at, 'POST', `/api/meetings/${first}/minutes`, {
        itemId: item,
        text: 'The board heard the report and the views of young people.',
      }),
    );
    voice.set(tenantId, 'view-0001', 'citable');
    const decisionId = (
      await ok(
        as('chair', at, 'POST', `/api/meetings/${first}/agenda-items/${item}/decisions`, {
          resolution: 'Every child moving placement gets a say in the plan and a named worker for the move.',
          kind: 'resolution',
          reached: { method: 'vote', for: 3, against: 0, abstain: 0 },
          reasons: 'Young people told us moves felt sudden and they were not asked.',
          themes: ['placement-stability'],
          principles: ['take-views-into-account'],
          voiceEvidence: {
            contributions: [
              {
                contributionId: 'view-0001',
                influence: 'shaped',
                rationale: 'The words "nobody asked me" led to the named worker.',
              },
            ],
          },
        }),
        201,
      )
    ).decisionId as string;
    const officer = (
      await t.app.get(IdentityService).signIn('northshire', 'officer@northshire.example', 'demo-board-2026')
    ).user;
    const actionId = (
      await ok(
        as('chair', at, 'POST', `/api/decisions/${decisionId}/actions`, {
          description: 'Name a worker for every planned placement move',
          owner: { officer: { id: officer.id, name: officer.displayName } },
          dueOn: '2026-05-01',
        }),
        201,
      )
    ).actionId as string;
    await ok(
      as('officer', '2026-03-25T09:00:00Z', 'POST', `/api/actions/${actionId}/progress`, { note: 'Guidance drafted.' }),
    );
    await ok(as('chair', '2026-03-20T19:00:00Z', 'POST', `/api/meetings/${first}/close`, {}));
    await ok(as('clerk', '2026-03-23T09:00:00Z', 'POST', `/api/meetings/${first}/minutes/draft`, {}));

    // Meeting 2 approves meeting 1's minutes (with a correction) as a decision; then they are published.
    const second = (
      await ok(
        as('clerk', '2026-03-23T09:00:00Z', 'POST', '/api/meetings', {
          title: 'Summer board',
          startsAt: '2026-04-24T17:00:00Z',
          onlineLink: 'https://meet.example.org/cpb',
        }),
        201,
      )
    ).meetingId as string;
    await ok(as('chair', '2026-03-24T09:00:00Z', 'POST', `/api/meetings/${second}/publish-agenda`, {}));
    const at2 = '2026-04-24T17:02:00Z';
    await ok(
      as('chair', at2, 'POST', `/api/meetings/${second}/open`, {
        attendance: [
          { memberId: members.chair, status: 'present' },
          { memberId: members.tom, status: 'present' },
          { memberId: members.jo, status: 'present' },
          { memberId: members.yp, status: 'apologies' },
        ],
      }),
    );
    const approval = await ok(
      as('chair', at2, 'POST', `/api/meetings/${second}/approve-minutes-of/${first}`, {
        corrections: [{ itemId: item, text: 'The board heard the report and the views of nine young people.' }],
      }),
      201,
    );
    expect(approval.decisionId).toEqual(expect.any(String));
    await ok(as('chair', '2026-04-24T19:00:00Z', 'POST', `/api/meetings/${first}/minutes/publish`, {}));

    // Approved minutes never change.
    const late = await as('clerk', '2026-04-25T09:00:00Z', 'POST', `/api/meetings/${first}/minutes`, {
      itemId: item,
      text: 'Rewritten',
    });
    expect(late.status).toBe(422);

    // The read side, as the chair and an auditor see it.
    await t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 15_000 });
    const detail = await ok(as('auditor', '2026-04-25T10:00:00Z', 'GET', `/api/meetings/${first}`));
    expect(JSON.stringify(detail)).toContain('The board heard the report and the views of nine young people.');
    expect(detail).toMatchObject({ status: 'minutes-published' });
    const register = await ok(as('chair', '2026-04-25T10:00:00Z', 'GET', '/api/decisions?voiceEvidence=with'));
    expect(JSON.stringify(register)).toContain(decisionId);
    const overdue = await ok(as('chair', '2026-05-04T10:00:00Z', 'GET', '/api/actions?status=overdue'));
    expect(JSON.stringify(overdue)).toContain(actionId);
    const notYet = await ok(as('chair', '2026-05-01T10:00:00Z', 'GET', '/api/actions?status=overdue'));
    expect(JSON.stringify(notYet)).not.toContain(actionId);

    // The record, as events: every step, in order, attributable.
    expect(await types(meetingStream(first))).toEqual([
      'MeetingScheduled',
      'AgendaItemAdded',
      'AgendaItemAdded',
      'AgendaItemAdded',
      'AgendaItemAdded',
      'AgendaItemAdded',
      'AgendaPublished',
      'MeetingOpened',
      'MinutesRecorded',
      'MeetingClosed',
      'MinutesDrafted',
      'MinutesApproved',
      'MinutesPublished',
    ]);
    const [recorded] = await store().readStream(decisionStream(decisionId));
    expect(recorded!.data).toMatchObject({
      meetingId: first,
      itemId: item,
      voiceEvidence: { contributions: [{ contributionId: 'view-0001', influence: 'shaped' }] },
    });
    expect(recorded!.metadata).toMatchObject({ tenantId, actor: { role: 'chair' } });
    // The chain is over what is stored (member names sealed), so it is checked on the raw log.
    const raw = (store() as ProtectedEventStore).raw;
    const report = await verifyChain(iterateAll(raw), raw.chainScope);
    expect(report).toMatchObject({ ok: true });
    const storedBoard = (await raw.readStream(`board-${tenantId}`)).map((e) => JSON.stringify(e.data)).join('\n');
    expect(storedBoard).toContain('$pd');
    expect(storedBoard).not.toContain('Jordan');
  });
});
