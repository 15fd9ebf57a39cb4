import { IdentityService } from '#identity';
import { ProjectionRunner } from '#event-store';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  EVIDENCE,
  FIRST_ANSWER,
  NAMED,
  NAMED_WHY,
  ok,
  PROGRESS,
  RESOLUTION,
  runTheLoop,
  SECOND_ANSWER,
  SHARED,
  SUMMARY,
  SUMMARY_WHY,
  SUMMARY_WORDS,
  WHY,
  WORDS,
  type Loop,
  type LoopView,
} from './closing-the-loop.fixture.js';

// Issue 18, items 2, 3 and 5, through HTTP only: a young person gives a view on a phone; a moderator
// accepts it; the clerk tables it at a meeting; the board considers it and the chair records a decision
// citing it (shaped, with the chair's why); the chair sets an action; the clerk answers; the officer
// reports progress and completes the action; the clerk answers again. The young person reads all of it
// back by code, each with its date; the public "You said, we did" links the answer to the decision and
// its action progress. Erasure then leaves the code nothing to open.

interface Step {
  step: string;
  at: string;
  words: string;
  meeting?: { title: string; startsAt: string; item?: string };
  decisionId?: string;
}
interface Action {
  actionId: string;
  description: string;
  dueOn: string;
  status: string;
  statusWords: string;
  completedOn?: string;
  updates: Array<{ kind: string; at: string; note: string; words: string }>;
}
interface Decision {
  decisionId: string;
  decidedAt: string;
  resolution?: string;
  citedYourView: boolean;
  influence?: string;
  influenceWords?: string;
  why?: string;
  actions: Action[];
}
interface MyView {
  status: string;
  summary?: { version: number; text: string; yourAnswer: string; boardReadsIt: boolean };
  journey: Step[];
  sharing: string;
  feedback?: string;
  whatHappensNext: string;
  givenAt: string;
  yourWords?: string;
  boardSees: { kind: string; words?: string; explanation: string };
  decisions: Decision[];
  answers: Array<{ text: string; at: string; latest: boolean; decisionIds: string[]; actionIds: string[] }>;
  help: { childline: string; emergency: string; councilPhone?: string; words: string };
}

// A shared machine: one check can take a few seconds while projections catch up.
const LONG = 60_000;

describe("closing the loop: a view's journey from the phone to what was done, read back by code", () => {
  let t: TestApp;
  let loop: Loop;
  let decisionId: string;
  let actionId: string;
  let code: Loop['code'];
  let id: Loop['id'];

  const caughtUp = () => t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 20_000 });
  async function check(receiptCode: string): Promise<MyView> {
    await caughtUp();
    return (await ok(t.request('POST', '/api/public/views/check', { body: { receiptCode } }))).json<MyView>();
  }

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SIGN_INS_PER_MINUTE: '100' });
    loop = await runTheLoop(t);
    ({ decisionId, actionId, code, id } = loop);
  }, 180_000);

  afterAll(async () => t?.close());

  it(
    'tells every step with its date: given, read, on the agenda of the meeting, talked about, decided, answered twice',
    async () => {
      const view = await check(code.loop!);
      expect(view.status).toBe('feedback');
      expect(view.journey.map((s) => [s.step, s.at])).toEqual([
        ['submitted', '2026-03-03T18:20:00.000Z'],
        ['accepted', '2026-03-04T10:00:00.000Z'],
        ['tabled', '2026-04-01T11:00:00.000Z'],
        ['considered', '2026-04-14T17:00:00.000Z'],
        ['decided', '2026-04-14T17:10:00.000Z'],
        ['feedback', '2026-04-20T12:00:00.000Z'],
        ['feedback', '2026-05-21T12:00:00.000Z'],
      ]);
      const byStep = Object.fromEntries(view.journey.map((s) => [s.step, s]));
      expect(byStep.tabled).toMatchObject({
        words:
          'Your view is on the agenda of the board meeting on 14 April 2026, in the part about “Changes of social worker”.',
        meeting: {
          title: 'Corporate Parenting Board, April',
          startsAt: '2026-04-14T16:30:00Z',
          item: 'Changes of social worker',
        },
      });
      expect(byStep.considered!.words).toBe(
        'The board talked about your view at its meeting on 14 April 2026, in the part about “Changes of social worker”.',
      );
      expect(byStep.decided).toMatchObject({
        decisionId,
        words: 'The board made a decision that used your view. Your view shaped this decision.',
      });
      expect(view.journey.at(-1)!.words).toBe('The board sent you a new answer.');
    },
    LONG,
  );

  // Done when (issue 18): the whole loop, once for each sharing choice, read back by its author's code.
  const each: Record<LoopView, { words: string; sees: MyView['boardSees']; influence: string; why: string }> = {
    loop: {
      words: WORDS,
      sees: { kind: 'as-written', words: WORDS, explanation: 'The board reads your words as you wrote them.' },
      influence: 'Your view shaped this decision.',
      why: WHY,
    },
    named: {
      words: NAMED,
      sees: {
        kind: 'anonymised',
        words: 'Me and [name] from [school] want to meet new workers first.',
        explanation:
          'The board reads your words with anything that could show who you are, or who you wrote about, taken out.',
      },
      influence: 'Your view helped the board make this decision.',
      why: NAMED_WHY,
    },
    summary: {
      words: SUMMARY_WORDS,
      sees: {
        kind: 'summary',
        words: SUMMARY,
        explanation: 'You chose "summary only". The board reads this summary a worker wrote, not your own words.',
      },
      influence: 'The board thought about your view, but decided to do something different.',
      why: SUMMARY_WHY,
    },
  };
  for (const key of Object.keys(SHARED) as LoopView[]) {
    it(
      `closes the loop for a view shared "${SHARED[key]}": given, read, tabled, decided with its why, acted on, answered`,
      async () => {
        const view = await check(code[key]);
        const expected = each[key];
        expect(view.sharing).toBe(SHARED[key]);
        expect(view.yourWords).toBe(expected.words);
        expect(view.boardSees).toMatchObject(expected.sees);
        expect(view.journey.map((s) => s.step).slice(0, 6)).toEqual([
          'submitted',
          'accepted',
          'tabled',
          'considered',
          'decided',
          'feedback',
        ]);
        const [decision] = view.decisions;
        expect(decision).toMatchObject({
          decisionId,
          resolution: RESOLUTION,
          citedYourView: true,
          influenceWords: expected.influence,
          why: expected.why,
        });
        expect(decision!.actions.map((a) => [a.actionId, a.statusWords])).toEqual([
          [actionId, 'This was done on 20 May 2026.'],
        ]);
        expect(view.answers.map((a) => a.text)).toContain(FIRST_ANSWER);
        if (key === 'summary') {
          expect(view.summary).toMatchObject({ version: 1, text: SUMMARY, yourAnswer: 'agreed', boardReadsIt: true });
        } else {
          expect(view.summary).toBeUndefined();
        }
        // What the board read is what the author is told it read: the chair's paper for the item.
        const tabled = (
          await ok(loop.callers.get('chair', `/api/insight/meetings/${loop.meetingId}/items/${loop.itemId}/views`))
        ).json<{ views: Array<{ contributionId: string; words?: string; summary?: string }> }>().views;
        const read = tabled.find((v) => v.contributionId === id[key])!;
        expect([read.words, read.summary]).toEqual(
          key === 'summary' ? [undefined, SUMMARY] : [expected.sees.words, undefined],
        );
      },
      LONG,
    );
  }

  it(
    'shows what they said, as written, and what the board reads of it',
    async () => {
      const view = await check(code.loop!);
      expect(view).toMatchObject({
        givenAt: '2026-03-03T18:20:00.000Z',
        yourWords: WORDS,
        boardSees: { kind: 'as-written', words: WORDS, explanation: 'The board reads your words as you wrote them.' },
      });
      // Shared "anonymised": the board reads the words with anything identifying taken out; its author
      // still sees their own words as they wrote them.
      const named = await check(code.named!);
      expect(named.yourWords).toBe(NAMED);
      expect(named.boardSees).toMatchObject({
        kind: 'anonymised',
        words: 'Me and [name] from [school] want to meet new workers first.',
      });
    },
    LONG,
  );

  it(
    'shows what it changed: the decision, how much the view weighed and the chair’s why, in plain words',
    async () => {
      const [decision] = (await check(code.loop!)).decisions;
      expect(decision).toMatchObject({
        decisionId,
        decidedAt: '2026-04-14T17:10:00.000Z',
        resolution: RESOLUTION,
        citedYourView: true,
        influence: 'shaped',
        influenceWords: 'Your view shaped this decision.',
        why: WHY,
        status: 'in-force',
      });
      const [other] = (await check(code.named!)).decisions;
      expect(other).toMatchObject({
        decisionId,
        influence: 'informed',
        influenceWords: 'Your view helped the board make this decision.',
        why: NAMED_WHY,
      });
    },
    LONG,
  );

  it(
    'shows what was done: the action, its due date, progress and completion, each dated; never who was named',
    async () => {
      const view = await check(code.loop!);
      const [action] = view.decisions[0]!.actions;
      expect(action).toMatchObject({
        actionId,
        description: 'Write the rule into the practice guide for social workers.',
        dueOn: '2026-05-29',
        status: 'completed',
        completedOn: '2026-05-20',
        statusWords: 'This was done on 20 May 2026.',
      });
      expect(action!.updates).toEqual([
        { kind: 'progress', at: '2026-05-01T09:00:00.000Z', note: PROGRESS, words: `Update: ${PROGRESS}` },
        { kind: 'completed', at: '2026-05-20T10:00:00.000Z', note: EVIDENCE, words: `Done: ${EVIDENCE}` },
      ]);
      expect(JSON.stringify(view)).not.toContain('Head of Service');
    },
    LONG,
  );

  it(
    'shows the latest answer with every earlier one, dated: a later answer never replaces the first',
    async () => {
      const view = await check(code.loop!);
      expect(view.feedback).toBe(SECOND_ANSWER);
      expect(view.answers).toEqual([
        {
          text: SECOND_ANSWER,
          at: '2026-05-21T12:00:00.000Z',
          latest: true,
          decisionIds: [decisionId],
          actionIds: [actionId],
        },
        {
          text: FIRST_ANSWER,
          at: '2026-04-20T12:00:00.000Z',
          latest: false,
          decisionIds: [decisionId],
          actionIds: [actionId],
        },
      ]);
      expect((await check(code.named!)).answers.map((a) => a.text)).toEqual([FIRST_ANSWER]);
    },
    LONG,
  );

  it(
    'tells an anonymous author who can help now, with the council’s number, and never that a worker will be in touch',
    async () => {
      const view = await check(code.loop!);
      expect(view.help).toMatchObject({ childline: '0800 1111', emergency: '999', councilPhone: '0191 433 3000' });
      expect(view.help.words).toContain('an adult you trust');
      expect(JSON.stringify(view)).not.toMatch(/in touch/i);
      const given = await ok(
        t.request('POST', '/api/public/boards/northshire/views', { body: { text: 'Bus passes for care leavers.' } }),
        201,
      );
      const next = given.json<{ whatHappensNext: string }>().whatHappensNext;
      expect(next).toContain('We do not know who you are, so we cannot contact you.');
      expect(next).toContain('call the council on 0191 433 3000');
      expect(next).not.toMatch(/in touch|has been read/i);
    },
    LONG,
  );

  it(
    'links each "we did" on the public page to its decision and how its actions are going',
    async () => {
      await caughtUp();
      const list = (await ok(t.request('GET', '/api/public/boards/northshire/you-said-we-did'))).json<{
        entries: Array<{ text: string; decisionIds: string[]; decisions: Array<Record<string, unknown>> }>;
      }>();
      const second = list.entries.find((e) => e.text === SECOND_ANSWER)!;
      expect(second.decisions).toEqual([
        {
          decisionId,
          decidedAt: '2026-04-14T17:10:00.000Z',
          resolution: RESOLUTION,
          status: 'in-force',
          actions: {
            total: 1,
            done: 1,
            open: 0,
            late: 0,
            stopped: 0,
            words: 'All done: the board asked for 1 thing, and it is done.',
          },
        },
      ]);
      const detail = await ok(t.request('GET', `/api/public/boards/northshire/decisions/${decisionId}`));
      expect(detail.json()).toMatchObject({
        board: 'northshire',
        decisionId,
        resolution: RESOLUTION,
        meeting: { title: 'Corporate Parenting Board, April', item: 'Changes of social worker' },
        progress: { total: 1, done: 1 },
        actions: [{ actionId, status: 'completed', updates: [{ note: PROGRESS }, { note: EVIDENCE }] }],
        answers: [{ text: SECOND_ANSWER }, { text: FIRST_ANSWER }],
      });
      // Only what the board did: no view, author, citation or why; no owner.
      for (const secret of [
        WORDS,
        NAMED,
        SUMMARY_WORDS,
        SUMMARY,
        'Kayleigh',
        WHY,
        NAMED_WHY,
        SUMMARY_WHY,
        id.loop,
        id.named,
        id.summary,
        'Head of Service',
        'contributionId',
      ]) {
        expect(detail.text).not.toContain(secret);
      }
      // A decision no public answer points to, another board's, or none: 404, in the same words.
      expect((await t.request('GET', '/api/public/boards/northshire/decisions/no-such-decision')).status).toBe(404);
      await t.app.get(IdentityService).createTenant('southmoor', 'Southmoor Corporate Parenting Board');
      expect((await t.request('GET', `/api/public/boards/southmoor/decisions/${decisionId}`)).status).toBe(404);
      expect((await t.request('GET', `/api/public/boards/nowhere/decisions/${decisionId}`)).status).toBe(404);
    },
    LONG,
  );

  it(
    'after erasure the code opens nothing, and the public decision keeps no trace of the view',
    async () => {
      await ok(
        loop.callers.post('admin', `/api/staff/contributions/${id.named}/erasure`, {
          ground: 'consent-withdrawn',
          reason: 'Request received by the participation team.',
        }),
      );
      await caughtUp();
      expect((await t.request('POST', '/api/public/views/check', { body: { receiptCode: code.named } })).status).toBe(
        404,
      );
      const list = await t.request('GET', '/api/public/boards/northshire/you-said-we-did');
      expect(list.text).not.toContain('want to meet new workers first');
      expect((await check(code.loop!)).decisions[0]!.decisionId).toBe(decisionId);
    },
    LONG,
  );
});
