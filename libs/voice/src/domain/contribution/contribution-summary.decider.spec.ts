import { Forbidden, fold, InvalidInput, RuleBroken } from '#kernel';
import { givenWhenThen } from '#testing';
import type { AuthorProof } from './contribution.commands.js';
import { contributionDecider } from './contribution.decider.js';
import { citability, hasCurrentSummary, needsSummary } from './contribution.queries.js';
import {
  ACCEPTED,
  BY_CODE,
  command,
  event,
  HISTORIES,
  moderate,
  PSEUDONYM,
  REDACTED,
  submitted,
  SUMMARISED,
  SUMMARY,
  TABLED,
  WITHDRAWN,
} from './contribution.test-fixtures.js';
import type { SummaryResponse } from './contribution.values.js';

// "Summary only": a moderator writes the summary the board reads; its author reads it by code and
// agrees or asks for a change; the board cannot table or cite the view without a current summary.

const { given } = givenWhenThen(contributionDecider);

const summarise = (text: string) => command('SummariseContribution', { text });
const summarised = (version: number, text: string) =>
  event('ContributionSummarised', { authorPseudonym: PSEUDONYM, version, text });
const respond = (response: SummaryResponse, version = 1, message?: string, author: AuthorProof = BY_CODE) =>
  command('RespondToSummary', { author, version, response, message });
const agreed = (version = 1, message?: string) =>
  event('ContributionSummaryAgreed', { authorPseudonym: PSEUDONYM, version, message });
const changeRequested = (version = 1, message?: string) =>
  event('ContributionSummaryChangeRequested', { authorPseudonym: PSEUDONYM, version, message });
const table = command('TableContribution', { meetingId: 'meeting-2026-04', itemId: 'voice-of-the-child' });
const acceptedOnly = [submitted(), ACCEPTED];

describe('contribution: the moderator’s summary', () => {
  it('is written as the view is accepted, in the same step', () => {
    given([submitted()])
      .when(moderate({ outcome: 'accept', summary: `  ${SUMMARY} ` }))
      .then([ACCEPTED, SUMMARISED]);
    given([submitted()])
      .when(moderate({ outcome: 'accept-with-redactions', redactedText: REDACTED.data.text, summary: SUMMARY }))
      .then([REDACTED, SUMMARISED]);
  });

  it('may be left for later: accepted without one, a "summary only" view waits for it', () => {
    const events = given([submitted()])
      .when(moderate({ outcome: 'accept' }))
      .then([ACCEPTED]);
    const state = fold(contributionDecider, [submitted(), ...events]);
    expect(needsSummary(state)).toBe(true);
    expect(citability(state)).toBe('needs-summary');
    // Shared any other way, the board reads the words: nothing waits.
    expect(citability(fold(contributionDecider, [submitted({ sharing: 'verbatim' }), ACCEPTED]))).toBe('citable');
  });

  it('is written after acceptance as a new version, each kept, never replacing one silently', () => {
    given(acceptedOnly).when(summarise(SUMMARY)).then([SUMMARISED]);
    given(HISTORIES.tabled)
      .when(summarise('Telling their story again to each new social worker is hard.'))
      .then([summarised(2, 'Telling their story again to each new social worker is hard.')]);
    const state = fold(contributionDecider, [...HISTORIES.closed, summarised(2, 'Again.')]);
    expect(state.summaryVersion).toBe(2);
  });

  it('needs words within bounds', () => {
    given(acceptedOnly).when(summarise(' ')).thenThrows(InvalidInput);
    given(acceptedOnly)
      .when(summarise('x'.repeat(2001)))
      .thenThrows(InvalidInput);
    given([submitted()])
      .when(moderate({ outcome: 'accept', summary: ' ' }))
      .thenThrows(InvalidInput);
  });

  it('is written only for a view accepted for the board', () => {
    for (const name of ['submitted', 'question-asked', 'answered'] as const) {
      given(HISTORIES[name]).when(summarise(SUMMARY)).thenThrows(RuleBroken, 'contribution-not-accepted');
    }
    given(HISTORIES.escalated).when(summarise(SUMMARY)).thenThrows(RuleBroken, 'contribution-escalated');
    given(HISTORIES.declined).when(summarise(SUMMARY)).thenThrows(RuleBroken, 'contribution-declined');
    given([...HISTORIES.accepted, WITHDRAWN])
      .when(summarise(SUMMARY))
      .thenThrows(RuleBroken, 'contribution-withdrawn');
  });
});

describe('contribution: its author answers the summary', () => {
  it('agrees, or asks for a change, by code, with a message if they like', () => {
    given(HISTORIES.accepted).when(respond('agree')).then([agreed()]);
    given(HISTORIES.accepted)
      .when(respond('change', 1, '  Say it was four social workers, not a few. '))
      .then([changeRequested(1, 'Say it was four social workers, not a few.')]);
    given(HISTORIES.tabled)
      .when(respond('agree', 1, 'Yes, that is it.'))
      .then([agreed(1, 'Yes, that is it.')]);
  });

  it('answers only the latest version', () => {
    const rewritten = [...HISTORIES.accepted, summarised(2, 'Rewritten.')];
    given(rewritten).when(respond('agree', 1)).thenThrows(RuleBroken, 'summary-rewritten');
    given(rewritten)
      .when(respond('agree', 2))
      .then([agreed(2)]);
    given(HISTORIES.accepted).when(respond('agree', 0)).thenThrows(InvalidInput);
  });

  it('records the same answer again only with something new to say, and may change its mind', () => {
    given([...HISTORIES.accepted, agreed()])
      .when(respond('agree'))
      .then([]);
    given([...HISTORIES.accepted, agreed()])
      .when(respond('agree', 1, 'Thank you.'))
      .then([agreed(1, 'Thank you.')]);
    given([...HISTORIES.accepted, agreed()])
      .when(respond('change'))
      .then([changeRequested()]);
    given([...HISTORIES.accepted, changeRequested()])
      .when(respond('agree'))
      .then([agreed()]);
  });

  it('has nothing to answer before a summary, nor on a view withheld for safeguarding', () => {
    given(acceptedOnly).when(respond('agree')).thenThrows(RuleBroken, 'no-summary');
    given([...HISTORIES.accepted, HISTORIES.escalated[1]!])
      .when(respond('agree'))
      .thenThrows(RuleBroken, 'no-summary');
  });

  it('is the author’s alone, while the view is theirs to answer for', () => {
    given(HISTORIES.accepted)
      .when(respond('agree', 1, undefined, { receiptCodeHash: 'sha256:another-code' }))
      .thenThrows(Forbidden);
    given(HISTORIES.accepted)
      .when(respond('maybe' as never))
      .thenThrows(InvalidInput);
    given(HISTORIES.accepted)
      .when(respond('change', 1, 'x'.repeat(1001)))
      .thenThrows(InvalidInput);
    given([...HISTORIES.accepted, WITHDRAWN])
      .when(respond('agree'))
      .thenThrows(RuleBroken, 'contribution-withdrawn');
  });
});

describe('contribution: no table or citation without a current summary', () => {
  it('refuses to table a "summary only" view without a summary', () => {
    given(acceptedOnly).when(table).thenThrows(RuleBroken, 'summary-required');
    given([...acceptedOnly, SUMMARISED])
      .when(table)
      .then([TABLED]);
  });

  it('refuses while its author’s request for a change waits, until the summary is rewritten', () => {
    const asked = [...HISTORIES.accepted, changeRequested(1, 'That is not what I meant.')];
    given(asked).when(table).thenThrows(RuleBroken, 'summary-required');
    expect(citability(fold(contributionDecider, asked))).toBe('needs-summary');
    expect(hasCurrentSummary(fold(contributionDecider, asked))).toBe(false);
    const rewritten = [...asked, summarised(2, 'Rewritten as they asked.')];
    given(rewritten).when(table).then([TABLED]);
    expect(citability(fold(contributionDecider, rewritten))).toBe('citable');
  });

  it('holds a view narrowed to "summary only" after it was tabled, until it has a summary', () => {
    const verbatim = [submitted({ sharing: 'verbatim' }), ACCEPTED, TABLED];
    expect(citability(fold(contributionDecider, verbatim))).toBe('citable');
    const narrowed = [
      ...verbatim,
      event('ContributionSharingChanged', { sharing: 'summary-only', previous: 'verbatim' }),
    ];
    expect(citability(fold(contributionDecider, narrowed))).toBe('needs-summary');
    given(narrowed)
      .when(command('TableContribution', { meetingId: 'meeting-2026-07', itemId: 'voice-of-the-child' }))
      .thenThrows(RuleBroken, 'summary-required');
    given(narrowed).when(summarise(SUMMARY)).then([SUMMARISED]);
    // Widening again needs no summary.
    given(acceptedOnly)
      .when(command('ChangeSharing', { author: BY_CODE, sharing: 'anonymised' }))
      .then([event('ContributionSharingChanged', { sharing: 'anonymised', previous: 'summary-only' })]);
  });
});
