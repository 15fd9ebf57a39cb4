import { contributionStream } from '../../libs/voice/src/domain/index.js';
import { Callers, codeOf, decisionBody, eventTypes, fieldsOf, head, store } from '../board/decisions-support.js';
import { DECISION_ITEM, MeetingFixture } from '../board/support/meeting-fixture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ViewFixture } from './staff-support.js';

describe('staff voice: tabling, considered and feedback, through HTTP', () => {
  let t: TestApp;
  let callers: Callers;
  let views: ViewFixture;
  let tenantId: string;
  let meetingId: string;
  let otherMeetingId: string;
  let decisionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    callers = new Callers(t);
    await callers.createOtherBoard();
    views = new ViewFixture(t);
    const chair = await callers.me('chair');
    tenantId = chair.tenantId;
    const meetings = await MeetingFixture.forTenant(t, tenantId, chair.userId);
    meetingId = await meetings.published();
    // A real decision for responses to point to (an unknown one is refused).
    const deciding = await meetings.inProgress();
    const decided = await callers.post(
      'chair',
      `/api/meetings/${deciding}/agenda-items/${DECISION_ITEM}/decisions`,
      decisionBody(),
    );
    decisionId = decided.json<{ decisionId: string }>().decisionId;
    const other = await callers.me('other-chair');
    otherMeetingId = await (await MeetingFixture.forTenant(t, other.tenantId, other.userId)).published();
  });
  afterAll(async () => t.close());

  const viewsAt = (meeting = meetingId, item = DECISION_ITEM) => `/api/meetings/${meeting}/agenda-items/${item}/views`;

  /** Shared "summary only" (the default): accepted with the summary the board will read. */
  async function accepted(text: string): Promise<string> {
    const id = await views.submit(tenantId, text);
    const response = await callers.post('moderator', `/api/moderation/views/${id}/accept`, {
      summary: `In short: ${text}`,
    });
    expect(response.status).toBe(200);
    return id;
  }

  it('tables accepted views, marks them considered, and records one response for the group', async () => {
    const a = await accepted('Keep my school.');
    const b = await accepted('Tell me before I move.');
    const tabled = await callers.post('clerk', viewsAt(), { contributionIds: [a, b] });
    expect(tabled.status).toBe(201);
    expect(tabled.json<{ views: Array<{ id: string; events: string[] }> }>().views).toEqual([
      expect.objectContaining({ id: a, events: ['ContributionTabled'] }),
      expect.objectContaining({ id: b, events: ['ContributionTabled'] }),
    ]);
    const considered = await callers.post('clerk', `${viewsAt()}/considered`, { contributionIds: [a, b] });
    expect(considered.status).toBe(201);
    const feedback = await callers.post('clerk', '/api/views/feedback', {
      contributionIds: [a, b],
      text: 'You told us moving school hurt most. Now you keep your school unless you choose to move.',
      decisionIds: [decisionId],
      actionIds: [],
    });
    expect(feedback.status).toBe(201);
    const { feedbackId } = feedback.json<{ feedbackId: string }>();
    for (const id of [a, b]) {
      const events = await store(t).readStream(contributionStream(id));
      expect(events.map((e) => e.type)).toEqual([
        'ContributionSubmitted',
        'ContributionAccepted',
        'ContributionSummarised',
        'ContributionTabled',
        'ContributionConsidered',
        'ContributionFeedbackRecorded',
      ]);
      expect(events.at(-1)!.data).toMatchObject({ feedbackId, decisionIds: [decisionId] });
      expect(events.at(-2)!.data).toMatchObject({ meetingId, itemId: DECISION_ITEM });
    }
  });

  it('lists accepted views not yet tabled for the clerk, words only as shared, and records each read of words', async () => {
    const shared = await views.submit(tenantId, 'Ask us before you change our rooms.', { sharing: 'verbatim' });
    expect((await callers.post('moderator', `/api/moderation/views/${shared}/accept`, {})).status).toBe(200);
    const summaryOnly = await accepted('Only a summary of this one.');
    const waiting = await views.submit(tenantId, 'Not moderated yet.');
    const withdrawn = await accepted('I changed my mind.');
    await views.withdraw(tenantId, withdrawn);
    const tabled = await accepted('Already before the board.');
    expect((await callers.post('clerk', viewsAt(), { contributionIds: [tabled] })).status).toBe(201);
    const other = await callers.me('other-chair');
    const theirs = await views.submit(other.tenantId, 'A Southvale view.', { sharing: 'verbatim' });
    await views.caughtUp();

    const response = await callers.get('clerk', '/api/views/ready-to-table');
    expect(response.status).toBe(200);
    const ready =
      response.json<
        Array<{ contributionId: string; words?: string; summary?: string; sharing: string; needsSummary: boolean }>
      >();
    const ids = ready.map((view) => view.contributionId);
    expect(ids).toEqual(expect.arrayContaining([shared, summaryOnly]));
    for (const absent of [waiting, withdrawn, tabled, theirs]) expect(ids).not.toContain(absent);
    expect(ready.find((view) => view.contributionId === shared)).toMatchObject({
      sharing: 'verbatim',
      words: 'Ask us before you change our rooms.',
    });
    // Shared "summary only": the board reads the moderator's summary, never the words; the read is logged.
    expect(ready.find((view) => view.contributionId === summaryOnly)).not.toHaveProperty('words');
    expect(ready.find((view) => view.contributionId === summaryOnly)).toMatchObject({
      summary: 'In short: Only a summary of this one.',
      needsSummary: false,
    });
    const clerk = await callers.me('clerk');
    const reads = await views.textReadsBy(tenantId, clerk.userId);
    expect(reads).toContain(shared);
    expect(reads).toContain(summaryOnly);
    expect((await callers.get('member', '/api/views/ready-to-table')).status).toBe(403);
    expect((await callers.get(undefined, '/api/views/ready-to-table')).status).toBe(401);
  });

  it('refuses the whole group when one view is not accepted, writing nothing', async () => {
    const ok = await accepted('Let me see my file.');
    const waiting = await views.submit(tenantId, 'Still waiting for moderation.');
    const before = await head(t);
    const response = await callers.post('clerk', viewsAt(), { contributionIds: [ok, waiting] });
    expect({ status: response.status, code: codeOf(response) }).toEqual({
      status: 422,
      code: 'contribution-not-accepted',
    });
    expect(await head(t)).toBe(before);
    expect(await eventTypes(t, contributionStream(ok))).toEqual([
      'ContributionSubmitted',
      'ContributionAccepted',
      'ContributionSummarised',
    ]);
  });

  it('is for the clerk; bad input is 400; another board’s meeting or view is 404', async () => {
    const id = await accepted('One more view.');
    const before = await head(t);
    expect((await callers.post('member', viewsAt(), { contributionIds: [id] })).status).toBe(403);
    expect((await callers.post('moderator', '/api/views/feedback', { contributionIds: [id] })).status).toBe(403);
    const empty = await callers.post('clerk', viewsAt(), { contributionIds: [] });
    expect({ status: empty.status, fields: fieldsOf(empty) }).toEqual({ status: 400, fields: ['contributionIds'] });
    const noText = await callers.post('clerk', '/api/views/feedback', {
      contributionIds: [id],
      decisionIds: [],
      actionIds: [],
    });
    expect({ status: noText.status, fields: fieldsOf(noText) }).toEqual({ status: 400, fields: ['text'] });
    expect((await callers.post('clerk', viewsAt(otherMeetingId), { contributionIds: [id] })).status).toBe(404);
    expect((await callers.post('clerk', viewsAt(meetingId, 'no-such-item'), { contributionIds: [id] })).status).toBe(
      404,
    );
    const theirs = await views.submit((await callers.me('other-chair')).tenantId, 'Southvale view.');
    const afterTheirs = await head(t);
    expect((await callers.post('clerk', viewsAt(), { contributionIds: [id, theirs] })).status).toBe(404);
    expect(await head(t)).toBe(afterTheirs);
    expect(before).not.toBe(afterTheirs);
  });
});
