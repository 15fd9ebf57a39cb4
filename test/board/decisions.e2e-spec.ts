import { BoardStreams, type CommandContext } from '#event-store';
import { ServerPepper } from '#platform';
import { BoardAggregates } from '../../libs/board/src/commands/board-aggregates.js';
import {
  decisionDecider,
  decisionFacts,
  decisionStream,
  meetingFactsForDecision,
  meetingStream,
  type RecordDecision,
} from '../../libs/board/src/domain/index.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  Callers,
  citing,
  codeOf,
  decisionBody,
  eventTypes,
  fieldsOf,
  head,
  store,
  VoiceDouble,
} from './decisions-support.js';
import { DECISION_ITEM, MeetingFixture } from './support/meeting-fixture.js';

const decisionsAt = (meetingId: string, itemId = DECISION_ITEM) =>
  `/api/meetings/${meetingId}/agenda-items/${itemId}/decisions`;

describe('decisions with their voice evidence, through HTTP', () => {
  let t: TestApp;
  let callers: Callers;
  let voice: VoiceDouble;
  let meetings: MeetingFixture;
  let tenantId: string;

  beforeAll(async () => {
    // Meetings open on their day, so the fixed clock moves on to them and every role signs in again:
    // more than the real 10 sign-ins a minute from one address.
    t = await startTestApp({ RATE_LIMIT_SIGN_INS_PER_MINUTE: '100' });
    callers = new Callers(t);
    await callers.createOtherBoard();
    const chair = await callers.me('chair');
    tenantId = chair.tenantId;
    meetings = await MeetingFixture.forTenant(t, tenantId, chair.userId);
    voice = VoiceDouble.install(t);
  });
  afterAll(async () => t.close());

  const aggregates = () => t.app.get(BoardAggregates);

  /** Only the first of an amendment's two writes, as if the process stopped between them. */
  async function recordOnly(
    decisionId: string,
    meetingId: string,
    amends: { decisionId: string; reason: string; changes: string },
    context: CommandContext,
  ): Promise<void> {
    const meeting = await aggregates().meeting(tenantId, meetingId);
    const earlier = await aggregates().decision(tenantId, amends.decisionId);
    const command: RecordDecision = {
      type: 'RecordDecision',
      data: {
        decisionId,
        meetingId,
        itemId: DECISION_ITEM,
        resolution: 'Extends the rule.',
        kind: 'resolution',
        reached: { method: 'consensus' },
        reasons: 'Asked for by young people.',
        alternativesRejected: [],
        interestsDeclared: [],
        themes: [],
        principles: [],
        voiceEvidence: { noneApplied: { reason: 'A change of scope only.' } },
        amends,
        at: context.now,
        facts: {
          meeting: meetingFactsForDecision(meeting, DECISION_ITEM),
          contributions: [],
          earlier: decisionFacts(amends.decisionId, earlier),
        },
      },
    };
    await t.app
      .get(BoardStreams)
      .run(decisionDecider, decisionStream(decisionId), command, context, { id: decisionId });
  }

  describe('recording', () => {
    let meetingId: string;
    beforeAll(async () => {
      meetingId = await meetings.inProgress({ interests: ['m-evans'] });
    });

    it('records a decision citing views accepted by moderation, each with its influence and rationale', async () => {
      voice.set(tenantId, 'view-1', 'citable');
      voice.set(tenantId, 'view-2', 'citable');
      const evidence = citing(
        ['view-1', 'shaped', 'You told us changing school hurt most; we made it the rule.'],
        ['view-2', 'considered-not-adopted', 'We could not promise the same carer every time.'],
      );
      const response = await callers.post(
        'chair',
        decisionsAt(meetingId),
        decisionBody({ voiceEvidence: evidence, interestsDeclared: ['m-evans'] }),
      );
      expect(response.status).toBe(201);
      const { decisionId, events, duplicate } = response.json<{
        decisionId: string;
        events: string[];
        duplicate: boolean;
      }>();
      expect(events).toEqual(['DecisionRecorded']);
      expect(duplicate).toBe(false);
      // The voice context was asked about exactly the views cited, in the caller's board, at this item.
      expect(voice.asked.at(-1)).toEqual({
        tenantId,
        contributionIds: ['view-1', 'view-2'],
        item: { meetingId, itemId: DECISION_ITEM },
      });
      const [recorded] = await store(t).readStream(decisionStream(decisionId));
      expect(recorded!.metadata).toMatchObject({ tenantId, actor: { role: 'chair' } });
      expect(recorded!.data).toMatchObject({
        decisionId,
        meetingId,
        itemId: DECISION_ITEM,
        kind: 'resolution',
        reached: { method: 'vote', for: 3, against: 0, abstain: 0 },
        interestsDeclared: ['m-evans'],
        voiceEvidence: evidence,
        at: t.clock.now().toISOString(),
      });
      expect(recorded!.data).not.toHaveProperty('facts');
    });

    it('records an explicit reason when no children’s views applied, without asking the voice context', async () => {
      const asked = voice.asked.length;
      const response = await callers.post('chair', decisionsAt(meetingId), decisionBody());
      expect(response.status).toBe(201);
      const state = await aggregates().decision(tenantId, response.json<{ decisionId: string }>().decisionId);
      expect(state).toMatchObject({ status: 'recorded', meetingId, citedContributionIds: [] });
      expect(voice.asked.length).toBe(asked);
    });

    it.each(['withdrawn', 'not-accepted', 'unknown'] as const)(
      'refuses to cite a view that is %s (422) and writes nothing',
      async (status) => {
        voice.set(tenantId, 'view-ok', 'citable');
        if (status !== 'unknown') voice.set(tenantId, `view-${status}`, status);
        const before = await head(t);
        const response = await callers.post(
          'chair',
          decisionsAt(meetingId),
          decisionBody({ voiceEvidence: citing(['view-ok'], [`view-${status}`]) }),
        );
        expect(response.status).toBe(422);
        expect(codeOf(response)).toBe('contribution-not-citable');
        expect(response.json()).toMatchObject({
          status: 422,
          contributionId: `view-${status}`,
          contributionStatus: status,
        });
        expect(await head(t)).toBe(before);
      },
    );

    it('answers with the voice context’s answer for the caller’s board only', async () => {
      // Citable in the demo board, asked about from another board's meeting: unknown there.
      voice.set(tenantId, 'view-shared-id', 'citable');
      const other = await callers.me('other-chair');
      const theirs = await MeetingFixture.forTenant(t, other.tenantId, other.userId);
      const theirMeeting = await theirs.inProgress();
      const response = await callers.post(
        'other-chair',
        decisionsAt(theirMeeting),
        decisionBody({ voiceEvidence: citing(['view-shared-id']) }),
      );
      expect(response.status).toBe(422);
      expect(codeOf(response)).toBe('contribution-not-citable');
      expect(voice.asked.at(-1)?.tenantId).toBe(other.tenantId);
    });

    it('refuses a view the voice context says was not tabled at the item (422), unless the chair says why', async () => {
      voice.set(tenantId, 'view-late', 'citable');
      voice.notTabled(tenantId, 'view-late');
      const before = await head(t);
      const refused = await callers.post(
        'chair',
        decisionsAt(meetingId),
        decisionBody({ voiceEvidence: citing(['view-late', 'informed']) }),
      );
      expect(refused.status).toBe(422);
      expect(refused.json()).toMatchObject({ type: '/problems/view-not-tabled-at-item', contributionId: 'view-late' });
      expect(await head(t)).toBe(before);
      const reason = 'Sent the morning of the meeting; read out before the vote.';
      const evidence = {
        contributions: [
          { contributionId: 'view-late', influence: 'informed', rationale: 'It helped.', notTabledReason: reason },
        ],
      };
      const recorded = await callers.post('chair', decisionsAt(meetingId), decisionBody({ voiceEvidence: evidence }));
      expect(recorded.status).toBe(201);
      const [event] = await store(t).readStream(decisionStream(recorded.json<{ decisionId: string }>().decisionId));
      expect(event!.data).toMatchObject({ voiceEvidence: evidence });
    });

    it('refuses to cite the same view twice (422) and writes nothing', async () => {
      voice.set(tenantId, 'view-1', 'citable');
      const before = await head(t);
      const response = await callers.post(
        'chair',
        decisionsAt(meetingId),
        decisionBody({ voiceEvidence: citing(['view-1', 'shaped'], ['view-1', 'informed']) }),
      );
      expect(response.status).toBe(422);
      expect(codeOf(response)).toBe('duplicate-citation');
      expect(await head(t)).toBe(before);
    });

    it('requires voice evidence: citations or a reason, exactly one; a rationale for every view (400)', async () => {
      const before = await head(t);
      const cases: Array<[unknown, string[]]> = [
        [undefined, ['voiceEvidence']],
        [{}, ['voiceEvidence']],
        [{ ...citing(['view-1']), noneApplied: { reason: 'Both at once' } }, ['voiceEvidence']],
        [{ contributions: [] }, ['voiceEvidence.contributions']],
        [{ noneApplied: { reason: '   ' } }, ['voiceEvidence.noneApplied.reason']],
        [
          { contributions: [{ contributionId: 'view-1', influence: 'shaped' }] },
          ['voiceEvidence.contributions.0.rationale'],
        ],
        [citing(['view-1', 'inspired']), ['voiceEvidence.contributions.0.influence']],
      ];
      for (const [voiceEvidence, fields] of cases) {
        const body = decisionBody({ voiceEvidence });
        if (voiceEvidence === undefined) delete body.voiceEvidence;
        const response = await callers.post('chair', decisionsAt(meetingId), body);
        expect({ status: response.status, fields: fieldsOf(response) }).toEqual({ status: 400, fields });
      }
      expect(await head(t)).toBe(before);
    });

    it('refuses other bad input with the field (400), and broken rules with their code (422), writing nothing', async () => {
      const before = await head(t);
      const bad = await callers.post(
        'chair',
        decisionsAt(meetingId),
        decisionBody({ kind: 'decree', reached: { method: 'vote', for: -1 }, reasons: '', surprise: true }),
      );
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad)).toEqual([
        'kind',
        'reached.abstain',
        'reached.against',
        'reached.for',
        'reasons',
        'surprise',
      ]);
      const rules: Array<[Record<string, unknown>, string]> = [
        [{ reached: { method: 'vote', for: 1, against: 2, abstain: 0 } }, 'resolution-not-carried'],
        [{ reached: { method: 'vote', for: 9, against: 0, abstain: 0 } }, 'more-votes-than-present'],
        [{ interestsDeclared: ['m-dcs'] }, 'interest-not-declared'],
        [{ themes: ['not-a-theme'] }, 'unknown-theme'],
      ];
      for (const [overrides, code] of rules) {
        const response = await callers.post('chair', decisionsAt(meetingId), decisionBody(overrides));
        expect({ status: response.status, code: codeOf(response) }).toEqual({ status: 422, code });
      }
      const noItem = await callers.post('chair', decisionsAt(meetingId, 'no-such-item'), decisionBody());
      expect({ status: noItem.status, code: codeOf(noItem) }).toEqual({ status: 422, code: 'agenda-item-not-found' });
      expect(await head(t)).toBe(before);
    });

    it('decides only at a quorate meeting in progress', async () => {
      const scheduled = await meetings.published();
      const inquorate = await meetings.inProgress({ inquorate: true });
      const before = await head(t);
      const notOpen = await callers.post('chair', decisionsAt(scheduled), decisionBody());
      expect({ status: notOpen.status, code: codeOf(notOpen) }).toEqual({
        status: 422,
        code: 'meeting-not-in-progress',
      });
      const notQuorate = await callers.post('chair', decisionsAt(inquorate), decisionBody());
      expect({ status: notQuorate.status, code: codeOf(notQuorate) }).toEqual({
        status: 422,
        code: 'meeting-inquorate',
      });
      const unknown = await callers.post('chair', decisionsAt('no-such-meeting'), decisionBody());
      expect(unknown.status).toBe(404);
      expect(await head(t)).toBe(before);
    });

    it('is recorded by the chair only: others 403, no token 401, another board’s chair 404', async () => {
      const before = await head(t);
      for (const role of ['clerk', 'admin', 'member', 'officer', 'auditor', 'moderator'] as const) {
        const response = await callers.post(role, decisionsAt(meetingId), decisionBody());
        expect({ role, status: response.status }).toEqual({ role, status: 403 });
      }
      expect((await callers.post(undefined, decisionsAt(meetingId), decisionBody())).status).toBe(401);
      const otherBoard = await callers.post('other-chair', decisionsAt(meetingId), decisionBody());
      expect(otherBoard.status).toBe(404);
      expect(await head(t)).toBe(before);
    });

    it('answers a retried request (same Idempotency-Key) with the first answer and writes nothing more', async () => {
      const headers = { 'idempotency-key': 'record-decision-retry-0001' };
      const first = await callers.post('chair', decisionsAt(meetingId), decisionBody(), headers);
      expect(first.status).toBe(201);
      const before = await head(t);
      t.clock.advance(1000);
      const retry = await callers.post('chair', decisionsAt(meetingId), decisionBody(), headers);
      expect(retry.status).toBe(201);
      const a = first.json<{ decisionId: string; duplicate: boolean }>();
      const b = retry.json<{ decisionId: string; duplicate: boolean }>();
      expect(b.decisionId).toBe(a.decisionId);
      expect([a.duplicate, b.duplicate]).toEqual([false, true]);
      expect(await head(t)).toBe(before);
      expect(await eventTypes(t, decisionStream(a.decisionId))).toEqual(['DecisionRecorded']);
    });

    it('takes the client’s own decision id, once', async () => {
      const body = decisionBody({ decisionId: 'my-decision-0001' });
      const first = await callers.post('chair', decisionsAt(meetingId), body);
      expect(first.json()).toMatchObject({ decisionId: 'my-decision-0001', id: 'my-decision-0001' });
      const again = await callers.post('chair', decisionsAt(meetingId), body);
      expect({ status: again.status, code: codeOf(again) }).toEqual({ status: 422, code: 'decision-already-recorded' });
    });
  });

  describe('amending and superseding: never edited, both stay in the history', () => {
    let april: string;
    let june: string;
    let original: string;

    beforeAll(async () => {
      april = await meetings.inProgress({ startsAt: '2026-04-14T17:30:00+01:00' });
      june = await meetings.inProgress({ startsAt: '2026-06-16T17:30:00+01:00' });
      const response = await callers.post('chair', decisionsAt(april), decisionBody());
      original = response.json<{ decisionId: string }>().decisionId;
      t.clock.advance(60_000); // the later decision is recorded later
    });

    it('refuses an amendment from the same meeting (422), writing nothing', async () => {
      const before = await head(t);
      const response = await callers.post(
        'chair',
        `/api/decisions/${original}/amend`,
        decisionBody({ meetingId: april, itemId: DECISION_ITEM, reason: 'Costs rose', changes: 'County only' }),
      );
      expect({ status: response.status, code: codeOf(response) }).toEqual({ status: 422, code: 'not-a-later-meeting' });
      expect(await head(t)).toBe(before);
    });

    it('amends by a later meeting’s decision that says why; the original keeps its text and gains a note', async () => {
      const response = await callers.post(
        'chair',
        `/api/decisions/${original}/amend`,
        decisionBody({
          meetingId: june,
          itemId: DECISION_ITEM,
          resolution: 'The rule applies to moves within the county.',
          reason: 'Transport costs rose',
          changes: 'Limits the rule to the county',
        }),
      );
      expect(response.status).toBe(201);
      const body = response.json<{ decisionId: string; events: string[]; earlier: { id: string; events: string[] } }>();
      expect(body.events).toEqual(['DecisionRecorded']);
      expect(body.earlier).toMatchObject({ id: original, events: ['DecisionAmended'] });
      expect(await eventTypes(t, decisionStream(original))).toEqual(['DecisionRecorded', 'DecisionAmended']);
      const [first] = await store(t).readStream(decisionStream(original));
      expect(first!.data).toMatchObject({ resolution: decisionBody().resolution });
      expect(await aggregates().decision(tenantId, original)).toMatchObject({
        status: 'recorded',
        amendments: [{ byDecisionId: body.decisionId, reason: 'Transport costs rose' }],
      });
      const [later] = await store(t).readStream(decisionStream(body.decisionId));
      expect(later!.data).toMatchObject({
        meetingId: june,
        amends: { decisionId: original, reason: 'Transport costs rose', changes: 'Limits the rule to the county' },
      });
    });

    it('completes the second write when the same request is retried (the two writes are not atomic)', async () => {
      const key = 'amend-after-a-crash-0001';
      const decisionId = 'later-decision-crash-0001';
      const amends = { decisionId: original, reason: 'A second change', changes: 'Adds the city' };
      const body = decisionBody({ decisionId, amends });
      // The first attempt wrote the new decision and stopped before noting it on the original, under the
      // command id the product derives from the Idempotency-Key (a keyed hash: the key is never stored).
      const commandId = `key-${t.app.get(ServerPepper).text('command-id', tenantId, key)}`;
      await recordOnly(decisionId, june, amends, meetings.context(commandId, 'chair'));
      expect(await eventTypes(t, decisionStream(decisionId))).toEqual(['DecisionRecorded']);
      expect(await eventTypes(t, decisionStream(original))).toEqual(['DecisionRecorded', 'DecisionAmended']);
      const retry = await callers.post('chair', decisionsAt(june), body, { 'idempotency-key': key });
      expect(retry.status).toBe(201);
      expect(retry.json()).toMatchObject({
        decisionId,
        duplicate: true,
        earlier: { id: original, duplicate: false, events: ['DecisionAmended'] },
      });
      const again = await callers.post('chair', decisionsAt(june), body, { 'idempotency-key': key });
      expect(again.json()).toMatchObject({ duplicate: true, earlier: { duplicate: true } });
      expect(await eventTypes(t, decisionStream(original))).toEqual([
        'DecisionRecorded',
        'DecisionAmended',
        'DecisionAmended',
      ]);
    });

    it('supersedes: the original is marked superseded and can change no more; both stay in the history', async () => {
      const response = await callers.post(
        'chair',
        `/api/decisions/${original}/supersede`,
        decisionBody({ meetingId: june, itemId: DECISION_ITEM, reason: 'A new placement strategy replaces it' }),
      );
      expect(response.status).toBe(201);
      const { decisionId, earlier } = response.json<{ decisionId: string; earlier: { events: string[] } }>();
      expect(earlier.events).toEqual(['DecisionSuperseded']);
      expect(await aggregates().decision(tenantId, original)).toMatchObject({
        status: 'superseded',
        supersededBy: decisionId,
      });
      expect(await aggregates().decision(tenantId, decisionId)).toMatchObject({ status: 'recorded', meetingId: june });

      t.clock.advance(60_000);
      const september = await meetings.inProgress({ startsAt: '2026-09-15T17:30:00+01:00' });
      const before = await head(t);
      const amendAgain = await callers.post(
        'chair',
        decisionsAt(september),
        decisionBody({ amends: { decisionId: original, reason: 'Too late', changes: 'Anything' } }),
      );
      expect({ status: amendAgain.status, code: codeOf(amendAgain) }).toEqual({
        status: 422,
        code: 'decision-superseded',
      });
      expect(await head(t)).toBe(before);
    });

    it('refuses amends with supersedes (400), an unknown earlier decision (404), and non-chairs (403)', async () => {
      const before = await head(t);
      const both = await callers.post(
        'chair',
        decisionsAt(june),
        decisionBody({
          amends: { decisionId: original, reason: 'x', changes: 'y' },
          supersedes: { decisionId: original, reason: 'z' },
        }),
      );
      expect({ status: both.status, fields: fieldsOf(both) }).toEqual({ status: 400, fields: ['supersedes'] });
      const unknown = await callers.post(
        'chair',
        `/api/decisions/no-such-decision/amend`,
        decisionBody({ meetingId: june, itemId: DECISION_ITEM, reason: 'x', changes: 'y' }),
      );
      expect(unknown.status).toBe(404);
      const missing = await callers.post(
        'chair',
        `/api/decisions/${original}/amend`,
        decisionBody({ meetingId: june }),
      );
      expect({ status: missing.status, fields: fieldsOf(missing) }).toEqual({
        status: 400,
        fields: ['changes', 'itemId', 'reason'],
      });
      const clerk = await callers.post(
        'clerk',
        `/api/decisions/${original}/supersede`,
        decisionBody({ meetingId: june, itemId: DECISION_ITEM, reason: 'x' }),
      );
      expect(clerk.status).toBe(403);
      const otherBoard = await callers.post(
        'other-chair',
        `/api/decisions/${original}/amend`,
        decisionBody({ meetingId: june, itemId: DECISION_ITEM, reason: 'x', changes: 'y' }),
      );
      expect(otherBoard.status).toBe(404);
      expect(await head(t)).toBe(before);
    });
  });

  describe('approving the minutes of the last meeting, as a decision of the next', () => {
    it('records the decision at the next meeting, then the approval with corrections on the last; minutes then never change', async () => {
      const last = await meetings.drafted({ startsAt: '2026-04-14T17:30:00+01:00' });
      const next = await meetings.inProgress({ startsAt: '2026-06-16T17:30:00+01:00' });
      const corrections = [{ itemId: DECISION_ITEM, text: 'The board received the report and asked for more.' }];
      const headers = { 'idempotency-key': 'approve-minutes-0001' };
      const path = `/api/meetings/${next}/approve-minutes-of/${last}`;
      const response = await callers.post('chair', path, { corrections }, headers);
      expect(response.status).toBe(201);
      const body = response.json<{ decisionId: string; events: string[]; minutes: { id: string; events: string[] } }>();
      expect(body.events).toEqual(['DecisionRecorded']);
      expect(body.minutes).toMatchObject({ id: last, events: ['MinutesApproved'] });

      const decision = await aggregates().decision(tenantId, body.decisionId);
      expect(decision).toMatchObject({ meetingId: next, itemId: 'minutes-of-last-meeting', status: 'recorded' });
      const [recorded] = await store(t).readStream(decisionStream(body.decisionId));
      expect(recorded!.data).toMatchObject({
        resolution: expect.stringContaining('2026-04-14'),
        voiceEvidence: { noneApplied: { reason: expect.any(String) } },
      });
      const minutes = await aggregates().meeting(tenantId, last);
      expect(minutes).toMatchObject({
        status: 'minutes-approved',
        approvedByDecisionId: body.decisionId,
        minutes: { [DECISION_ITEM]: corrections[0]!.text },
      });

      // A retry answers both writes as duplicates.
      const before = await head(t);
      const retry = await callers.post('chair', path, { corrections }, headers);
      expect(retry.json()).toMatchObject({
        decisionId: body.decisionId,
        duplicate: true,
        minutes: { duplicate: true },
      });
      expect(await head(t)).toBe(before);

      // Approved minutes never change: the domain refuses later minutes, and a second approval.
      await expect(
        meetings.onMeeting(last, 'RecordMinutes', { itemId: DECISION_ITEM, text: 'Rewritten' }),
      ).rejects.toMatchObject({ code: 'minutes-approved' });
      const again = await callers.post('chair', path, {});
      expect({ status: again.status, code: codeOf(again) }).toEqual({ status: 422, code: 'minutes-already-approved' });
      expect(await head(t)).toBe(before);
    });

    it('refuses, writing nothing (not even the decision): undrafted minutes, an earlier meeting, unknown items', async () => {
      const held = await meetings.inProgress({ startsAt: '2026-04-14T17:30:00+01:00' });
      const later = await meetings.drafted({ startsAt: '2026-09-15T17:30:00+01:00' });
      const last = await meetings.drafted({ startsAt: '2026-03-17T17:30:00Z' });
      const next = await meetings.inProgress({ startsAt: '2026-06-16T17:30:00+01:00' });
      const approve = (who: Parameters<Callers['post']>[0], of: string, body: Record<string, unknown> = {}) =>
        callers.post(who, `/api/meetings/${next}/approve-minutes-of/${of}`, body);
      const before = await head(t);
      const rules: Array<[string, Record<string, unknown>, string]> = [
        [held, {}, 'minutes-not-drafted'],
        [later, {}, 'not-a-later-meeting'],
        [next, {}, 'minutes-not-drafted'],
        [last, { corrections: [{ itemId: 'no-such-item', text: 'x' }] }, 'agenda-item-not-found'],
      ];
      for (const [of, body, code] of rules) {
        const response = await approve('chair', of, body);
        expect({ status: response.status, code: codeOf(response) }).toEqual({ status: 422, code });
      }
      const badBody = await approve('chair', last, { corrections: [{ itemId: DECISION_ITEM }], voiceEvidence: {} });
      expect({ status: badBody.status, fields: fieldsOf(badBody) }).toEqual({
        status: 400,
        fields: ['corrections.0.text', 'voiceEvidence'],
      });
      for (const role of ['clerk', 'member', 'officer'] as const) {
        expect({ role, status: (await approve(role, last)).status }).toEqual({ role, status: 403 });
      }
      expect((await approve('other-chair', last)).status).toBe(404);
      expect((await approve('chair', 'no-such-meeting')).status).toBe(404);
      expect(await head(t)).toBe(before);
      expect(await eventTypes(t, meetingStream(last))).not.toContain('MinutesApproved');
    });
  });

  it('documents every decision and action route in OpenAPI', async () => {
    const doc = (await t.request('GET', '/api/docs/openapi.json')).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/meetings/{meetingId}/agenda-items/{itemId}/decisions',
        '/api/decisions/{decisionId}/amend',
        '/api/decisions/{decisionId}/supersede',
        '/api/meetings/{meetingId}/approve-minutes-of/{previousMeetingId}',
        '/api/decisions/{decisionId}/actions',
        '/api/actions/{actionId}/progress',
        '/api/actions/{actionId}/complete',
        '/api/actions/{actionId}/cancel',
      ]),
    );
  });
});
