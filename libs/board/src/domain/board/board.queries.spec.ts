import { fold, RuleBroken } from '#kernel';
import { boardDecider } from './board.decider.js';
import type { BoardEvent } from './board.events.js';
import { boardFacts, membersServingOn } from './board.queries.js';
import { DEFAULT_THEMES } from './default-themes.js';

const tenantId = 'northshire';
const at = '2026-01-05T10:00:00Z';
const history: BoardEvent[] = [
  {
    type: 'BoardConfigured',
    data: {
      tenantId,
      name: 'Board',
      council: 'Council',
      jurisdiction: 'wales',
      quorum: 3,
      termsOfReference: 'ToR',
      themes: DEFAULT_THEMES,
      principles: [{ code: 'best-interests', label: 'Best interests' }],
      at,
    },
  },
  {
    type: 'MemberAppointed',
    data: { tenantId, memberId: 'a', name: 'A', role: 'chair', appointedOn: '2026-01-01', at },
  },
  {
    type: 'MemberAppointed',
    data: { tenantId, memberId: 'b', name: 'B', role: 'officer', appointedOn: '2026-03-01', at },
  },
  { type: 'MemberStoodDown', data: { tenantId, memberId: 'a', on: '2026-06-01', reason: 'Moved', at } },
  {
    type: 'MemberAppointed',
    data: { tenantId, memberId: 'a', name: 'A', role: 'councillor', appointedOn: '2026-07-01', at },
  },
];

describe('board queries', () => {
  const state = fold(boardDecider, history);

  it('answers who served on a date from the kept history of terms', () => {
    expect(membersServingOn(state, '2026-02-01')).toEqual([{ memberId: 'a', role: 'chair' }]);
    expect(membersServingOn(state, '2026-05-31')).toEqual([
      { memberId: 'a', role: 'chair' },
      { memberId: 'b', role: 'officer' },
    ]);
    expect(membersServingOn(state, '2026-06-01')).toEqual([{ memberId: 'b', role: 'officer' }]);
    expect(membersServingOn(state, '2026-07-01')).toEqual([
      { memberId: 'a', role: 'councillor' },
      { memberId: 'b', role: 'officer' },
    ]);
  });

  it('gives a meeting its board facts, and refuses before configuration', () => {
    expect(boardFacts(state)).toEqual({
      jurisdiction: 'wales',
      quorum: 3,
      themes: DEFAULT_THEMES.map((t) => t.code),
      principles: ['best-interests'],
    });
    expect(() => boardFacts(boardDecider.initialState())).toThrow(RuleBroken);
  });
});
