import { fold } from '#kernel';
import { meetingDecider } from '../meeting/meeting.decider.js';
import { event, opened, PLACEMENTS } from '../meeting/meeting.test-fixtures.js';
import { decisionDecider } from './decision.decider.js';
import { decisionFacts, meetingFactsForDecision } from './decision.facts.js';
import { recorded } from './decision.test-fixtures.js';

describe('decision facts read from other streams', () => {
  it('summarises a meeting in progress for a decision on one of its items', () => {
    const history = [
      ...opened(),
      event('InterestDeclared', { memberId: 'chair', itemId: PLACEMENTS.itemId, nature: 'School governor' }),
      event('InterestDeclared', { memberId: 'cllr-evans', itemId: 'apologies', nature: 'Unrelated' }),
    ];
    const facts = meetingFactsForDecision(fold(meetingDecider, history), PLACEMENTS.itemId);
    expect(facts).toMatchObject({
      meetingId: 'meeting-2026-04',
      inProgress: true,
      quorate: true,
      presentCount: 3,
      item: { itemId: PLACEMENTS.itemId, purpose: 'decision', withdrawn: false },
      declaredInterests: ['chair'],
    });
    expect(facts.themes).toContain('placement-stability');
  });

  it('has no item for an id not on the agenda, and says when the meeting is not quorate', () => {
    const facts = meetingFactsForDecision(fold(meetingDecider, opened(false)), 'nope');
    expect(facts.item).toBeUndefined();
    expect(facts.quorate).toBe(false);
  });

  it('describes an earlier decision, or says it does not exist', () => {
    expect(decisionFacts('decision-1', fold(decisionDecider, [recorded()]))).toEqual({
      decisionId: 'decision-1',
      status: 'recorded',
      meetingId: 'meeting-2026-04',
      recordedAt: '2026-04-14T18:10:00+01:00',
    });
    expect(decisionFacts('decision-9', decisionDecider.initialState())).toEqual({
      decisionId: 'decision-9',
      status: 'not-found',
    });
  });
});
