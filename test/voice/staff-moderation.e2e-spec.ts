import { CONTRIBUTION_CITABILITY, type ContributionCitabilityReader } from '#board';
import { decisionStream } from '../../libs/board/src/domain/index.js';
import { Callers, citing, codeOf, decisionBody, eventTypes, head } from '../board/decisions-support.js';
import { DECISION_ITEM, MeetingFixture } from '../board/support/meeting-fixture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ViewFixture } from './staff-support.js';

interface QueuedView {
  contributionId: string;
  status: string;
  text: string | null;
  sharing: string;
  anonymisedPreview: { text: string; removed: Array<{ kind: string; text: string }> } | null;
}

describe('staff voice: moderation, citability and what the board may see, through HTTP', () => {
  let t: TestApp;
  let callers: Callers;
  let views: ViewFixture;
  let tenantId: string;
  let otherTenantId: string;

  beforeAll(async () => {
    t = await startTestApp();
    callers = new Callers(t);
    await callers.createOtherBoard();
    views = new ViewFixture(t);
    tenantId = (await callers.me('chair')).tenantId;
    otherTenantId = (await callers.me('other-chair')).tenantId;
  });
  afterAll(async () => t.close());

  const queue = async (who: 'moderator' | 'chair' = 'moderator') =>
    t.request('GET', '/api/moderation/queue', { token: await callers.token(who) });
  const queuedIds = async () => (await queue()).json<QueuedView[]>().map((v) => v.contributionId);
  const citability = (ids: string[], tenant = tenantId) =>
    t.app.get<ContributionCitabilityReader>(CONTRIBUTION_CITABILITY).citability(tenant, ids);

  it('lists views awaiting moderation with their words, and records each read in the access log', async () => {
    const a = await views.submit(tenantId, 'I never know who my social worker is.');
    // Oldest first: b is given a minute later.
    t.clock.advance(60_000);
    const b = await views.submit(tenantId, 'My placement moved three times this year.');
    await views.caughtUp();
    const response = await queue();
    expect(response.status).toBe(200);
    const listed = response.json<QueuedView[]>();
    expect(listed.filter((v) => [a, b].includes(v.contributionId))).toEqual([
      expect.objectContaining({
        contributionId: a,
        status: 'submitted',
        text: 'I never know who my social worker is.',
      }),
      expect.objectContaining({
        contributionId: b,
        status: 'submitted',
        text: 'My placement moved three times this year.',
      }),
    ]);
    const moderator = await callers.me('moderator');
    const logged = await views.textReadsBy(tenantId, moderator.userId);
    expect(logged).toEqual(expect.arrayContaining(listed.map((v) => v.contributionId)));
  });

  it('shows, for a view shared "anonymised", what everyone else will see and each part taken out, before accepting', async () => {
    const words = 'My carer Sam at Hilltop Academy shouts. Ring me on 07700 900123.';
    const anonymised = await views.submit(tenantId, words, { sharing: 'anonymised' });
    const verbatim = await views.submit(tenantId, words, { sharing: 'verbatim' });
    const summary = await views.submit(tenantId, words);
    await views.caughtUp();
    const listed = (await queue()).json<QueuedView[]>();
    const of = (id: string) => listed.find((v) => v.contributionId === id)!;
    // The moderator still reads the words as given; the preview is what the public and the board get.
    expect(of(anonymised)).toMatchObject({
      text: words,
      sharing: 'anonymised',
      anonymisedPreview: {
        text: 'My carer [name] at [school] shouts. Ring me on [contact].',
        removed: [
          { kind: 'name', text: 'Sam' },
          { kind: 'school', text: 'Hilltop Academy' },
          { kind: 'contact', text: '07700 900123' },
        ],
      },
    });
    expect(of(verbatim).anonymisedPreview).toBeNull();
    expect(of(summary).anonymisedPreview).toBeNull();
    const document = (await t.request('GET', '/api/docs/openapi.json')).json<{
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    }>();
    expect(document.components.schemas.QueuedViewResponse!.properties.anonymisedPreview).toBeDefined();
    for (const id of [anonymised, verbatim, summary]) {
      expect((await callers.post('moderator', `/api/moderation/views/${id}/accept`, {})).status).toBe(200);
    }
  });

  it('is for moderators only', async () => {
    expect((await queue('chair')).status).toBe(403);
    const id = await views.submit(tenantId, 'Please listen to us.');
    const accept = await callers.post('chair', `/api/moderation/views/${id}/accept`, {});
    expect(accept.status).toBe(403);
  });

  it('accepts a view, which becomes citable, and a chair’s decision citing it is recorded', async () => {
    // Shared word for word: citable once accepted (a "summary only" view also needs its summary).
    const id = await views.submit(tenantId, 'Moving school was the worst part.', { sharing: 'verbatim' });
    await views.caughtUp();
    expect(await citability([id])).toEqual([{ contributionId: id, status: 'not-accepted' }]);
    const accepted = await callers.post('moderator', `/api/moderation/views/${id}/accept`, {});
    expect(accepted.status).toBe(200);
    expect(accepted.json()).toMatchObject({ id, events: ['ContributionAccepted'], duplicate: false });
    await views.caughtUp();
    expect(await queuedIds()).not.toContain(id);
    expect(await citability([id])).toEqual([{ contributionId: id, status: 'citable' }]);

    const chair = await callers.me('chair');
    const meetings = await MeetingFixture.forTenant(t, tenantId, chair.userId);
    const meetingId = await meetings.inProgress();
    // The board decides on what was put before it: the clerk tables the view at the item first.
    const tabled = await callers.post('clerk', `/api/meetings/${meetingId}/agenda-items/${DECISION_ITEM}/views`, {
      contributionIds: [id],
    });
    expect(tabled.status).toBe(201);
    const decided = await callers.post(
      'chair',
      `/api/meetings/${meetingId}/agenda-items/${DECISION_ITEM}/decisions`,
      decisionBody({ voiceEvidence: citing([id, 'shaped', 'You told us moving school hurt most.']) }),
    );
    expect(decided.status).toBe(201);
    const { decisionId } = decided.json<{ decisionId: string }>();
    expect(await eventTypes(t, decisionStream(decisionId))).toEqual(['DecisionRecorded']);

    // A view not yet moderated is refused, and nothing is written.
    const waiting = await views.submit(tenantId, 'Nobody asked me.');
    await views.caughtUp();
    const before = await head(t);
    const refused = await callers.post(
      'chair',
      `/api/meetings/${meetingId}/agenda-items/${DECISION_ITEM}/decisions`,
      decisionBody({ voiceEvidence: citing([waiting]) }),
    );
    expect({ status: refused.status, code: codeOf(refused) }).toEqual({
      status: 422,
      code: 'contribution-not-citable',
    });
    expect(await head(t)).toBe(before);
  });

  it('accepts with redactions, asks a question, and validates what the moderator sends', async () => {
    const redact = await views.submit(tenantId, 'My carer Sam shouts at me.', { sharing: 'anonymised' });
    const ask = await views.submit(tenantId, 'The review was bad.');
    const red = await callers.post('moderator', `/api/moderation/views/${redact}/accept-with-redactions`, {
      redactedText: 'My carer [name] shouts at me.',
    });
    expect(red.json()).toMatchObject({ events: ['ContributionAcceptedWithRedactions'] });
    const asked = await callers.post('moderator', `/api/moderation/views/${ask}/ask`, { question: 'Which review?' });
    expect(asked.json()).toMatchObject({ events: ['ContributionQuestionAsked'] });
    await views.caughtUp();
    expect(await citability([redact, ask])).toEqual([
      { contributionId: redact, status: 'citable' },
      { contributionId: ask, status: 'not-accepted' },
    ]);
    expect(await queuedIds()).not.toContain(ask);

    const before = await head(t);
    const empty = await callers.post('moderator', `/api/moderation/views/${ask}/ask`, { question: '' });
    expect(empty.status).toBe(400);
    const extra = await callers.post('moderator', `/api/moderation/views/${ask}/escalate`, { reason: 'x', at: 'y' });
    expect(extra.status).toBe(400);
    expect(await head(t)).toBe(before);
  });

  it('withholds an escalated view from the queue and the board, which sees only a count', async () => {
    const countOf = async () =>
      (await t.request('GET', '/api/board/withheld-views-count', { token: await callers.token('member') })).json<{
        withheld: number;
      }>().withheld;
    await views.caughtUp();
    const before = await countOf();
    const screened = await views.submit(tenantId, 'Something happened at home.', { flagged: true });
    const flagged = await views.submit(tenantId, 'I am scared to go back.');
    const escalated = await callers.post('moderator', `/api/moderation/views/${flagged}/escalate`, {
      reason: 'Sounds unsafe at home',
    });
    expect(escalated.json()).toMatchObject({ events: ['ContributionEscalatedForSafeguarding'] });
    await views.caughtUp();
    const ids = await queuedIds();
    expect(ids).not.toContain(screened);
    expect(ids).not.toContain(flagged);
    expect(await countOf()).toBe(before + 2);
    expect(await citability([screened, flagged])).toEqual([
      { contributionId: screened, status: 'not-accepted' },
      { contributionId: flagged, status: 'not-accepted' },
    ]);
    // Withheld for good: accepting it afterwards is refused.
    const accept = await callers.post('moderator', `/api/moderation/views/${flagged}/accept`, {});
    expect(accept.status).toBe(422);
    // The count is for the board's readers; a moderator is not one.
    const moderator = await t.request('GET', '/api/board/withheld-views-count', {
      token: await callers.token('moderator'),
    });
    expect(moderator.status).toBe(403);
  });

  it('answers withdrawn for a withdrawn view', async () => {
    const id = await views.submit(tenantId, 'I changed my mind about this.');
    await callers.post('moderator', `/api/moderation/views/${id}/accept`, {});
    await views.withdraw(tenantId, id);
    await views.caughtUp();
    expect(await citability([id])).toEqual([{ contributionId: id, status: 'withdrawn' }]);
    expect(await queuedIds()).not.toContain(id);
  });

  it("keeps another tenant's views out: 404 to moderate, unknown to cite, absent from the queue", async () => {
    const theirs = await views.submit(otherTenantId, 'Southvale view.');
    await views.caughtUp();
    expect(await queuedIds()).not.toContain(theirs);
    const before = await head(t);
    const accept = await callers.post('moderator', `/api/moderation/views/${theirs}/accept`, {});
    expect(accept.status).toBe(404);
    expect(await head(t)).toBe(before);
    expect(await citability([theirs])).toEqual([{ contributionId: theirs, status: 'unknown' }]);
    expect(await citability([theirs], otherTenantId)).toEqual([{ contributionId: theirs, status: 'not-accepted' }]);
    const missing = await callers.post('moderator', '/api/moderation/views/no-such-view/accept', {});
    expect(missing.status).toBe(404);
  });
});
