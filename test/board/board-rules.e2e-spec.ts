// Issue 18, item 7: rules the board keeps, through HTTP with the real voice context (no double). A
// decision cites only views tabled at its item, or records why one not tabled was considered; a meeting is
// not opened, and nothing is decided at it, before its day (in London).
import { decisionStream, meetingStream } from '../../libs/board/src/domain/index.js';
import { startTestApp, type HttpResponse, type TestApp } from '../support/test-app.js';
import { ViewFixture } from '../voice/staff-support.js';
import { Callers, codeOf, decisionBody, eventTypes, fieldsOf, head, store } from './decisions-support.js';
import { DECISION_ITEM, MeetingFixture } from './support/meeting-fixture.js';

const LATE = 'It came in the day of the meeting; the chair read it out before the vote.';

describe('rules the board keeps, through HTTP', () => {
  let t: TestApp;
  let callers: Callers;
  let views: ViewFixture;
  let meetings: MeetingFixture;
  let tenantId: string;

  beforeAll(async () => {
    // Signs in as several roles from one address, again as the clock moves: more than 10 sign-ins a minute.
    t = await startTestApp({ RATE_LIMIT_SIGN_INS_PER_MINUTE: '100' });
    callers = new Callers(t);
    views = new ViewFixture(t);
    const chair = await callers.me('chair');
    tenantId = chair.tenantId;
    meetings = await MeetingFixture.forTenant(t, tenantId, chair.userId);
  });
  afterAll(async () => t.close());

  const decisionsAt = (meetingId: string) => `/api/meetings/${meetingId}/agenda-items/${DECISION_ITEM}/decisions`;
  const viewsAt = (meetingId: string) => `/api/meetings/${meetingId}/agenda-items/${DECISION_ITEM}/views`;
  const citation = (contributionId: string, extra: Record<string, unknown> = {}) => ({
    contributionId,
    influence: 'shaped',
    rationale: 'You told us moving school hurt most; now you keep your school.',
    ...extra,
  });
  const cite = (meetingId: string, ...citations: Array<Record<string, unknown>>) =>
    callers.post('chair', decisionsAt(meetingId), decisionBody({ voiceEvidence: { contributions: citations } }));

  /** A view shared word for word, accepted by the moderator, and the read models caught up. */
  async function accepted(text: string): Promise<string> {
    const id = await views.submit(tenantId, text, { sharing: 'verbatim' });
    const response = await callers.post('moderator', `/api/moderation/views/${id}/accept`, {});
    expect(response.status).toBe(200);
    await views.caughtUp();
    return id;
  }

  async function table(meetingId: string, ...ids: string[]): Promise<void> {
    const response = await callers.post('clerk', viewsAt(meetingId), { contributionIds: ids });
    expect(response.status).toBe(201);
  }

  /** A refusal that wrote nothing, anywhere. */
  async function refused(request: () => Promise<HttpResponse>, status: number): Promise<HttpResponse> {
    const before = await head(t);
    const response = await request();
    expect([response.status, response.text]).toEqual([status, expect.any(String)]);
    expect(await head(t)).toBe(before);
    return response;
  }

  describe('a decision cites the views tabled at its item', () => {
    let meetingId: string;
    let tabledHere: string;
    let notTabled: string;
    let tabledElsewhere: string;

    beforeAll(async () => {
      meetingId = await meetings.inProgress();
      const elsewhere = await meetings.published();
      tabledHere = await accepted('Moving school was the worst part of moving.');
      notTabled = await accepted('Nobody told me I was moving until the day.');
      tabledElsewhere = await accepted('I want to see my brother more.');
      await table(elsewhere, tabledElsewhere);
    });

    it('records a decision citing a view tabled at the item a moment before (no wait for the read models)', async () => {
      const fresh = await accepted('Let me keep my school.');
      await table(meetingId, tabledHere, fresh);
      const response = await cite(meetingId, citation(tabledHere), citation(fresh, { influence: 'informed' }));
      expect(response.status).toBe(201);
      const { decisionId } = response.json<{ decisionId: string }>();
      expect(await eventTypes(t, decisionStream(decisionId))).toEqual(['DecisionRecorded']);
    });

    it('refuses a view not tabled at the item (422), naming it and why in plain words, writing nothing', async () => {
      const response = await refused(() => cite(meetingId, citation(tabledHere), citation(notTabled)), 422);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.json()).toEqual({
        type: '/problems/view-not-tabled-at-item',
        title: expect.any(String),
        status: 422,
        detail:
          `View ${notTabled} was not tabled at this agenda item, so the board has not had it before it here. ` +
          'Table it at this item first, or give notTabledReason: why the board considered it without it being tabled.',
        instance: '/api/meetings/:meetingId/agenda-items/:itemId/decisions',
        contributionId: notTabled,
      });
      // No internal stream names: not the view's, the meeting's or the board's.
      expect(response.text).not.toContain(`contribution-${notTabled}`);
      expect(response.text).not.toContain(meetingStream(meetingId));
      expect(response.text).not.toMatch(/stream|tenant/i);
    });

    it('refuses a view tabled only at another meeting', async () => {
      const response = await refused(() => cite(meetingId, citation(tabledElsewhere)), 422);
      expect(response.json()).toMatchObject({
        type: '/problems/view-not-tabled-at-item',
        contributionId: tabledElsewhere,
      });
    });

    it('records a view not tabled with the chair’s reason, on the record and in the decision’s history and insight', async () => {
      const response = await cite(
        meetingId,
        citation(tabledHere, { influence: 'informed' }),
        citation(notTabled, { notTabledReason: LATE }),
      );
      expect(response.status).toBe(201);
      const { decisionId } = response.json<{ decisionId: string }>();
      const [recorded] = await store(t).readStream(decisionStream(decisionId));
      const contributions = (recorded!.data as { voiceEvidence: { contributions: Array<Record<string, unknown>> } })
        .voiceEvidence.contributions;
      expect(contributions).toEqual([
        citation(tabledHere, { influence: 'informed' }),
        citation(notTabled, { notTabledReason: LATE }),
      ]);
      await views.caughtUp();

      // The decisions register.
      const register = await callers.get('chair', `/api/decisions/${decisionId}`);
      expect(register.status).toBe(200);
      const cited = register.json<{ citations: Array<Record<string, unknown>> }>().citations;
      expect(cited.find((c) => c.contributionId === notTabled)).toMatchObject({ notTabledReason: LATE });
      expect(cited.find((c) => c.contributionId === tabledHere)).not.toHaveProperty('notTabledReason');

      // The audit history: the event as recorded.
      const history = await callers.get('auditor', `/api/audit/decisions/${decisionId}/history`);
      expect(history.status).toBe(200);
      const [event] = history.json<{ events: Array<{ type: string; data: Record<string, unknown> }> }>().events;
      expect(event).toMatchObject({
        type: 'DecisionRecorded',
        data: {
          voiceEvidence: { contributions: [expect.anything(), expect.objectContaining({ notTabledReason: LATE })] },
        },
      });

      // How children's views shaped the decision.
      const insight = await callers.get('chair', `/api/insight/decisions/${decisionId}/influence`);
      expect(insight.status).toBe(200);
      const { influence } = insight.json<{ influence: Record<string, Array<Record<string, unknown>>> }>();
      expect(influence.shaped).toEqual([expect.objectContaining({ contributionId: notTabled, notTabledReason: LATE })]);
      expect(influence.informed).toEqual([expect.objectContaining({ contributionId: tabledHere })]);
      expect(influence.informed![0]).not.toHaveProperty('notTabledReason');
    });

    it('refuses a reason for a view that was tabled at the item (422), and a blank reason (400)', async () => {
      const tabled = await refused(() => cite(meetingId, citation(tabledHere, { notTabledReason: LATE })), 422);
      expect(tabled.json()).toMatchObject({ type: '/problems/view-was-tabled-at-item', contributionId: tabledHere });
      const blank = await refused(() => cite(meetingId, citation(notTabled, { notTabledReason: ' ' })), 400);
      expect(fieldsOf(blank)).toEqual(['voiceEvidence.contributions.0.notTabledReason']);
    });

    it('still refuses a view that may not be cited at all, whatever the reason', async () => {
      const waiting = await views.submit(tenantId, 'Not read by anyone yet.', { sharing: 'verbatim' });
      await views.caughtUp();
      const response = await refused(() => cite(meetingId, citation(waiting, { notTabledReason: LATE })), 422);
      expect(codeOf(response)).toBe('contribution-not-citable');
    });
  });

  describe('a meeting is held on its day', () => {
    it('refuses to open a meeting before its day (422, in the rule’s words), and opens it on the day', async () => {
      const now = t.clock.now();
      // A meeting three weeks on, its agenda published now.
      const startsAt = new Date(now.getTime() + 21 * 86_400_000);
      startsAt.setUTCHours(17, 30, 0, 0);
      const meetingId = await meetings.published({ startsAt: startsAt.toISOString() });
      const open = () =>
        callers.post('chair', `/api/meetings/${meetingId}/open`, {
          attendance: ['m-chair', 'm-evans', 'm-dcs'].map((memberId) => ({ memberId, status: 'present' })),
        });
      const early = await refused(open, 422);
      expect(early.json()).toMatchObject({
        type: '/problems/before-meeting-day',
        detail: expect.stringMatching(
          /^This meeting is on \w+day \d{1,2} \w+ 2026: it can be opened on that day, not before\.$/,
        ),
        meetingOn: startsAt.toISOString().slice(0, 10),
      });
      // The morning of the day: open.
      t.clock.set(new Date(`${startsAt.toISOString().slice(0, 10)}T08:00:00Z`));
      const opened = await open();
      expect(opened.status).toBe(200);
      expect(await eventTypes(t, meetingStream(meetingId))).toContain('MeetingOpened');
    });

    it('refuses a decision dated before the meeting’s day (422), as with a clock set wrong', async () => {
      const meetingId = await meetings.inProgress({ startsAt: '2026-06-16T17:30:00+01:00' });
      const onTheDay = t.clock.now();
      try {
        t.clock.set(new Date('2026-06-15T20:00:00Z'));
        const early = await refused(() => callers.post('chair', decisionsAt(meetingId), decisionBody()), 422);
        expect(early.json()).toMatchObject({
          type: '/problems/before-meeting-day',
          detail: 'This meeting is on Tuesday 16 June 2026: decisions can be recorded at it on that day, not before.',
          meetingOn: '2026-06-16',
          today: '2026-06-15',
        });
      } finally {
        t.clock.set(onTheDay);
      }
      expect((await callers.post('chair', decisionsAt(meetingId), decisionBody())).status).toBe(201);
    });
  });
});
