import { fold } from '#kernel';
import { contributionDecider } from './contribution.decider.js';
import {
  citability,
  citabilityOf,
  isVisibleToBoard,
  standingOf,
  VIEW_STANDINGS,
  type Citability,
  type ViewStanding,
} from './contribution.queries.js';
import { HISTORIES, WITHDRAWN, type HistoryName } from './contribution.test-fixtures.js';

const stateOf = (name: HistoryName) => fold(contributionDecider, HISTORIES[name]);

describe('contribution: may a decision cite it?', () => {
  const expected: Record<HistoryName, Citability> = {
    submitted: 'not-accepted',
    'question-asked': 'not-accepted',
    answered: 'not-accepted',
    accepted: 'citable',
    'accepted-with-redactions': 'citable',
    escalated: 'not-accepted',
    declined: 'not-accepted',
    tabled: 'citable',
    considered: 'citable',
    responded: 'citable',
    closed: 'citable',
  };

  it.each(Object.entries(expected) as [HistoryName, Citability][])('a %s view is %s', (name, answer) => {
    expect(citability(stateOf(name))).toBe(answer);
    expect(isVisibleToBoard(stateOf(name))).toBe(answer === 'citable');
  });

  it('is unknown for a view never given, and withdrawn once its author withdrew it', () => {
    expect(citability(contributionDecider.initialState())).toBe('unknown');
    expect(citability(fold(contributionDecider, [...HISTORIES.accepted, WITHDRAWN]))).toBe('withdrawn');
  });
});

describe('contribution: where it stands for the board (the one status vocabulary)', () => {
  const expected: Record<HistoryName, ViewStanding> = {
    submitted: 'not-yet-accepted',
    'question-asked': 'not-yet-accepted',
    answered: 'not-yet-accepted',
    accepted: 'available',
    'accepted-with-redactions': 'available',
    escalated: 'withheld',
    declined: 'declined',
    tabled: 'available',
    considered: 'available',
    responded: 'available',
    closed: 'available',
  };

  it.each(Object.entries(expected) as [HistoryName, ViewStanding][])('a %s view stands %s', (name, standing) => {
    expect(standingOf(stateOf(name))).toBe(standing);
    // The board's question is answered from the standing alone.
    expect(citabilityOf(standing)).toBe(citability(stateOf(name)));
  });

  it('is unknown for a view never given; withdrawn, or erased, once its author asked', () => {
    expect(standingOf(contributionDecider.initialState())).toBe('unknown');
    expect(standingOf(fold(contributionDecider, [...HISTORIES.accepted, WITHDRAWN]))).toBe('withdrawn');
    expect(standingOf(fold(contributionDecider, [...HISTORIES.escalated, WITHDRAWN]))).toBe('withdrawn');
  });

  it('answers every standing with one of the board’s words, erasure as withdrawal', () => {
    expect(VIEW_STANDINGS.map((standing) => [standing, citabilityOf(standing)])).toEqual([
      ['not-yet-accepted', 'not-accepted'],
      ['needs-summary', 'needs-summary'],
      ['available', 'citable'],
      ['declined', 'not-accepted'],
      ['withheld', 'not-accepted'],
      ['withdrawn', 'withdrawn'],
      ['erased', 'withdrawn'],
      ['unknown', 'unknown'],
    ]);
  });
});
