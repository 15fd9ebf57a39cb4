import type {
  OutcomeActionRow,
  OutcomeCitationRow,
  OutcomeDecisionRow,
  OutcomeMeetingRow,
} from '../board-outcomes/board-outcomes.projection.js';
import type { MyViewJourneyRow } from './my-view-journey.projection.js';
import type { ReceiptStep } from '../view-receipts/contribution-receipts.projection.js';
import type { ReceiptRow } from '../view-receipts/receipt-lookup.js';
import { journeyOf } from './my-view.journey.js';
import { closeTheLoop, loopReferences, type LoopInput } from './my-view.loop.js';

// The child's side of the loop, folded from rows as the three read models hold them (receipts, the
// view's own row, the board's outcomes): every step dated, the meeting named, each decision with its
// influence and the chair's why, each action with its progress, every answer (the latest first).

const WORDS = 'We should meet our new social worker before they take over.';
const MEETING: OutcomeMeetingRow = {
  tenant_id: 't',
  meeting_id: 'm-1',
  title: 'Corporate Parenting Board',
  starts_at: '2026-04-14T16:30:00Z',
  cancelled: false,
  items: {
    'i-1': { title: 'Changes of social worker', restricted: false },
    'i-2': { title: 'A child’s placement (exempt)', restricted: true },
  },
};
const DECISION: OutcomeDecisionRow = {
  tenant_id: 't',
  decision_id: 'd-1',
  meeting_id: 'm-1',
  item_id: 'i-1',
  resolution: 'Every child meets a new social worker before the hand-over.',
  kind: 'resolution',
  recorded_at: '2026-04-14T17:10:00Z',
  status: 'in-force',
  changed_at: null,
  changed_by_decision_id: null,
  change_reason: null,
};
const CITATION: OutcomeCitationRow = {
  tenant_id: 't',
  contribution_id: 'view-1',
  decision_id: 'd-1',
  influence: 'shaped',
  rationale: 'You told us meeting first matters. So now it is the rule.',
  recorded_at: '2026-04-14T17:10:00Z',
};
const ACTIONS: OutcomeActionRow[] = [
  {
    tenant_id: 't',
    action_id: 'a-1',
    decision_id: 'd-1',
    description: 'Write the hand-over rule into the practice guide.',
    due_on: '2026-05-31',
    status: 'completed',
    assigned_at: '2026-04-14T17:20:00Z',
    completed_on: '2026-05-20',
    updates: [
      { kind: 'progress', note: 'A first draft went to team managers.', at: '2026-05-01T09:00:00Z' },
      { kind: 'completed', note: 'The guide now has the rule.', at: '2026-05-20T10:00:00Z', on: '2026-05-20' },
    ],
  },
  {
    tenant_id: 't',
    action_id: 'a-2',
    decision_id: 'd-1',
    description: 'Report how many children met their worker first.',
    due_on: '2026-06-30',
    status: 'open',
    assigned_at: '2026-04-14T17:25:00Z',
    completed_on: null,
    updates: [],
  },
];

const steps = (...list: Array<[string, string, string?, string?]>): ReceiptStep[] =>
  list.map(([step, at, meetingId, itemId]) => ({ step, at, ...(meetingId ? { meetingId, itemId } : {}) }));

const FULL_STEPS = steps(
  ['submitted', '2026-03-02T09:00:00Z'],
  ['accepted', '2026-03-03T10:00:00Z'],
  ['tabled', '2026-04-01T11:00:00Z', 'm-1', 'i-1'],
  ['considered', '2026-04-14T17:00:00Z', 'm-1', 'i-1'],
  ['feedback', '2026-04-20T12:00:00Z'],
  ['feedback', '2026-05-21T12:00:00Z'],
);

const viewRow = (overrides: Partial<MyViewJourneyRow> = {}): MyViewJourneyRow => ({
  tenant_id: 't',
  contribution_id: 'view-1',
  channel: 'online',
  own_words: WORDS,
  replies: [],
  board_words: WORDS,
  redacted: false,
  summary: null,
  summary_at: null,
  answers: [
    {
      text: 'You will meet your new worker first.',
      at: '2026-04-20T12:00:00Z',
      decisionIds: ['d-1'],
      actionIds: ['a-1'],
    },
    { text: 'The guide now says so. It starts in June.', at: '2026-05-21T12:00:00Z', decisionIds: [], actionIds: [] },
  ],
  ...overrides,
});

const receipt = (list: ReceiptStep[], sharing = 'verbatim', extra: Partial<ReceiptRow> = {}): ReceiptRow => ({
  contributionId: 'view-1',
  receiptHash: 'hash',
  tenantId: 't',
  authorPseudonym: 'yp-1',
  sharing,
  steps: list,
  ...extra,
});

function check(
  row: ReceiptRow,
  input: Partial<Omit<LoopInput, 'steps'>> = {},
  context: { channel?: string; councilPhone?: string } = {},
) {
  return closeTheLoop(journeyOf(row, context), {
    steps: row.steps,
    view: viewRow(),
    citations: [],
    decisions: new Map(),
    meetings: new Map(),
    actions: [],
    today: '2026-06-01',
    ...input,
  });
}

const full = (today = '2026-06-01', councilPhone?: string) =>
  check(
    receipt(FULL_STEPS, 'verbatim', { feedback: 'The guide now says so. It starts in June.' }),
    {
      citations: [CITATION],
      decisions: new Map([['d-1', DECISION]]),
      meetings: new Map([['m-1', MEETING]]),
      actions: ACTIONS,
      today,
      ...(councilPhone ? { councilPhone } : {}),
    },
    { councilPhone },
  );

describe("Check my view: the child's side of the loop", () => {
  it('names what it must read: decisions citing the view or pointed to by an answer, and where it was tabled', () => {
    expect(loopReferences(FULL_STEPS, viewRow(), [CITATION])).toEqual({
      decisionIds: ['d-1'],
      meetingIds: ['m-1'],
    });
    const other = viewRow({ answers: [{ text: 'x', at: 'y', decisionIds: ['d-9'], actionIds: [] }] });
    expect(loopReferences(FULL_STEPS.slice(0, 2), other, [])).toEqual({ decisionIds: ['d-9'], meetingIds: [] });
  });

  it('tells every step with its date, the meeting by date and item, and the decision that used the view', () => {
    const view = full();
    expect(view.status).toBe('feedback');
    expect(view.journey.map((s) => [s.step, s.at])).toEqual([
      ['submitted', '2026-03-02T09:00:00Z'],
      ['accepted', '2026-03-03T10:00:00Z'],
      ['tabled', '2026-04-01T11:00:00Z'],
      ['considered', '2026-04-14T17:00:00Z'],
      ['decided', '2026-04-14T17:10:00Z'],
      ['feedback', '2026-04-20T12:00:00Z'],
      ['feedback', '2026-05-21T12:00:00Z'],
    ]);
    const [, , tabled, considered, decided, first, second] = view.journey;
    expect(tabled!.words).toBe(
      'Your view is on the agenda of the board meeting on 14 April 2026, in the part about “Changes of social worker”.',
    );
    expect(tabled!.meeting).toEqual({
      meetingId: 'm-1',
      title: 'Corporate Parenting Board',
      startsAt: '2026-04-14T16:30:00Z',
      cancelled: false,
      item: 'Changes of social worker',
    });
    expect(considered!.words).toBe(
      'The board talked about your view at its meeting on 14 April 2026, in the part about “Changes of social worker”.',
    );
    expect(decided).toMatchObject({
      decisionId: 'd-1',
      words: 'The board made a decision that used your view. Your view shaped this decision.',
    });
    expect(first!.words).toBe('The board has answered your view.');
    expect(second!.words).toBe('The board sent you a new answer.');
  });

  it('shows what they said, what the board reads, and the decision with its influence and the chair’s why', () => {
    const view = full();
    expect(view).toMatchObject({
      givenAt: '2026-03-02T09:00:00Z',
      yourWords: WORDS,
      boardSees: { kind: 'as-written', sharing: 'verbatim', words: WORDS },
    });
    expect(view.decisions).toHaveLength(1);
    expect(view.decisions[0]).toMatchObject({
      decisionId: 'd-1',
      decidedAt: '2026-04-14T17:10:00Z',
      resolution: 'Every child meets a new social worker before the hand-over.',
      status: 'in-force',
      private: false,
      citedYourView: true,
      influence: 'shaped',
      influenceWords: 'Your view shaped this decision.',
      why: 'You told us meeting first matters. So now it is the rule.',
      meeting: { title: 'Corporate Parenting Board', item: 'Changes of social worker' },
    });
  });

  it('follows each action: done (with its updates, dated) or still open, and late once past its date', () => {
    const [done, open] = full().decisions[0]!.actions;
    expect(done).toMatchObject({
      actionId: 'a-1',
      status: 'completed',
      statusWords: 'This was done on 20 May 2026.',
      completedOn: '2026-05-20',
    });
    expect(done!.updates).toEqual([
      {
        kind: 'progress',
        at: '2026-05-01T09:00:00Z',
        note: 'A first draft went to team managers.',
        words: 'Update: A first draft went to team managers.',
      },
      {
        kind: 'completed',
        at: '2026-05-20T10:00:00Z',
        note: 'The guide now has the rule.',
        words: 'Done: The guide now has the rule.',
      },
    ]);
    expect(open).toMatchObject({
      status: 'open',
      dueOn: '2026-06-30',
      statusWords: 'The board is working on this. It should be done by 30 June 2026.',
    });
    expect(full('2026-07-01').decisions[0]!.actions[1]).toMatchObject({
      status: 'overdue',
      statusWords: 'This should have been done by 30 June 2026. It is late.',
    });
  });

  it('keeps every answer, the latest first; "feedback" stays the latest words', () => {
    const view = full();
    expect(view.feedback).toBe('The guide now says so. It starts in June.');
    expect(view.answers).toEqual([
      {
        text: 'The guide now says so. It starts in June.',
        at: '2026-05-21T12:00:00Z',
        latest: true,
        decisionIds: [],
        actionIds: [],
      },
      {
        text: 'You will meet your new worker first.',
        at: '2026-04-20T12:00:00Z',
        latest: false,
        decisionIds: ['d-1'],
        actionIds: ['a-1'],
      },
    ]);
  });

  it('lists a decision an answer points to, though it did not cite the view, without an influence', () => {
    const view = check(receipt(FULL_STEPS.slice(0, 2)), {
      view: viewRow({
        answers: [{ text: 'We did it.', at: '2026-04-20T12:00:00Z', decisionIds: ['d-1'], actionIds: [] }],
      }),
      decisions: new Map([['d-1', DECISION]]),
      meetings: new Map([['m-1', MEETING]]),
    });
    expect(view.decisions).toHaveLength(1);
    expect(view.decisions[0]).toMatchObject({ decisionId: 'd-1', citedYourView: false });
    expect(view.decisions[0]!.influence).toBeUndefined();
    expect(view.journey.map((s) => s.step)).toEqual(['submitted', 'accepted']);
  });

  it('shows no words or actions of a decision taken in private, and says when one was changed', () => {
    const privately = { ...DECISION, item_id: 'i-2', status: 'superseded', changed_at: '2026-06-10T09:00:00Z' };
    const view = check(receipt(FULL_STEPS), {
      citations: [CITATION],
      decisions: new Map([['d-1', privately]]),
      meetings: new Map([['m-1', MEETING]]),
      actions: ACTIONS,
    });
    const [decision] = view.decisions;
    expect(decision).toMatchObject({
      private: true,
      actions: [],
      status: 'superseded',
      statusWords: 'The board replaced this decision with a new one on 10 June 2026.',
    });
    expect(decision!.resolution).toBeUndefined();
    expect(decision!.meeting!.item).toBeUndefined();
  });

  it('says what the board reads for each sharing choice', () => {
    const accepted = receipt(FULL_STEPS.slice(0, 2), 'anonymised');
    const named = 'Me and Kayleigh from Hilltop Academy want to stay together.';
    expect(check(accepted, { view: viewRow({ board_words: named }) }).boardSees).toMatchObject({
      kind: 'anonymised',
      words: 'Me and [name] from [school] want to stay together.',
    });
    expect(
      check(receipt(FULL_STEPS.slice(0, 2)), {
        view: viewRow({ board_words: 'We should meet [removed].', redacted: true }),
      }).boardSees,
    ).toMatchObject({ kind: 'with-changes', words: 'We should meet [removed].' });
    const summaryOnly = receipt(FULL_STEPS.slice(0, 2), 'summary-only');
    expect(check(summaryOnly).boardSees).toMatchObject({ kind: 'summary-to-come' });
    expect(check(summaryOnly).boardSees.words).toBeUndefined();
    expect(check(summaryOnly, { view: viewRow({ summary: 'Meet the new worker first.' }) }).boardSees).toMatchObject({
      kind: 'summary',
      words: 'Meet the new worker first.',
    });
    expect(check(receipt(FULL_STEPS.slice(0, 1))).boardSees).toMatchObject({ kind: 'not-yet' });
  });

  it('tells a view the screen withheld exactly what every new view is told, until a person has read it', () => {
    const waiting = check(receipt(steps(['submitted', '2026-03-02T09:00:00Z'])), {
      view: viewRow({ board_words: null, answers: [] }),
    });
    const ordinary = check(receipt(steps(['submitted', '2026-03-02T09:00:00Z'])), {
      view: viewRow({ board_words: null, answers: [] }),
    });
    expect(waiting).toEqual(ordinary);
    expect(waiting.status).toBe('submitted');
    expect(waiting.journey).toEqual([{ step: 'submitted', at: '2026-03-02T09:00:00Z', words: 'We have your view.' }]);
    expect(waiting.whatHappensNext).toBe(
      'A worker reads every view. Come back with your code to see what happens next.',
    );
    expect(JSON.stringify(waiting)).not.toMatch(/has been read|in touch|escalat|safeguard/i);
  });

  it('promises an anonymous author no contact once a worker has read it: what they can do now instead', () => {
    const reviewed = receipt(steps(['submitted', '2026-03-02T09:00:00Z'], ['under-review', '2026-03-02T10:00:00Z']));
    const view = check(
      reviewed,
      { view: viewRow({ board_words: null }), councilPhone: '0191 433 3000' },
      { councilPhone: '0191 433 3000' },
    );
    expect(view.status).toBe('under-review');
    expect(view.journey.at(-1)!.words).toBe('A worker has read your view.');
    expect(view.boardSees).toMatchObject({ kind: 'nothing' });
    expect(view.whatHappensNext).toContain('We do not know who you are, so we cannot contact you.');
    for (const help of [
      'Childline free on 0800 1111',
      'call 999',
      'an adult you trust',
      'call the council on 0191 433 3000',
    ]) {
      expect(view.whatHappensNext).toContain(help);
      expect(view.help.words).toContain(help);
    }
    expect(JSON.stringify(view)).not.toMatch(/in touch|escalat|safeguard/i);
    expect(view.help).toMatchObject({ childline: '0800 1111', emergency: '999', councilPhone: '0191 433 3000' });
    // Given through an advocate, someone knows them: they are pointed back to that person.
    const helped = check(reviewed, { view: viewRow({ channel: 'advocate' }) }, { channel: 'advocate' });
    expect(helped.whatHappensNext).toContain('The person who helped you give your view can help you too.');
    expect(helped.whatHappensNext).not.toContain('cannot contact you');
    // No council number set: none is made up.
    expect(check(reviewed).help).not.toHaveProperty('councilPhone');
  });

  it('keeps what they said, and their replies, after they take the view back; the board reads nothing more', () => {
    const withdrawn = check(receipt([...FULL_STEPS.slice(0, 2), { step: 'withdrawn', at: '2026-03-05T09:00:00Z' }]), {
      view: viewRow({ board_words: null, replies: [{ text: 'Year 8.', at: '2026-03-02T12:00:00Z' }] }),
    });
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      yourWords: WORDS,
      yourReplies: [{ text: 'Year 8.', at: '2026-03-02T12:00:00Z' }],
      boardSees: { kind: 'nothing' },
    });
  });
});
