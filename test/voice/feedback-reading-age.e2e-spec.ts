import { contributionStream } from '../../libs/voice/src/domain/index.js';
import { Callers, eventTypes, fieldsOf, head } from '../board/decisions-support.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ViewFixture } from './staff-support.js';

// The writer of a response sees how easy it is for a young reader: a preview, and the same estimate
// in the answer when the response is recorded. Advice only: a hard response is still recorded.

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
    });
    const hard = await callers.post('admin', PREVIEW, { text: HARD });
    expect(hard.status).toBe(200);
    expect(hard.json()).toMatchObject({ readingAge: 18, words: 21, sentences: 1 });
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

  it('records one response for a group of views, answering its reading age; a hard text is still recorded', async () => {
    const a = await accepted('Keep my school.');
    const b = await accepted('Tell me before I move.');
    const response = await callers.post('clerk', '/api/views/feedback', {
      contributionIds: [a, b],
      text: HARD,
      decisionIds: [],
      actionIds: [],
    });
    expect(response.status).toBe(201);
    const body = response.json<{
      feedbackId: string;
      views: Array<{ id: string }>;
      readingAge: { readingAge: number };
    }>();
    expect(body.readingAge).toMatchObject({ readingAge: 18, words: 21 });
    expect(body.views.map((v) => v.id)).toEqual([a, b]);
    for (const id of [a, b]) {
      expect((await eventTypes(t, contributionStream(id))).at(-1)).toBe('ContributionFeedbackRecorded');
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
  });
});
