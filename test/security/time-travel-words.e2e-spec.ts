import { EVENT_STORE, ProjectionRunner, type EventStore } from '#event-store';
import { IdentityService } from '#identity';
import { RECEIPT_PEPPER } from '../../libs/voice/src/commands/receipt-pepper.provider.js';
import { driveBoardYear, type BoardYear } from '#demo';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue 17, item 2: reading "as at" a moment before a child withdrew their view or narrowed its sharing
// showed the words they had since taken back (tabled views, decision influence, the evidence pack). The
// past is for what the board knew; a child's words follow their author's choice *now*.

interface Cited {
  contributionId: string;
  availability: string;
  words?: string;
  note?: string;
}
type Influence = { influence: Record<string, Cited[]>; recordedAt: string; meetingId: string; itemId: string };

describe('time travel shows a child’s words only as their author allows now', () => {
  let t: TestApp;
  let year: BoardYear;
  let chair: string;
  let auditor: string;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_RECEIPT_CODES_PER_MINUTE: '100000', RATE_LIMIT_DEFAULT_PER_MINUTE: '100000' });
    const tenantId = (await t.app.get(IdentityService).tenantBySlug('northshire'))!.id;
    year = await driveBoardYear(t.app.get<EventStore>(EVENT_STORE), {
      tenantId,
      prefix: 'tt',
      seed: 5,
      receiptPepper: t.app.get<string>(RECEIPT_PEPPER, { strict: false }),
    });
    await caughtUp();
    t.clock.set(new Date(`${year.endOn}T18:00:00Z`));
    chair = await t.signIn('chair@northshire.example');
    auditor = await t.signIn('auditor@northshire.example');
  }, 180_000);
  afterAll(async () => t?.close());

  const caughtUp = () => t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 60_000 });
  const get = (path: string, token = chair) => t.request('GET', path, { token });
  const influenceOf = async (decisionId: string, asAt?: string): Promise<Influence> => {
    const query = asAt ? `?asAt=${encodeURIComponent(asAt)}` : '';
    const response = await get(`/api/insight/decisions/${decisionId}/influence${query}`);
    expect(response.status).toBe(200);
    return response.json<Influence>();
  };

  // The moment just after a decision was recorded.
  const then = (c: { at: string }) => new Date(Date.parse(c.at) + 1000).toISOString();

  /** Decisions citing views whose words the board read then and reads now, each with one such view. */
  async function citedWithWords(): Promise<Array<{ decisionId: string; view: Cited; at: string }>> {
    const found: Array<{ decisionId: string; view: Cited; at: string }> = [];
    const used = new Set<string>();
    for (const decision of year.facts.decisions.list.filter((d) => d.citations > 0)) {
      const now = await influenceOf(decision.decisionId);
      const past = Object.values(
        (await influenceOf(decision.decisionId, then({ at: now.recordedAt }))).influence,
      ).flat();
      const view = Object.values(now.influence)
        .flat()
        .find(
          (v) =>
            v.words !== undefined &&
            !used.has(v.contributionId) &&
            past.some((p) => p.contributionId === v.contributionId && p.words === v.words),
        );
      if (view && year.receiptCodes[view.contributionId]) {
        used.add(view.contributionId);
        found.push({ decisionId: decision.decisionId, view, at: now.recordedAt });
      }
      if (found.length === 3) break;
    }
    return found;
  }

  it('a view withdrawn, narrowed to a summary or escalated since the decision shows no words as at the decision', async () => {
    const candidates = await citedWithWords();
    expect(candidates.length).toBe(3);
    const [withdrawn, narrowed, escalated] = candidates;

    const code = (id: string) => year.receiptCodes[id]!;
    const withdraw = await t.request('POST', '/api/public/views/withdraw', {
      body: { receiptCode: code(withdrawn!.view.contributionId) },
    });
    expect(withdraw.status).toBe(200);
    const narrow = await t.request('POST', '/api/public/views/sharing', {
      body: { receiptCode: code(narrowed!.view.contributionId), sharing: 'summary-only' },
    });
    expect(narrow.status).toBe(200);
    const moderator = await t.signIn('moderator@northshire.example');
    const escalate = await t.request('POST', `/api/moderation/views/${escalated!.view.contributionId}/escalate`, {
      token: moderator,
      body: { reason: 'A later message from the same young person raised a concern.' },
    });
    expect(escalate.status).toBe(200);
    await caughtUp();

    for (const [c, note] of [
      [withdrawn!, /withdrawn/],
      [narrowed!, /summary only/],
      [escalated!, /safeguarding/],
    ] as const) {
      for (const asAt of [undefined, then(c)]) {
        const cited = Object.values((await influenceOf(c.decisionId, asAt)).influence).flat();
        const view = cited.find((v) => v.contributionId === c.view.contributionId)!;
        expect(view.words).toBeUndefined();
        if (asAt) expect(view.note).toMatch(note);
      }
      const decision = year.facts.decisions.list.find((d) => d.decisionId === c.decisionId)!;
      // The views tabled at the decision's item, as at the decision.
      const tabled = await get(
        `/api/insight/meetings/${decision.meetingId}/items/${decision.itemId}/views?asAt=${encodeURIComponent(then(c))}`,
      );
      expect(tabled.status).toBe(200);
      expect(tabled.text).not.toContain(c.view.words!);
      // The evidence pack, as HTML and as at the decision: no trace of the words either.
      const pack = await get(`/api/insight/evidence-pack?asAt=${encodeURIComponent(then(c))}`, auditor);
      expect(pack.status).toBe(200);
      expect(pack.text).not.toContain(escapeHtml(c.view.words!));
      const story = await get(`/api/insight/you-said-we-did?asAt=${encodeURIComponent(then(c))}`);
      expect(story.text).not.toContain(c.view.words!);
    }
  });
});

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
