import { EVENT_STORE, type EventStore } from '#event-store';
import { Callers, citing, decisionBody } from '../board/decisions-support.js';
import { DECISION_ITEM, MeetingFixture } from '../board/support/meeting-fixture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ViewFixture } from './staff-support.js';

// A small year of one board: views given through the public route with each sharing choice, moderated
// (one redacted), cited by a decision, answered (one response for a group), then a sharing change, a
// withdrawal, an erasure and a late escalation, each seen in the public list and in the decision.

interface Entry {
  id: string;
  text: string;
  givenAt: string;
  decisionIds: string[];
  actionIds: string[];
  themes: string[];
  views: number;
  shared: Array<{ sharing: string; words: string }>;
}

const LIST = '/api/public/boards/northshire/you-said-we-did';

describe('"You said, we did" and withdrawn citations, through HTTP', () => {
  let t: TestApp;
  let callers: Callers;
  let views: ViewFixture;
  let tenantId: string;
  const code: Record<string, string> = {};
  const id: Record<string, string> = {};
  let decisionId: string;
  let groupFeedbackText: string;

  const store = () => t.app.get<EventStore>(EVENT_STORE);

  async function give(key: string, text: string, sharing: string | undefined, themes: string[]): Promise<void> {
    // A minute apart: the list shows shared views in the order they were given.
    t.clock.advance(60_000);
    // Every view says who is giving it: the list must never show it.
    const body: Record<string, unknown> = { text, themes, ageBand: '12-15', careStatus: 'care-leaver' };
    if (sharing) body.sharing = sharing;
    const response = await t.request('POST', '/api/public/boards/northshire/views', { body });
    expect(response.status).toBe(201);
    code[key] = response.json<{ receiptCode: string }>().receiptCode;
    const all = await store().readAll({ filter: { eventTypes: ['ContributionSubmitted'] } });
    id[key] = (
      all.find((e) => (e.data as { text: string }).text === text)!.data as { contributionId: string }
    ).contributionId;
  }

  async function list(): Promise<Entry[]> {
    await views.caughtUp();
    const response = await t.request('GET', LIST);
    expect(response.status).toBe(200);
    const body = response.json<{ board: string; entries: Entry[] }>();
    expect(body.board).toBe('northshire');
    return body.entries;
  }

  async function raw(): Promise<string> {
    await views.caughtUp();
    return (await t.request('GET', LIST)).text;
  }

  async function citations() {
    await views.caughtUp();
    const response = await t.request('GET', `/api/decisions/${decisionId}`, { token: await callers.token('member') });
    expect(response.status).toBe(200);
    return response.json<{ citations: Array<Record<string, unknown>> }>().citations;
  }

  const feedback = async (contributionIds: string[], text: string) => {
    const response = await callers.post('clerk', '/api/views/feedback', {
      contributionIds,
      text,
      decisionIds: [decisionId],
      actionIds: ['action-transport'],
    });
    expect(response.status).toBe(201);
    return response;
  };

  beforeAll(async () => {
    t = await startTestApp();
    callers = new Callers(t);
    await callers.createOtherBoard();
    views = new ViewFixture(t);
    const chair = await callers.me('chair');
    tenantId = chair.tenantId;

    await give('verbatim', 'Moving school was the worst part. Let me stay at my school.', 'verbatim', [
      'placement-stability',
    ]);
    await give(
      'redacted',
      'My social worker Jane Quillfeather at Hilltop Academy never rings back. Ring me on 07700 900123.',
      'anonymised',
      ['education'],
    );
    await give('summary', 'I want more say about where I live next.', undefined, ['placement-stability']);
    await give('withdrawn', 'Please let me keep my phone at night, zebra-lantern.', 'verbatim', ['health']);
    await give('escalated', 'Sometimes the house gets loud, marmalade-kite.', 'verbatim', ['home']);
    await give('erased', 'Tell us before the move, canary-velvet-otter.', 'verbatim', ['placement-stability']);
    for (const key of ['verbatim', 'summary', 'withdrawn', 'escalated', 'erased']) {
      // Shared "summary only": the board reads the moderator's summary (the public page shows neither).
      const body = key === 'summary' ? { summary: 'They want a say about their next home.' } : {};
      expect((await callers.post('moderator', `/api/moderation/views/${id[key]}/accept`, body)).status).toBe(200);
    }
    const redaction = await callers.post('moderator', `/api/moderation/views/${id.redacted}/accept-with-redactions`, {
      redactedText: 'My social worker never rings back. Ring me on 07700 900123.',
    });
    expect(redaction.status).toBe(200);

    const meetingId = await (await MeetingFixture.forTenant(t, tenantId, chair.userId)).inProgress();
    // The board decides on what was put before it: the clerk tables the views the decision cites.
    const tabled = await callers.post('clerk', `/api/meetings/${meetingId}/agenda-items/${DECISION_ITEM}/views`, {
      contributionIds: [id.verbatim, id.withdrawn, id.escalated, id.erased],
    });
    expect(tabled.status).toBe(201);
    await views.caughtUp();
    const recorded = await callers.post(
      'chair',
      `/api/meetings/${meetingId}/agenda-items/${DECISION_ITEM}/decisions`,
      decisionBody({
        voiceEvidence: citing(
          [id.verbatim, 'shaped', 'You told us changing school hurt most; we made it the rule.'],
          [id.withdrawn, 'informed'],
          [id.escalated, 'informed'],
          [id.erased, 'informed'],
        ),
      }),
    );
    expect(recorded.status).toBe(201);
    decisionId = recorded.json<{ decisionId: string }>().decisionId;
    // The action the answers point to: responses may name only this board's own decisions and actions.
    const assigned = await callers.post('chair', `/api/decisions/${decisionId}/actions`, {
      actionId: 'action-transport',
      description: 'Keep each young person at their school through a move unless they choose otherwise',
      owner: { officer: { name: 'Head of Transport' } },
      dueOn: '2026-12-31',
    });
    expect(assigned.status).toBe(201);

    t.clock.advance(60_000);
    groupFeedbackText = 'You told us moving school hurt most. Now you keep your school unless you choose to move.';
    await feedback([id.verbatim, id.redacted, id.summary, id.escalated], groupFeedbackText);
    t.clock.advance(60_000);
    await feedback([id.withdrawn], 'You can keep your phone at night from now on.');
    t.clock.advance(60_000);
    await feedback([id.erased], 'We will tell you two weeks before any move.');
  }, 120_000);
  afterAll(async () => t?.close());

  it('lists each response once, newest first, with only the words their authors agreed to share', async () => {
    const entries = await list();
    expect(entries.map((e) => e.text)).toEqual([
      'We will tell you two weeks before any move.',
      'You can keep your phone at night from now on.',
      groupFeedbackText,
    ]);
    const group = entries[2]!;
    expect(group).toMatchObject({
      decisionIds: [decisionId],
      actionIds: ['action-transport'],
      themes: ['education', 'home', 'placement-stability'],
      views: 4,
    });
    expect(group.id).toMatch(/^[0-9a-f]{20}$/);
    // Verbatim: the words as accepted. Anonymised: the moderator's redacted text, contact details removed
    // too. Summary only: nothing.
    expect(group.shared).toEqual([
      { sharing: 'verbatim', words: 'Moving school was the worst part. Let me stay at my school.' },
      { sharing: 'anonymised', words: 'My social worker never rings back. Ring me on [contact].' },
      { sharing: 'verbatim', words: 'Sometimes the house gets loud, marmalade-kite.' },
    ]);
    const body = await raw();
    for (const secret of ['Quillfeather', 'Hilltop', '07700', 'more say about where I live', 'their next home']) {
      expect(body).not.toContain(secret);
    }
  });

  it('shows no author pseudonym, receipt, age band or care status, and needs no account', async () => {
    const body = await raw();
    for (const key of Object.keys(code)) {
      expect(body).not.toContain(code[key]!);
      expect(body).not.toContain(id[key]!);
    }
    for (const field of [
      '12-15',
      'care-leaver',
      'authorPseudonym',
      'receipt',
      'ageBand',
      'careStatus',
      'contributionId',
      'feedbackId',
    ]) {
      expect(body).not.toContain(field);
    }
    expect((await t.request('GET', '/api/public/boards/no-such-board/you-said-we-did')).status).toBe(404);
    const document = (await t.request('GET', '/api/docs/openapi.json')).json<{
      paths: Record<string, { get?: unknown; post?: unknown }>;
    }>();
    expect(document.paths['/api/public/boards/{board}/you-said-we-did']?.get).toBeDefined();
    expect(document.paths['/api/staff/feedback/reading-age']?.post).toBeDefined();
    // Another board's list is its own: Southvale has given no answers.
    const other = await t.request('GET', '/api/public/boards/southvale/you-said-we-did');
    expect(other.json()).toEqual({ board: 'southvale', entries: [] });
  });

  it('follows sharing changes made after the answer, both ways', async () => {
    const toShared = await t.request('POST', '/api/public/views/sharing', {
      body: { receiptCode: code.summary, sharing: 'anonymised' },
    });
    expect(toShared.status).toBe(200);
    const toSummary = await t.request('POST', '/api/public/views/sharing', {
      body: { sharing: 'summary-only' },
      headers: { 'x-receipt-code': code.verbatim! },
    });
    expect(toSummary.status).toBe(200);
    const group = (await list()).find((e) => e.text === groupFeedbackText)!;
    expect(group.views).toBe(4);
    expect(group.shared.map((s) => s.words)).toEqual([
      'My social worker never rings back. Ring me on [contact].',
      'I want more say about where I live next.',
      'Sometimes the house gets loud, marmalade-kite.',
    ]);
    expect(await raw()).not.toContain('Moving school was the worst part');
  });

  it('a view escalated after the answer keeps its count but never its words; its citation is marked withheld', async () => {
    const escalated = await callers.post('moderator', `/api/moderation/views/${id.escalated}/escalate`, {
      reason: 'A worry about home.',
    });
    expect(escalated.status).toBe(200);
    const group = (await list()).find((e) => e.text === groupFeedbackText)!;
    // Counted like a view shared as a summary only: the list never tells that it was withheld.
    expect(group.views).toBe(4);
    expect(group.themes).toEqual(['education', 'placement-stability']);
    expect(await raw()).not.toContain('marmalade-kite');
    expect((await citations()).find((c) => c.contributionId === id.escalated)).toEqual({
      contributionId: id.escalated,
      influence: 'informed',
      rationale: 'You told us; we did it.',
      state: 'withheld',
      note: 'a view since withheld from the board',
    });
  });

  it('a view withdrawn after it was cited and answered leaves the list; the decision shows "a view later withdrawn by its author"', async () => {
    const before = await citations();
    expect(before.find((c) => c.contributionId === id.withdrawn)).toMatchObject({ state: 'current' });
    const withdrawn = await t.request('POST', '/api/public/views/withdraw', { body: { receiptCode: code.withdrawn } });
    expect(withdrawn.status).toBe(200);
    const entries = await list();
    expect(entries.map((e) => e.text)).not.toContain('You can keep your phone at night from now on.');
    expect(await raw()).not.toContain('zebra-lantern');
    const after = await citations();
    expect(after.find((c) => c.contributionId === id.withdrawn)).toEqual({
      contributionId: id.withdrawn,
      influence: 'informed',
      rationale: 'You told us; we did it.',
      state: 'withdrawn',
      note: 'a view later withdrawn by its author',
    });
    expect(after.find((c) => c.contributionId === id.verbatim)).toEqual({
      contributionId: id.verbatim,
      influence: 'shaped',
      rationale: 'You told us changing school hurt most; we made it the rule.',
      state: 'current',
    });
    expect(JSON.stringify(after)).not.toContain('zebra-lantern');
  });

  it('a view erased after it was cited and answered leaves the list; the decision shows it erased', async () => {
    const erased = await callers.post('admin', `/api/staff/contributions/${id.erased}/erasure`, {
      ground: 'consent-withdrawn',
      reason: 'Request received by the participation team.',
    });
    expect(erased.status).toBe(200);
    const entries = await list();
    expect(entries.map((e) => e.text)).toEqual([groupFeedbackText]);
    expect(await raw()).not.toContain('canary-velvet-otter');
    const citation = (await citations()).find((c) => c.contributionId === id.erased);
    expect(citation).toMatchObject({ state: 'erased', note: 'a view later erased' });
  });

  it('shows a view shared "anonymised" and accepted as written with names, places, schools, streets, dates and handles replaced', async () => {
    await give(
      'named',
      'Me and kayleigh from Hilltop Academy live on 12 Acacia Road in Gateshead. Born 03/03/2009, snap kez_2010',
      'anonymised',
      ['education'],
    );
    expect((await callers.post('moderator', `/api/moderation/views/${id.named}/accept`, {})).status).toBe(200);
    await views.caughtUp();
    t.clock.advance(60_000);
    await feedback([id.named], 'We asked every school to keep a quiet room.');
    const entry = (await list()).find((e) => e.text === 'We asked every school to keep a quiet room.')!;
    expect(entry.shared).toEqual([
      {
        sharing: 'anonymised',
        words: 'Me and [name] from [school] live on [address] in [place]. Born [date], snap [handle]',
      },
    ]);
    const body = await raw();
    for (const secret of ['kayleigh', 'Hilltop', 'Acacia', 'Gateshead', '03/03/2009', 'kez_2010']) {
      expect(body).not.toContain(secret);
    }
  });
});
