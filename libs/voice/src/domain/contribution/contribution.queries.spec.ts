import { fold } from '#kernel';
import { contributionDecider } from './contribution.decider.js';
import { citability, isVisibleToBoard, type Citability } from './contribution.queries.js';
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
