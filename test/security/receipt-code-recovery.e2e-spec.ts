import { ProjectionRunner } from '#event-store';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue 17, item 1: a receipt code must be recoverable by no one. Before the fix, a view's Idempotency-Key
// was stored as its events' command id (shown in the audit history and in every export bundle), the code
// was derived from it, and a replay with that key answered the same code whatever body was sent: an
// auditor or anyone holding an export could take a child's code and act as them.

const KEY = 'phone-key-7f3a9c21-victim';
const VIEW = { text: 'My social worker changes every few months and I have to start again. Kestrel-4418.' };
const VIEWS = '/api/public/boards/northshire/views';

describe('receipt codes cannot be recovered from the audit trail, exports or replays', () => {
  let t: TestApp;
  let code: string;
  let contributionId: string;
  let auditor: string;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    const given = await t.request('POST', VIEWS, { body: VIEW, headers: { 'idempotency-key': KEY } });
    expect(given.status).toBe(201);
    code = given.json<{ receiptCode: string }>().receiptCode;
    await t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 20_000 });
    auditor = await t.signIn('auditor@northshire.example');
    admin = await t.signIn('admin@northshire.example');
    const moderator = await t.signIn('moderator@northshire.example');
    const queue = await t.request('GET', '/api/moderation/queue', { token: moderator });
    expect(queue.status).toBe(200);
    const row = queue.json<Array<{ contributionId: string }>>().find((v) => JSON.stringify(v).includes('Kestrel-4418'));
    expect(row).toBeDefined();
    contributionId = row!.contributionId;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const bare = (c: string) => c.replaceAll('-', '');

  it('the view’s history shows no command ids for the young person’s commands, nor the key or the code', async () => {
    for (const token of [auditor, admin]) {
      const history = await t.request('GET', `/api/audit/views/${contributionId}/history`, { token });
      expect(history.status).toBe(200);
      const events = history.json<{ events: Array<Record<string, unknown>> }>().events;
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) {
        expect(event).toMatchObject({ commandId: null, correlationId: null, causationId: null });
      }
      expect(history.text).not.toContain(KEY);
      expect(history.text).not.toContain(bare(code));
    }
  });

  it('the signed export holds neither the key nor the code, and its command ids replay nothing', async () => {
    const bundle = await t.request('GET', '/api/audit/export', { token: auditor });
    expect(bundle.status).toBe(200);
    expect(bundle.text).not.toContain(KEY);
    expect(bundle.text).not.toContain(bare(code));
    expect(bundle.text).not.toContain(code);
    // What the export does hold (the stored command id) used as a key reaches another view, never this one.
    const stored = bundle.text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { kind: string; stream?: string; metadata?: { commandId?: string } })
      .find((record) => record.kind === 'event' && record.stream === `contribution-${contributionId}`);
    const commandId = stored?.metadata?.commandId;
    expect(commandId).toMatch(/^key-/);
    const replay = await t.request('POST', VIEWS, { body: VIEW, headers: { 'idempotency-key': commandId! } });
    expect(replay.status).toBe(201);
    expect(replay.json<{ receiptCode: string }>().receiptCode).not.toBe(code);
  });

  it('the key sent again with another body is refused (422) and answers no code', async () => {
    const other = await t.request('POST', VIEWS, {
      body: { text: 'Something else entirely.', sharing: 'verbatim' },
      headers: { 'idempotency-key': KEY },
    });
    expect(other.status).toBe(422);
    expect(other.json()).toMatchObject({ type: '/problems/idempotency-key-reused', status: 422 });
    expect(other.text).not.toContain(bare(code));
    expect(other.text).not.toContain(code);
  });

  it('the same request with the same key still gets its first answer (a phone’s retry)', async () => {
    const again = await t.request('POST', VIEWS, { body: VIEW, headers: { 'idempotency-key': KEY } });
    expect(again.status).toBe(201);
    expect(again.json<{ receiptCode: string }>().receiptCode).toBe(code);
    expect((await t.request('POST', '/api/public/views/check', { body: { receiptCode: code } })).status).toBe(200);
  });

  it('a client cannot set the request digest itself to pass another body off as the first', async () => {
    const forged = await t.request('POST', VIEWS, {
      body: { text: 'Forged body.' },
      headers: { 'idempotency-key': KEY, 'x-cpb-request-digest': 'anything-at-all' },
    });
    expect(forged.status).toBe(422);
  });
});
