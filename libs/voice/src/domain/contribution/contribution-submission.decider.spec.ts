import { fold, InvalidInput, NotFound, RuleBroken } from '#kernel';
import { givenWhenThen } from '#testing';
import type { CallForViewsFacts } from '../call-for-views/call-for-views.queries.js';
import type { ContributionTarget } from './contribution.commands.js';
import { contributionDecider } from './contribution.decider.js';
import type { ContributionEvent } from './contribution.events.js';
import { AT, ID, PSEUDONYM, submit, submitted } from './contribution.test-fixtures.js';
import { DEFAULT_SHARING, SHARING_CHOICES } from './contribution.values.js';

const { given } = givenWhenThen(contributionDecider);

describe('contribution: giving a view', () => {
  it('records the view with the author’s pseudonym and the receipt code’s hash', () => {
    given([]).when(submit()).then([submitted()]);
  });

  it('defaults to the most private sharing choice, and keeps an explicit choice', () => {
    expect(DEFAULT_SHARING).toBe('summary-only');
    expect(SHARING_CHOICES[0]).toBe(DEFAULT_SHARING);
    const [event] = given([])
      .when(submit({ sharing: undefined }))
      .then([submitted()]);
    expect((event as Extract<ContributionEvent, { type: 'ContributionSubmitted' }>).data.sharing).toBe('summary-only');
    given([])
      .when(submit({ sharing: 'verbatim' }))
      .then([submitted({ sharing: 'verbatim' })]);
    given([])
      .when(submit({ sharing: 'everyone' as never }))
      .thenThrows(InvalidInput);
  });

  it('needs no themes and no target', () => {
    given([])
      .when(submit({ themes: undefined, target: undefined }))
      .then([submitted({ themes: [], target: { kind: 'none' } })]);
  });

  it('keeps an age band and care status when given, and refuses unknown ones', () => {
    given([])
      .when(submit({ ageBand: '16-17', careStatus: 'care-leaver' }))
      .then([submitted({ ageBand: '16-17', careStatus: 'care-leaver' })]);
    given([])
      .when(submit({ ageBand: '26-30' as never }))
      .thenThrows(InvalidInput);
    given([])
      .when(submit({ careStatus: 'adopted' as never }))
      .thenThrows(InvalidInput);
  });

  it('submits once', () => {
    given([submitted()]).when(submit()).thenThrows(RuleBroken, 'contribution-already-submitted');
  });

  it('needs the receipt code’s hash and the author’s pseudonym', () => {
    given([])
      .when(submit({ receiptCodeHash: '' }))
      .thenThrows(InvalidInput);
    given([])
      .when(submit({ authorPseudonym: ' ' }))
      .thenThrows(InvalidInput);
  });
});

describe('contribution: the words', () => {
  const fieldsOf = (error: InvalidInput) => error.errors.map((e) => e.field);

  it('refuses an empty view and one of only spaces', () => {
    expect(
      fieldsOf(
        given([])
          .when(submit({ text: '' }))
          .thenThrows(InvalidInput),
      ),
    ).toEqual(['text']);
    expect(
      fieldsOf(
        given([])
          .when(submit({ text: ' \n\t ' }))
          .thenThrows(InvalidInput),
      ),
    ).toEqual(['text']);
  });

  it('takes exactly 5,000 characters and refuses 5,001', () => {
    const limit = 'a'.repeat(5000);
    given([])
      .when(submit({ text: limit }))
      .then([submitted({ text: limit })]);
    expect(
      fieldsOf(
        given([])
          .when(submit({ text: 'a'.repeat(5001) }))
          .thenThrows(InvalidInput),
      ),
    ).toEqual(['text']);
  });

  it('counts after trimming, and stores the trimmed words', () => {
    const limit = 'b'.repeat(5000);
    given([])
      .when(submit({ text: `  ${limit}\n` }))
      .then([submitted({ text: limit })]);
  });

  it('counts an emoji as one character', () => {
    const emoji = '🙂'.repeat(5000); // 10,000 UTF-16 units
    given([])
      .when(submit({ text: emoji }))
      .then([submitted({ text: emoji })]);
  });
});

describe('contribution: channels', () => {
  it('records who submitted for an advocate or a worker, and refuses without', () => {
    for (const channel of ['advocate', 'worker'] as const) {
      given([])
        .when(submit({ channel, submittedBy: 'staff-17' }))
        .then([submitted({ channel, submittedBy: 'staff-17' })]);
      given([]).when(submit({ channel })).thenThrows(InvalidInput);
      given([])
        .when(submit({ channel, submittedBy: '  ' }))
        .thenThrows(InvalidInput);
    }
  });

  it('takes no staff id on a view the young person gave online', () => {
    given([])
      .when(submit({ channel: 'online', submittedBy: 'staff-17' }))
      .thenThrows(InvalidInput);
  });

  it('may record who typed in a view from a session or a paper survey', () => {
    given([])
      .when(submit({ channel: 'cicc-session' }))
      .then([submitted({ channel: 'cicc-session' })]);
    given([])
      .when(submit({ channel: 'survey', submittedBy: 'staff-17' }))
      .then([submitted({ channel: 'survey', submittedBy: 'staff-17' })]);
  });

  it('refuses an unknown channel', () => {
    given([])
      .when(submit({ channel: 'email' as never }))
      .thenThrows(InvalidInput);
  });
});

describe('contribution: targets and calls for views', () => {
  const toCall: ContributionTarget = { kind: 'call', callId: 'call-1' };
  const call = (overrides: Partial<CallForViewsFacts> = {}): CallForViewsFacts => ({
    callId: 'call-1',
    status: 'opened',
    closesOn: '2026-03-31',
    ...overrides,
  });
  const screening = { flagged: false, matchedCategories: [] };

  it('targets a meeting or one of its agenda items', () => {
    const meeting: ContributionTarget = { kind: 'meeting', meetingId: 'meeting-2026-04' };
    given([])
      .when(submit({ target: meeting }))
      .then([submitted({ target: meeting })]);
    const item: ContributionTarget = { kind: 'agenda-item', meetingId: 'meeting-2026-04', itemId: 'item-3' };
    given([])
      .when(submit({ target: item }))
      .then([submitted({ target: item })]);
    given([])
      .when(submit({ target: { kind: 'agenda-item', meetingId: 'meeting-2026-04' } as never }))
      .thenThrows(InvalidInput);
    given([])
      .when(submit({ target: { kind: 'board' } as never }))
      .thenThrows(InvalidInput);
  });

  it('answers an open call on time', () => {
    given([])
      .when(submit({ target: toCall, facts: { screening, call: call() } }))
      .then([submitted({ target: toCall, late: false })]);
  });

  it('accepts a view after the closing date, marked late', () => {
    const at = '2026-04-01T08:00:00+01:00';
    given([])
      .when(submit({ target: toCall, at, facts: { screening, call: call() } }))
      .then([submitted({ target: toCall, late: true, at })]);
  });

  it('marks late a view given after the board closed the call early', () => {
    const closedEarly = call({ status: 'closed-early', closedAt: '2026-03-05T12:00:00Z' });
    given([])
      .when(submit({ target: toCall, facts: { screening, call: closedEarly } }))
      .then([submitted({ target: toCall, late: true })]);
  });

  it('refuses a call that does not exist, and facts about another call', () => {
    given([])
      .when(submit({ target: toCall, facts: { screening, call: { callId: 'call-1', status: 'not-found' } } }))
      .thenThrows(NotFound);
    given([])
      .when(submit({ target: toCall, facts: { screening, call: call({ callId: 'call-2' }) } }))
      .thenThrows(InvalidInput);
    given([])
      .when(submit({ target: toCall, facts: { screening } }))
      .thenThrows(InvalidInput);
  });
});

describe('contribution: the safeguarding screen', () => {
  it('escalates a flagged view in the same decision, so the board never sees it', () => {
    const screening = { flagged: true, matchedCategories: ['self-harm', 'running-away'] };
    const events = given([])
      .when(submit({ facts: { screening } }))
      .then([
        submitted(),
        {
          type: 'ContributionEscalatedForSafeguarding',
          data: {
            contributionId: ID,
            authorPseudonym: PSEUDONYM,
            reason: 'screen',
            categories: ['self-harm', 'running-away'],
            previousStatus: 'submitted',
            at: AT,
          },
        },
      ]);
    expect(fold(contributionDecider, events).status).toBe('escalated');
  });

  it('refuses a view that was not screened', () => {
    given([])
      .when(submit({ facts: {} as never }))
      .thenThrows(InvalidInput);
    given([])
      .when(submit({ facts: { screening: { flagged: 'no' as never, matchedCategories: [] } } }))
      .thenThrows(InvalidInput);
  });
});
