import { EVENT_STORE, type EventStore } from '#event-store';
import { contributionStream } from '../../libs/voice/src/domain/index.js';
import { Callers, citing, codeOf, decisionBody, eventTypes, fieldsOf, head } from '../board/decisions-support.js';
import { DECISION_ITEM, MeetingFixture } from '../board/support/meeting-fixture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ViewFixture } from './staff-support.js';

// "Summary only", made real: the moderator writes the summary (with acceptance, or later), the young
// person reads it by code and agrees or asks for a change, and the board reads the summary, never the
// words; without a current summary such a view is neither tabled nor cited. And a moderator may decline a
// view: its author reads why by code; it reaches no board or public route.

// The screen and the read models take their time on a busy machine: each step waits for them.
const LONG = 120_000;

interface CheckAnswer {
  status: string;
  journey: Array<{ step: string }>;
  sharing: string;
  summary?: { version: number; text: string; yourAnswer: string; boardReadsIt: boolean };
  declined?: { reason: string; reasonWords: string; note: string };
}

interface ReadyView {
  contributionId: string;
  words?: string;
  summary?: string;
  needsSummary: boolean;
}

interface SummaryToWrite {
  contributionId: string;
  text: string | null;
  summary: { version: number; text: string | null; changeRequested: boolean; message: string | null } | null;
}

interface InsightView {
  contributionId: string;
  words?: string;
  summary?: string;
  note?: string;
}

describe('summary only, and declined views, through HTTP', () => {
  let t: TestApp;
  let callers: Callers;
  let views: ViewFixture;
  let tenantId: string;
  let meetingId: string;

  beforeAll(async () => {
    t = await startTestApp();
    callers = new Callers(t);
    views = new ViewFixture(t);
    const chair = await callers.me('chair');
    tenantId = chair.tenantId;
    meetingId = await (await MeetingFixture.forTenant(t, tenantId, chair.userId)).inProgress();
  }, LONG);
  afterAll(async () => t.close(), LONG);

  const store = () => t.app.get<EventStore>(EVENT_STORE);

  /** A view given on the public form (summary only by default): its receipt code and id. */
  async function give(text: string, sharing?: string): Promise<{ code: string; id: string }> {
    t.clock.advance(60_000);
    const body: Record<string, unknown> = { text, themes: ['placement-stability'] };
    if (sharing) body.sharing = sharing;
    const given = await t.request('POST', '/api/public/boards/northshire/views', { body });
    expect(given.status).toBe(201);
    const all = await store().readAll({ filter: { eventTypes: ['ContributionSubmitted'] } });
    const found = all.find((e) => (e.data as { text: string }).text === text)!;
    return {
      code: given.json<{ receiptCode: string }>().receiptCode,
      id: (found.data as { contributionId: string }).contributionId,
    };
  }

  async function check(code: string): Promise<CheckAnswer> {
    await views.caughtUp();
    const response = await t.request('POST', '/api/public/views/check', { body: { receiptCode: code } });
    expect(response.status).toBe(200);
    return response.json<CheckAnswer>();
  }

  const answerSummary = (code: string, body: Record<string, unknown>) =>
    t.request('POST', '/api/public/views/summary', { body: { receiptCode: code, ...body } });

  const moderate = (id: string, action: string, body: Record<string, unknown> = {}) =>
    callers.post('moderator', `/api/moderation/views/${id}/${action}`, body);

  async function readyToTable(): Promise<ReadyView[]> {
    await views.caughtUp();
    const response = await callers.get('clerk', '/api/views/ready-to-table');
    expect(response.status).toBe(200);
    return response.json<ReadyView[]>();
  }

  const table = (ids: string[]) =>
    callers.post('clerk', `/api/meetings/${meetingId}/agenda-items/${DECISION_ITEM}/views`, { contributionIds: ids });

  async function tabledViews(): Promise<InsightView[]> {
    await views.caughtUp();
    const response = await callers.get('chair', `/api/insight/meetings/${meetingId}/items/${DECISION_ITEM}/views`);
    expect(response.status).toBe(200);
    return response.json<{ views: InsightView[] }>().views;
  }

  const reads = async (role: 'clerk' | 'chair' | 'moderator') =>
    views.textReadsBy(tenantId, (await callers.me(role)).userId);

  it(
    'writes the summary as the view is accepted; its author reads it by code and agrees',
    async () => {
      const words = 'I had five social workers in a year and told my story to each of them.';
      const { code, id } = await give(words);
      const summary = 'Many changes of social worker meant telling their story again each time.';
      const accepted = await moderate(id, 'accept', { summary });
      expect(accepted.status).toBe(200);
      expect(accepted.json<{ events: string[] }>().events).toEqual(['ContributionAccepted', 'ContributionSummarised']);

      const seen = await check(code);
      expect(seen.summary).toEqual({
        version: 1,
        text: summary,
        writtenAt: expect.any(String),
        yourAnswer: 'none',
        boardReadsIt: true,
      });
      const agreed = await answerSummary(code, { response: 'agree', version: 1 });
      expect(agreed.status).toBe(200);
      expect((await check(code)).summary).toMatchObject({ version: 1, yourAnswer: 'agreed' });
      expect(await eventTypes(t, contributionStream(id))).toEqual([
        'ContributionSubmitted',
        'ContributionAccepted',
        'ContributionSummarised',
        'ContributionSummaryAgreed',
      ]);
      // A summary is the child's as much as their words: never in the logs.
      expect(t.logs()).not.toContain(summary);
      expect(t.logs()).not.toContain(words);
    },
    LONG,
  );

  it(
    'lets its author ask for a change with a message; the moderator sees it and rewrites; old answers are refused',
    async () => {
      const { code, id } = await give('Nobody told me my social worker had left until a month later.');
      expect((await moderate(id, 'accept', { summary: 'Their social worker left.' })).status).toBe(200);
      await views.caughtUp();
      const asked = await answerSummary(code, { response: 'change', message: 'Say nobody told me for a month.' });
      expect(asked.status).toBe(200);
      expect((await check(code)).summary).toMatchObject({ version: 1, yourAnswer: 'change-requested' });

      // The moderator's list: the view, its words, the summary and what its author said (access-logged).
      await views.caughtUp();
      const list = await callers.get('moderator', '/api/moderation/summaries');
      expect(list.status).toBe(200);
      expect(list.json<SummaryToWrite[]>().find((v) => v.contributionId === id)).toEqual(
        expect.objectContaining({
          text: 'Nobody told me my social worker had left until a month later.',
          summary: expect.objectContaining({
            version: 1,
            text: 'Their social worker left.',
            changeRequested: true,
            message: 'Say nobody told me for a month.',
          }),
        }),
      );
      expect(await reads('moderator')).toContain(id);
      // Until it is rewritten, the board cannot table it.
      const ready = (await readyToTable()).find((v) => v.contributionId === id);
      expect(ready).toEqual(expect.objectContaining({ needsSummary: true }));
      expect(ready).not.toHaveProperty('summary');
      const before = await head(t);
      const refused = await table([id]);
      expect({ status: refused.status, code: codeOf(refused) }).toEqual({ status: 422, code: 'summary-required' });
      expect(await head(t)).toBe(before);

      const rewritten = await moderate(id, 'summary', {
        text: 'Nobody told them for a month that their social worker had left.',
      });
      expect(rewritten.status).toBe(200);
      expect(rewritten.json<{ events: string[] }>().events).toEqual(['ContributionSummarised']);
      const seen = await check(code);
      expect(seen.summary).toMatchObject({
        version: 2,
        text: 'Nobody told them for a month that their social worker had left.',
        yourAnswer: 'none',
      });
      // An answer to the version they read before is refused: it would land on words they did not see.
      const stale = await answerSummary(code, { response: 'agree', version: 1 });
      expect({ status: stale.status, code: codeOf(stale) }).toEqual({ status: 422, code: 'summary-rewritten' });
      expect((await answerSummary(code, { response: 'agree', version: 2 })).status).toBe(200);
      await views.caughtUp();
      expect(
        (await callers.get('moderator', '/api/moderation/summaries'))
          .json<SummaryToWrite[]>()
          .map((v) => v.contributionId),
      ).not.toContain(id);
      // Bad answers are 400s; the route is the author's, by code.
      const bad = await answerSummary(code, { response: 'maybe' });
      expect(bad.status).toBe(400);
      const noCode = await t.request('POST', '/api/public/views/summary', { body: { response: 'agree' } });
      expect(noCode.status).toBe(400);
    },
    LONG,
  );

  it(
    'lets the board read the summary, never the words, on the tabling list, at the item and in the decision',
    async () => {
      const words = 'At Hilltop my carer Sam said I could not go on the school trip again.';
      const { id } = await give(words);
      expect((await moderate(id, 'accept')).status).toBe(200);
      // Accepted without a summary: waiting for one, with neither words nor summary for the board.
      let ready = (await readyToTable()).find((v) => v.contributionId === id)!;
      expect(ready).toEqual(expect.objectContaining({ needsSummary: true }));
      expect(ready).not.toHaveProperty('words');
      expect(ready).not.toHaveProperty('summary');
      expect(
        (await callers.get('moderator', '/api/moderation/summaries'))
          .json<SummaryToWrite[]>()
          .find((v) => v.contributionId === id),
      ).toEqual(expect.objectContaining({ text: words, summary: null }));
      const summary = 'They were kept off a school trip again.';
      expect((await moderate(id, 'summary', { text: summary })).status).toBe(200);

      ready = (await readyToTable()).find((v) => v.contributionId === id)!;
      expect(ready).toEqual(expect.objectContaining({ summary, needsSummary: false }));
      expect(ready).not.toHaveProperty('words');
      expect(await reads('clerk')).toContain(id);
      expect((await table([id])).status).toBe(201);

      const atItem = (await tabledViews()).find((v) => v.contributionId === id)!;
      expect(atItem).toMatchObject({ summary });
      expect(atItem).not.toHaveProperty('words');
      const decided = await callers.post(
        'chair',
        `/api/meetings/${meetingId}/agenda-items/${DECISION_ITEM}/decisions`,
        decisionBody({ voiceEvidence: citing([id, 'shaped', 'You told us trips matter. Every child now goes.']) }),
      );
      expect(decided.status).toBe(201);
      const { decisionId } = decided.json<{ decisionId: string }>();
      await views.caughtUp();
      const influence = await callers.get('chair', `/api/insight/decisions/${decisionId}/influence`);
      expect(influence.status).toBe(200);
      const cited = influence.json<{ influence: { shaped: InsightView[] } }>().influence.shaped;
      expect(cited).toEqual([expect.objectContaining({ contributionId: id, summary })]);
      expect(JSON.stringify(influence.json())).not.toContain('Hilltop');
      expect(await reads('chair')).toContain(id);
      const pack = await callers.get('chair', '/api/insight/evidence-pack');
      expect(pack.status).toBe(200);
      expect(pack.text).toContain(summary);
      expect(pack.text).not.toContain('Hilltop');
    },
    LONG,
  );

  it(
    'refuses to cite a "summary only" view whose author asked for a change, until it is rewritten',
    async () => {
      const { code, id } = await give('Contact with my brother is only once a month.');
      expect((await moderate(id, 'accept', { summary: 'They see their brother monthly.' })).status).toBe(200);
      await views.caughtUp();
      expect((await table([id])).status).toBe(201);
      expect((await answerSummary(code, { response: 'change', message: 'It is not enough, say that.' })).status).toBe(
        200,
      );
      await views.caughtUp();
      // At the item: neither the disputed summary nor the words, and why.
      const atItem = (await tabledViews()).find((v) => v.contributionId === id)!;
      expect(atItem).not.toHaveProperty('summary');
      expect(atItem).not.toHaveProperty('words');
      expect(atItem.note).toMatch(/asked for the summary to be changed/);
      const cite = () =>
        callers.post(
          'chair',
          `/api/meetings/${meetingId}/agenda-items/${DECISION_ITEM}/decisions`,
          decisionBody({ voiceEvidence: citing([id, 'informed', 'You told us family time matters.']) }),
        );
      const before = await head(t);
      const refused = await cite();
      expect({ status: refused.status, code: codeOf(refused) }).toEqual({
        status: 422,
        code: 'contribution-not-citable',
      });
      expect(refused.json()).toMatchObject({ contributionId: id, contributionStatus: 'needs-summary' });
      expect(await head(t)).toBe(before);
      expect((await moderate(id, 'summary', { text: 'Seeing their brother once a month is not enough.' })).status).toBe(
        200,
      );
      await views.caughtUp();
      expect((await cite()).status).toBe(201);
    },
    LONG,
  );

  it(
    'keeps widening and narrowing working: widened, the board reads the words; narrowed, the summary',
    async () => {
      const words = 'Please ask us before you change our bedrooms.';
      const { code, id } = await give(words, 'verbatim');
      expect((await moderate(id, 'accept')).status).toBe(200);
      expect((await readyToTable()).find((v) => v.contributionId === id)).toMatchObject({ words, needsSummary: false });
      expect(
        (await t.request('POST', '/api/public/views/sharing', { body: { receiptCode: code, sharing: 'summary-only' } }))
          .status,
      ).toBe(200);
      let ready = (await readyToTable()).find((v) => v.contributionId === id)!;
      expect(ready).toMatchObject({ needsSummary: true });
      expect(ready).not.toHaveProperty('words');
      expect((await moderate(id, 'summary', { text: 'They want a say before bedrooms change.' })).status).toBe(200);
      ready = (await readyToTable()).find((v) => v.contributionId === id)!;
      expect(ready).toMatchObject({ summary: 'They want a say before bedrooms change.', needsSummary: false });
      expect((await check(code)).summary).toMatchObject({ boardReadsIt: true });
      expect(
        (await t.request('POST', '/api/public/views/sharing', { body: { receiptCode: code, sharing: 'verbatim' } }))
          .status,
      ).toBe(200);
      ready = (await readyToTable()).find((v) => v.contributionId === id)!;
      expect(ready).toMatchObject({ words, needsSummary: false });
      expect(ready).not.toHaveProperty('summary');
      expect((await check(code)).summary).toMatchObject({ boardReadsIt: false });
    },
    LONG,
  );

  it(
    'declines a view with a reason its author reads by code; it never reaches the board or the public page',
    async () => {
      const words = 'Buy cheap trainers at this website now, best deals.';
      const { code, id } = await give(words, 'verbatim');
      const note =
        'This looked like an advert, so it will not go to the board. You can send us your own view any time.';
      const declined = await moderate(id, 'decline', { reason: 'spam', note });
      expect(declined.status).toBe(200);
      expect(declined.json<{ events: string[] }>().events).toEqual(['ContributionDeclined']);

      const seen = await check(code);
      expect(seen.status).toBe('declined');
      expect(seen.declined).toEqual({ reason: 'spam', reasonWords: expect.any(String), note });
      expect(seen).not.toHaveProperty('summary');

      // Not in the queue, not ready to table, not tableable, not citable, not on the public page.
      const queue = (await callers.get('moderator', '/api/moderation/queue')).json<Array<{ contributionId: string }>>();
      expect(queue.map((v) => v.contributionId)).not.toContain(id);
      expect((await readyToTable()).map((v) => v.contributionId)).not.toContain(id);
      const before = await head(t);
      const tabled = await table([id]);
      expect({ status: tabled.status, code: codeOf(tabled) }).toEqual({ status: 422, code: 'contribution-declined' });
      const cited = await callers.post(
        'chair',
        `/api/meetings/${meetingId}/agenda-items/${DECISION_ITEM}/decisions`,
        decisionBody({
          voiceEvidence: {
            contributions: [
              {
                contributionId: id,
                influence: 'informed',
                rationale: 'You told us.',
                notTabledReason: 'Raised at the meeting.',
              },
            ],
          },
        }),
      );
      expect(codeOf(cited)).toBe('contribution-not-citable');
      expect(cited.json()).toMatchObject({ contributionStatus: 'not-accepted' });
      const summarised = await moderate(id, 'summary', { text: 'A summary.' });
      expect({ status: summarised.status, code: codeOf(summarised) }).toEqual({
        status: 422,
        code: 'contribution-declined',
      });
      expect(await head(t)).toBe(before);
      await views.caughtUp();
      const publicList = await t.request('GET', '/api/public/boards/northshire/you-said-we-did');
      expect(publicList.text).not.toContain('cheap trainers');
      const insight = await callers.get('chair', '/api/insight/you-said-we-did');
      expect(insight.text).not.toContain('cheap trainers');
      expect(insight.text).not.toContain(id);
      const journey = await callers.get('chair', `/api/insight/views/${id}/journey`);
      expect(journey.json()).toMatchObject({ availability: 'declined' });
    },
    LONG,
  );

  it(
    'checks what a moderator sends: a known reason and a note to decline; a summary within bounds',
    async () => {
      const { id } = await give('One more view to moderate.');
      const before = await head(t);
      for (const [action, body, field] of [
        ['decline', { reason: 'boring', note: 'A note.' }, 'reason'],
        ['decline', { reason: 'spam' }, 'note'],
        ['accept', { summary: '' }, 'summary'],
        ['accept', { summary: 'x'.repeat(2001) }, 'summary'],
        ['summary', {}, 'text'],
      ] as const) {
        const response = await moderate(id, action, body);
        expect({
          action,
          status: response.status,
          fields: fieldsOf(response),
        }).toEqual({
          action,
          status: 400,
          fields: [field],
        });
      }
      // A summary before acceptance: "accept" carries it, on its own it is refused.
      const early = await moderate(id, 'summary', { text: 'Too early.' });
      expect({ status: early.status, code: codeOf(early) }).toEqual({ status: 422, code: 'contribution-not-accepted' });
      expect(await head(t)).toBe(before);
      expect(
        (await callers.post('clerk', `/api/moderation/views/${id}/decline`, { reason: 'spam', note: 'x' })).status,
      ).toBe(403);
      expect((await callers.get('clerk', '/api/moderation/summaries')).status).toBe(403);
    },
    LONG,
  );
});
