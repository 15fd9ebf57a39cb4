// Issue 17, item 10: "writes accept other boards' or non-existent ids in a few routes". Every write route
// that names a record (in its path or its body) is called with a random unknown id and with a real id of
// another board. Each must be refused (404 for the path's own record, 422 or 404 for a record the body
// refers to), in plain words that name no internal stream and nothing of the other board, and write
// nothing: the event log's head must not move.
import { randomUUID } from 'node:crypto';
import { handleCommand } from '#event-store';
import { IdentityService } from '#identity';
import { addDays, londonDateOf } from '../../libs/board/src/domain/index.js';
import {
  contributionStream,
  safeguardingCaseDecider,
  safeguardingCaseStream,
} from '../../libs/voice/src/domain/index.js';
import { Callers, decisionBody, head, store, type Who } from '../board/decisions-support.js';
import { DECISION_ITEM, MeetingFixture } from '../board/support/meeting-fixture.js';
import { startTestApp, type HttpResponse, type TestApp } from '../support/test-app.js';
import { ViewFixture } from '../voice/staff-support.js';

interface Probe {
  readonly name: string;
  readonly who: Who | 'public';
  readonly method: 'POST' | 'PUT';
  readonly path: string;
  readonly body: Record<string, unknown>;
  /** 404: the path's own record; 422 (or the 404 the route has always answered): a record the body names. */
  readonly expected: readonly number[];
}

const PATH = [404];
const BODY = [404, 422];
// What a problem must never hold: a stream's name (`meeting-<id>`), or the other board's tenant id.
const STREAM_PREFIXES = ['board', 'meeting', 'decision', 'action', 'contribution', 'call-for-views', 'safeguarding'];

describe('security: writes naming unknown or another board’s records', () => {
  let t: TestApp;
  let callers: Callers;
  let views: ViewFixture;
  let otherTenantId: string;
  const own: Record<string, string> = {};
  const theirs: Record<string, string> = {};

  const today = () => londonDateOf(t.clock.now().toISOString());

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SIGN_INS_PER_MINUTE: '1000', RATE_LIMIT_DEFAULT_PER_MINUTE: '1000000' });
    callers = new Callers(t);
    await callers.createOtherBoard();
    views = new ViewFixture(t);

    // Northshire: a meeting in progress with a decision, an action, an accepted view and a call.
    const chair = await callers.me('chair');
    const meetings = await MeetingFixture.forTenant(t, chair.tenantId, chair.userId);
    own.meeting = await meetings.inProgress();
    own.decision = await decide('chair', own.meeting);
    own.action = await assign('chair', own.decision, { memberId: 'm-dcs' });
    own.view = await views.submit(chair.tenantId, 'Keep my school.');
    expect((await callers.post('moderator', `/api/moderation/views/${own.view}/accept`, {})).status).toBe(200);
    own.call = await openCall('clerk');
    own.officer = (await callers.me('officer')).userId;
    // A second safeguarding lead, so that naming the owners is refused only for the id it names.
    own.deputy = (
      await t.app.get(IdentityService).createStaffUser({
        tenantId: chair.tenantId,
        email: 'second-lead@northshire.example',
        displayName: 'Second lead',
        password: 'second-lead-password-1',
        roles: ['safeguarding-lead'],
      })
    ).id;

    // Southvale: the same kinds of record, each with an id of its own.
    const other = await callers.me('other-chair');
    otherTenantId = other.tenantId;
    const theirMeetings = await MeetingFixture.forTenant(t, other.tenantId, other.userId);
    theirs.meeting = await theirMeetings.inProgress();
    theirs.decision = await decide('other-chair', theirs.meeting);
    theirs.action = await assign('other-chair', theirs.decision, { memberId: 'm-dcs' });
    theirs.view = await views.submit(other.tenantId, 'A Southvale view.');
    await views.run(
      other.tenantId,
      {
        type: 'ModerateContribution',
        data: { contributionId: theirs.view, moderation: { outcome: 'accept' }, at: now() },
      },
      'moderator',
    );
    theirs.call = await openCall('other-clerk');
    const appointed = await callers.post('other-clerk', '/api/board/members', {
      name: 'Southvale only',
      role: 'councillor',
      appointedOn: '2026-01-05',
    });
    expect(appointed.status).toBe(201);
    theirs.member = appointed.json<{ memberId: string }>().memberId;
    theirs.officer = (await callers.me('other-officer')).userId;
    theirs.case = `case-${theirs.view}`;
    await handleCommand(
      store(t),
      safeguardingCaseDecider,
      safeguardingCaseStream(theirs.case),
      {
        type: 'OpenSafeguardingCase',
        data: {
          caseId: theirs.case,
          contributionId: theirs.view,
          categories: ['harm-at-home'],
          source: 'moderator',
          acknowledgeWithin: 60,
          namedLead: theirs.officer,
          deputy: other.userId,
          at: now(),
        },
      },
      {
        tenantId: other.tenantId,
        actor: { id: 'system:test', role: 'system' },
        commandId: randomUUID(),
        correlationId: randomUUID(),
        now: now(),
      },
    );
    await views.caughtUp();
  }, 120_000);
  afterAll(async () => t?.close());

  function now(): string {
    return t.clock.now().toISOString();
  }

  async function decide(who: Who, meetingId: string): Promise<string> {
    const response = await callers.post(
      who,
      `/api/meetings/${meetingId}/agenda-items/${DECISION_ITEM}/decisions`,
      decisionBody(),
    );
    expect(response.status).toBe(201);
    return response.json<{ decisionId: string }>().decisionId;
  }

  async function assign(who: Who, decisionId: string, owner: Record<string, unknown>): Promise<string> {
    const body = { description: 'Report school moves', owner, dueOn: addDays(today(), 30) };
    const response = await callers.post(who, `/api/decisions/${decisionId}/actions`, body);
    expect(response.status).toBe(201);
    return response.json<{ actionId: string }>().actionId;
  }

  async function openCall(who: Who): Promise<string> {
    const body = { question: 'What makes a good placement?', closesOn: addDays(today(), 20) };
    const response = await callers.post(who, '/api/calls-for-views', body);
    expect(response.status).toBe(201);
    return response.json<{ id: string }>().id;
  }

  async function send(probe: Probe): Promise<HttpResponse> {
    if (probe.who === 'public') return t.request(probe.method, probe.path, { body: probe.body });
    const token = await callers.token(probe.who);
    return t.request(probe.method, probe.path, { token, body: probe.body });
  }

  /** Every probe twice: a random unknown id, then the other board's real id of the same kind. */
  function probes(kind: string, id: string): Probe[] {
    const meeting = `/api/meetings/${own.meeting}`;
    const decision = decisionBody();
    const later = { ...decision, meetingId: own.meeting, itemId: DECISION_ITEM, reason: 'Changed', changes: 'More' };
    const dueOn = addDays(today(), 30);
    const all: Array<[string, Probe]> = [
      // The path's own record.
      ['meeting', post('clerk', `/api/meetings/${id}/reschedule`, { startsAt: '2026-05-14T17:30:00+01:00' }, PATH)],
      ['meeting', post('clerk', `/api/meetings/${id}/cancel`, { reason: 'No longer needed' }, PATH)],
      ['meeting', post('clerk', `/api/meetings/${id}/agenda-items`, agendaItem(), PATH)],
      ['meeting', post('clerk', `/api/meetings/${id}/agenda-items/${DECISION_ITEM}/withdraw`, {}, PATH)],
      ['meeting', put('clerk', `/api/meetings/${id}/agenda-order`, { itemIds: [DECISION_ITEM] }, PATH)],
      ['meeting', post('chair', `/api/meetings/${id}/publish-agenda`, {}, PATH)],
      [
        'meeting',
        post('chair', `/api/meetings/${id}/open`, { attendance: [{ memberId: 'm-chair', status: 'present' }] }, PATH),
      ],
      [
        'meeting',
        post(
          'clerk',
          `/api/meetings/${id}/interests`,
          { memberId: 'm-chair', itemId: DECISION_ITEM, nature: 'A relative' },
          PATH,
        ),
      ],
      ['meeting', post('clerk', `/api/meetings/${id}/minutes`, { itemId: DECISION_ITEM, text: 'Noted.' }, PATH)],
      ['meeting', post('chair', `/api/meetings/${id}/close`, {}, PATH)],
      ['meeting', post('chair', `/api/meetings/${id}/adjourn`, { reason: 'Fire alarm' }, PATH)],
      ['meeting', post('clerk', `/api/meetings/${id}/minutes/draft`, {}, PATH)],
      ['meeting', post('clerk', `/api/meetings/${id}/minutes/publish`, {}, PATH)],
      ['meeting', post('chair', `/api/meetings/${id}/agenda-items/${DECISION_ITEM}/decisions`, decision, PATH)],
      ['meeting', post('chair', `/api/meetings/${id}/approve-minutes-of/${own.meeting}`, { corrections: [] }, PATH)],
      [
        'meeting',
        post('clerk', `/api/meetings/${id}/agenda-items/${DECISION_ITEM}/views`, { contributionIds: [own.view] }, PATH),
      ],
      [
        'meeting',
        post(
          'clerk',
          `/api/meetings/${id}/agenda-items/${DECISION_ITEM}/views/considered`,
          { contributionIds: [own.view] },
          PATH,
        ),
      ],
      [
        'decision',
        post('chair', `/api/decisions/${id}/actions`, { description: 'x', owner: { memberId: 'm-dcs' }, dueOn }, PATH),
      ],
      ['decision', post('chair', `/api/decisions/${id}/amend`, later, PATH)],
      ['decision', post('chair', `/api/decisions/${id}/supersede`, { ...later, changes: undefined }, PATH)],
      ['action', post('chair', `/api/actions/${id}/progress`, { note: 'Started' }, PATH)],
      ['action', post('chair', `/api/actions/${id}/complete`, { evidence: 'Done' }, PATH)],
      ['action', post('chair', `/api/actions/${id}/cancel`, { reason: 'Not needed' }, PATH)],
      ['member', post('clerk', `/api/board/members/${id}/stand-down`, { on: today(), reason: 'Left' }, PATH)],
      ['view', post('moderator', `/api/moderation/views/${id}/accept`, {}, PATH)],
      ['view', post('moderator', `/api/moderation/views/${id}/accept-with-redactions`, { redactedText: 'x' }, PATH)],
      ['view', post('moderator', `/api/moderation/views/${id}/ask`, { question: 'Which school?' }, PATH)],
      ['view', post('moderator', `/api/moderation/views/${id}/escalate`, { reason: 'Worried' }, PATH)],
      ['view', post('moderator', `/api/moderation/views/${id}/decline`, { reason: 'spam', note: 'An advert.' }, PATH)],
      ['view', post('moderator', `/api/moderation/views/${id}/summary`, { text: 'In short.' }, PATH)],
      [
        'view',
        post('admin', `/api/staff/contributions/${id}/erasure`, { ground: 'consent-withdrawn', reason: 'ref 1' }, PATH),
      ],
      ['case', post('safeguarding-lead', `/api/safeguarding/cases/${id}/acknowledge`, {}, PATH)],
      [
        'case',
        post(
          'safeguarding-lead',
          `/api/safeguarding/cases/${id}/outcome`,
          { outcome: 'advice-given', reason: 'x' },
          PATH,
        ),
      ],
      ['call', post('clerk', `/api/calls-for-views/${id}/close`, {}, PATH)],
      ['code', post('clerk', `/api/staff/voice-settings/invite-codes/${id}/revoke`, {}, PATH)],
      // A record the body names.
      ['meeting', post('chair', `${meeting}/approve-minutes-of/${id}`, { corrections: [] }, BODY)],
      ['meeting', post('chair', `/api/decisions/${own.decision}/amend`, { ...later, meetingId: id }, BODY)],
      ['meeting', post('clerk', '/api/calls-for-views', { question: 'Q?', closesOn: dueOn, meetingId: id }, BODY)],
      ['meeting', post('officer', '/api/staff/views', onBehalf({ kind: 'meeting', meetingId: id }), BODY)],
      [
        'meeting',
        post(
          'officer',
          '/api/staff/views',
          onBehalf({ kind: 'agenda-item', meetingId: id, itemId: DECISION_ITEM }),
          BODY,
        ),
      ],
      ['meeting', publicView({ kind: 'meeting', meetingId: id })],
      ['meeting', publicView({ kind: 'agenda-item', meetingId: id, itemId: DECISION_ITEM })],
      [
        'decision',
        post(
          'chair',
          `${meeting}/agenda-items/${DECISION_ITEM}/decisions`,
          { ...decision, amends: { decisionId: id, reason: 'r', changes: 'c' } },
          BODY,
        ),
      ],
      ['decision', post('clerk', '/api/views/feedback', feedback({ decisionIds: [id] }), BODY)],
      ['action', post('clerk', '/api/views/feedback', feedback({ actionIds: [id] }), BODY)],
      [
        'view',
        post(
          'chair',
          `${meeting}/agenda-items/${DECISION_ITEM}/decisions`,
          {
            ...decision,
            voiceEvidence: { contributions: [{ contributionId: id, influence: 'shaped', rationale: 'You told us.' }] },
          },
          BODY,
        ),
      ],
      [
        'view',
        post('clerk', `${meeting}/agenda-items/${DECISION_ITEM}/views`, { contributionIds: [id, own.view] }, BODY),
      ],
      [
        'view',
        post('clerk', `${meeting}/agenda-items/${DECISION_ITEM}/views/considered`, { contributionIds: [id] }, BODY),
      ],
      ['view', post('clerk', '/api/views/feedback', feedback({ contributionIds: [id, own.view] }), BODY)],
      ['call', post('officer', '/api/staff/views', onBehalf({ kind: 'call', callId: id }), BODY)],
      ['call', publicView({ kind: 'call', callId: id })],
      [
        'member',
        post(
          'chair',
          `/api/decisions/${own.decision}/actions`,
          { description: 'x', owner: { memberId: id }, dueOn },
          BODY,
        ),
      ],
      [
        'member',
        post('clerk', `${meeting}/interests`, { memberId: id, itemId: DECISION_ITEM, nature: 'A relative' }, BODY),
      ],
      [
        'officer',
        post(
          'chair',
          `/api/decisions/${own.decision}/actions`,
          { description: 'x', owner: { officer: { id, name: 'Jo' } }, dueOn },
          BODY,
        ),
      ],
      [
        'officer',
        put(
          'admin',
          '/api/staff/voice-settings/safeguarding-owners',
          { namedLead: id, deputy: own.deputy, acknowledgeWithinMinutes: 60 },
          BODY,
        ),
      ],
    ];
    return all.filter(([k]) => k === kind).map(([, probe]) => probe);
  }

  function post(who: Who, path: string, body: Record<string, unknown>, expected: readonly number[]): Probe {
    return { name: `POST ${path}`, who, method: 'POST', path, body, expected };
  }

  function put(who: Who, path: string, body: Record<string, unknown>, expected: readonly number[]): Probe {
    return { name: `PUT ${path}`, who, method: 'PUT', path, body, expected };
  }

  function publicView(target: Record<string, unknown>): Probe {
    const path = '/api/public/boards/northshire/views';
    return {
      name: `POST ${path} ${String(target.kind)}`,
      who: 'public',
      method: 'POST',
      path,
      body: { text: 'My view.', target },
      expected: BODY,
    };
  }

  function onBehalf(target: Record<string, unknown>): Record<string, unknown> {
    return { text: 'Told to me at the session.', channel: 'cicc-session', target };
  }

  function feedback(overrides: Record<string, unknown>): Record<string, unknown> {
    return {
      contributionIds: [own.view],
      text: 'You told us; we did it.',
      decisionIds: [],
      actionIds: [],
      ...overrides,
    };
  }

  function agendaItem(): Record<string, unknown> {
    return { title: 'Any other business', purpose: 'discussion', lead: 'The chair' };
  }

  const KINDS = ['meeting', 'decision', 'action', 'member', 'view', 'case', 'call', 'code', 'officer'];

  it.each(['unknown', 'another board’s'])('refuses every write naming %s record, writing nothing', async (which) => {
    const failures: string[] = [];
    let sent = 0;
    for (const kind of KINDS) {
      const id = which === 'unknown' ? randomUUID() : (theirs[kind] ?? randomUUID());
      for (const probe of probes(kind, id)) {
        const before = await head(t);
        const response = await send(probe);
        sent += 1;
        const after = await head(t);
        const label = `${probe.name.replace(id, `<${kind}>`)} (${which} ${kind})`;
        if (!probe.expected.includes(response.status)) {
          failures.push(`${label}: ${response.status} ${response.text.slice(0, 160)}`);
        }
        if (after !== before) failures.push(`${label}: wrote to the log`);
        if (response.status >= 400) {
          const problem = response.json<{ type?: string; detail?: string }>();
          if (!problem.type || !problem.detail) failures.push(`${label}: no problem type or detail`);
          if (STREAM_PREFIXES.some((prefix) => response.text.includes(`${prefix}-${id}`))) {
            failures.push(`${label}: names an internal stream: ${response.text}`);
          }
          if (response.text.includes(otherTenantId)) failures.push(`${label}: names the other board`);
        }
      }
    }
    console.log(`foreign ids (${which}): ${sent} writes tried, ${failures.length} accepted or badly refused`);
    expect(failures).toEqual([]);
  });

  it('still accepts the same writes naming this board’s own records', async () => {
    const feedback = await callers.post('clerk', '/api/views/feedback', {
      contributionIds: [own.view],
      text: 'You told us; we did it.',
      decisionIds: [own.decision],
      actionIds: [own.action],
    });
    expect(feedback.status).toBe(201);
    const byOfficer = await assign('chair', own.decision, { officer: { id: own.officer, name: 'Head of Placements' } });
    expect(byOfficer).toBeTruthy();
    const given = await t.request('POST', '/api/public/boards/northshire/views', {
      body: {
        text: 'About the meeting.',
        target: { kind: 'agenda-item', meetingId: own.meeting, itemId: DECISION_ITEM },
      },
    });
    expect(given.status).toBe(201);
    expect((await store(t).readStream(contributionStream(own.view))).at(-1)!.type).toBe('ContributionFeedbackRecorded');
  });
});
