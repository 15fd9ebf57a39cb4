import { contributionStream } from '../../libs/voice/src/domain/index.js';
import { Callers, codeOf, fieldsOf, head, store } from '../board/decisions-support.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ViewFixture } from './staff-support.js';

// The writer of a response sees how easy it is for a young reader, against the board's limit (reading
// age 11 unless the board sets its own): a check before sending, and the same estimate in the answer.
// Above the limit a response is refused (422, naming the reading age found and the limit) unless its
// sender records why; the reason is kept in the event.

const PREVIEW = '/api/staff/feedback/reading-age';
const PLAIN =
  'You told us that moving school was the hardest part of moving home. ' +
  'From September, you will keep your school unless you choose to move.';
const HARD =
  'The corporate parenting board, having considered the representations received, determined that ' +
  'accommodation arrangements would henceforth prioritise educational continuity, notwithstanding ' +
  'additional expenditure.';

describe('feedback for a young reader: the reading age, through HTTP', () => {
  let t: TestApp;
  let callers: Callers;
  let views: ViewFixture;
  let tenantId: string;

  beforeAll(async () => {
    t = await startTestApp();
    callers = new Callers(t);
    views = new ViewFixture(t);
    tenantId = (await callers.me('clerk')).tenantId;
  });
  afterAll(async () => t.close());

  async function accepted(text: string): Promise<string> {
    const id = await views.submit(tenantId, text);
    expect((await callers.post('moderator', `/api/moderation/views/${id}/accept`, {})).status).toBe(200);
    return id;
  }

  it('previews the reading age of a draft, with advice, writing nothing', async () => {
    const before = await head(t);
    const plain = await callers.post('clerk', PREVIEW, { text: PLAIN });
    expect(plain.status).toBe(200);
    expect(plain.json()).toEqual({
      readingAge: 9,
      grade: 3.9,
      words: 25,
      sentences: 2,
      longWords: ['september'],
      advice: 'Easy to read: most young people aged 9 and over can read this.',
      limit: 11,
      withinLimit: true,
    });
    const hard = await callers.post('admin', PREVIEW, { text: HARD });
    expect(hard.status).toBe(200);
    expect(hard.json()).toMatchObject({ readingAge: 18, words: 21, sentences: 1, limit: 11, withinLimit: false });
    expect(hard.json<{ advice: string }>().advice).toContain('Use shorter sentences');
    expect(await head(t)).toBe(before);
  });

  it('is for the writers of responses; a missing or too-long text is 400', async () => {
    expect((await t.request('POST', PREVIEW, { body: { text: PLAIN } })).status).toBe(401);
    expect((await callers.post('member', PREVIEW, { text: PLAIN })).status).toBe(403);
    const missing = await callers.post('clerk', PREVIEW, {});
    expect({ status: missing.status, fields: fieldsOf(missing) }).toEqual({ status: 400, fields: ['text'] });
    const long = await callers.post('clerk', PREVIEW, { text: 'word '.repeat(1001) });
    expect({ status: long.status, fields: fieldsOf(long) }).toEqual({ status: 400, fields: ['text'] });
  });

  it('refuses a response above the limit, naming the reading age and the limit, and writes nothing', async () => {
    const a = await accepted('Keep my school, please.');
    const before = await head(t);
    const refused = await callers.post('clerk', '/api/views/feedback', {
      contributionIds: [a],
      text: HARD,
      decisionIds: [],
      actionIds: [],
    });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const problem = refused.json<{
      type: string;
      detail: string;
      readingAge: number;
      limit: number;
      longWords: string[];
    }>();
    expect(problem).toMatchObject({ type: '/problems/reading-age-too-high', status: 422, readingAge: 18, limit: 11 });
    expect(problem.detail).toMatch(/reading age of 18 or more, above this board's limit of 11/);
    expect(problem.longWords).toContain('accommodation');
    // A blank reason is no reason.
    const blank = await callers.post('clerk', '/api/views/feedback', {
      contributionIds: [a],
      text: HARD,
      decisionIds: [],
      actionIds: [],
      readingAgeReason: '   ',
    });
    expect(codeOf(blank)).toBe('reading-age-too-high');
    expect(await head(t)).toBe(before);
    const tooLong = await callers.post('clerk', '/api/views/feedback', {
      contributionIds: [a],
      text: HARD,
      decisionIds: [],
      actionIds: [],
      readingAgeReason: 'x'.repeat(1001),
    });
    expect({ status: tooLong.status, fields: fieldsOf(tooLong) }).toEqual({
      status: 400,
      fields: ['readingAgeReason'],
    });
  });

  it('records one response for a group of views, answering its reading age; a hard one only with the reason why', async () => {
    const a = await accepted('Keep my school.');
    const b = await accepted('Tell me before I move.');
    const reason = 'The council’s legal wording has to be quoted in full.';
    const response = await callers.post('clerk', '/api/views/feedback', {
      contributionIds: [a, b],
      text: HARD,
      decisionIds: [],
      actionIds: [],
      readingAgeReason: reason,
    });
    expect(response.status).toBe(201);
    const body = response.json<{
      feedbackId: string;
      views: Array<{ id: string }>;
      readingAge: { readingAge: number };
    }>();
    expect(body.readingAge).toMatchObject({ readingAge: 18, words: 21, limit: 11, withinLimit: false });
    expect(body.views.map((v) => v.id)).toEqual([a, b]);
    for (const id of [a, b]) {
      const recorded = (await store(t).readStream(contributionStream(id))).at(-1)!;
      expect(recorded.type).toBe('ContributionFeedbackRecorded');
      expect(recorded.data).toMatchObject({ readingAge: { estimated: 18, limit: 11, reason } });
    }
    // A retry (same Idempotency-Key) answers the same response and estimate, writing nothing more.
    const key = { 'Idempotency-Key': 'feedback-retry-1' };
    const first = await callers.post(
      'clerk',
      '/api/views/feedback',
      { contributionIds: [a], text: PLAIN, decisionIds: [], actionIds: [] },
      key,
    );
    const afterFirst = await head(t);
    const retry = await callers.post(
      'clerk',
      '/api/views/feedback',
      { contributionIds: [a], text: PLAIN, decisionIds: [], actionIds: [] },
      key,
    );
    expect(retry.status).toBe(201);
    expect(await head(t)).toBe(afterFirst);
    expect(retry.json()).toMatchObject({
      feedbackId: first.json<{ feedbackId: string }>().feedbackId,
      readingAge: { readingAge: 9 },
      views: [{ id: a, duplicate: true }],
    });
    // The later answer was added beside the first (hard) one, never replacing it.
    const answers = (await store(t).readStream(contributionStream(a))).filter(
      (e) => e.type === 'ContributionFeedbackRecorded',
    );
    expect(answers.map((e) => (e.data as { text: string }).text)).toEqual([HARD, PLAIN]);
    expect(answers[1]!.data).toMatchObject({ readingAge: { estimated: 9, limit: 11 } });
  });

  it("follows the board's own limit: set by an admin (7 to 18), read in the settings and the check", async () => {
    const path = '/api/staff/voice-settings/answer-reading-age';
    const put = async (who: 'admin' | 'clerk', body: unknown) =>
      t.request('PUT', path, { token: await callers.token(who), body });
    expect((await put('clerk', { readingAge: 8 })).status).toBe(403);
    for (const readingAge of [6, 19, 'eight']) {
      const bad = await put('admin', { readingAge });
      expect({ status: bad.status, fields: fieldsOf(bad) }).toEqual({ status: 400, fields: ['readingAge'] });
    }
    expect((await put('admin', { readingAge: 8 })).status).toBe(200);
    const settings = await t.request('GET', '/api/staff/voice-settings', { token: await callers.token('admin') });
    expect(settings.json()).toMatchObject({
      answers: { readingAge: 8, defaultReadingAge: 11, bounds: { min: 7, max: 18 } },
    });
    expect((await callers.post('clerk', PREVIEW, { text: PLAIN })).json()).toMatchObject({
      readingAge: 9,
      limit: 8,
      withinLimit: false,
    });
    const a = await accepted('Keep my pets.');
    const refused = await callers.post('clerk', '/api/views/feedback', {
      contributionIds: [a],
      text: PLAIN,
      decisionIds: [],
      actionIds: [],
    });
    expect(refused.json()).toMatchObject({ type: '/problems/reading-age-too-high', readingAge: 9, limit: 8 });
    expect((await put('admin', { readingAge: 11 })).status).toBe(200);
    const sent = await callers.post('clerk', '/api/views/feedback', {
      contributionIds: [a],
      text: PLAIN,
      decisionIds: [],
      actionIds: [],
    });
    expect(sent.status).toBe(201);
  });
});
