import { InvalidInput, NotFound, RuleBroken } from '#kernel';
import { givenWhenThen } from '#testing';
import { decisionDecider } from './decision.decider.js';
import { MEETING, record, recorded, type RecordData } from './decision.test-fixtures.js';
import type { ContributionCitability } from './voice-evidence.js';

const { given } = givenWhenThen(decisionDecider);

const withFacts = (facts: Partial<RecordData['facts']>): Partial<RecordData> => ({
  facts: { ...record().data.facts, ...facts },
});
const withMeeting = (meeting: Partial<typeof MEETING>) => withFacts({ meeting: { ...MEETING, ...meeting } });
const fieldsOf = (error: InvalidInput) => error.errors.map((e) => e.field);

describe('decision: recording with voice evidence', () => {
  it('records the resolution, how it was reached, reasons, alternatives, interests, tags and the views behind it', () => {
    given([]).when(record()).then([recorded()]);
  });

  it('records an explicit reason when no children’s views applied', () => {
    const voiceEvidence = { noneApplied: { reason: 'A change to the board’s meeting times only.' } };
    given([])
      .when(record({ voiceEvidence }))
      .then([recorded({ voiceEvidence })]);
  });

  it('requires voice evidence: one of citations or a reason, not neither and not both', () => {
    const neither = given([])
      .when(record({ voiceEvidence: undefined as never }))
      .thenThrows(InvalidInput);
    expect(fieldsOf(neither)).toEqual(['voiceEvidence']);
    const both = { contributions: record().data.voiceEvidence.contributions, noneApplied: { reason: 'x' } } as never;
    given([])
      .when(record({ voiceEvidence: both }))
      .thenThrows(InvalidInput);
    const empty = given([])
      .when(record({ voiceEvidence: { contributions: [] } }))
      .thenThrows(InvalidInput);
    expect(fieldsOf(empty)).toEqual(['voiceEvidence.contributions']);
    const noReason = given([])
      .when(record({ voiceEvidence: { noneApplied: { reason: ' ' } } }))
      .thenThrows(InvalidInput);
    expect(fieldsOf(noReason)).toEqual(['voiceEvidence.noneApplied.reason']);
  });

  it('requires a plain-words rationale and a known influence for every view cited', () => {
    const contributions = [{ contributionId: 'view-1', influence: 'inspired', rationale: '' }] as never;
    const error = given([])
      .when(record({ voiceEvidence: { contributions } }))
      .thenThrows(InvalidInput);
    expect(fieldsOf(error)).toEqual([
      'voiceEvidence.contributions[0].influence',
      'voiceEvidence.contributions[0].rationale',
    ]);
  });

  it('refuses to cite the same view twice', () => {
    const cite = { contributionId: 'view-1', influence: 'informed' as const, rationale: 'It helped.' };
    given([])
      .when(record({ voiceEvidence: { contributions: [cite, cite] } }))
      .thenThrows(RuleBroken, 'duplicate-citation');
  });

  it.each(['withdrawn', 'not-accepted', 'unknown'] as const)('refuses to cite a view that is %s', (status) => {
    const contributions: ContributionCitability[] = [
      { contributionId: 'view-1', status: 'citable' },
      { contributionId: 'view-2', status },
    ];
    const error = given([])
      .when(record(withFacts({ contributions })))
      .thenThrows(RuleBroken, 'contribution-not-citable');
    expect(error.details).toEqual({ contributionId: 'view-2', contributionStatus: status });
  });

  it('refuses to cite a "summary only" view the board cannot read yet, saying so', () => {
    const contributions: ContributionCitability[] = [{ contributionId: 'view-1', status: 'needs-summary' }];
    const error = given([])
      .when(record(withFacts({ contributions: [...contributions, { contributionId: 'view-2', status: 'citable' }] })))
      .thenThrows(RuleBroken, 'contribution-not-citable');
    expect(error.details).toEqual({ contributionId: 'view-1', contributionStatus: 'needs-summary' });
    expect(error.message).toMatch(/summary only/);
  });

  it('treats a view the voice context did not answer for as unknown, so not citable', () => {
    const contributions: ContributionCitability[] = [{ contributionId: 'view-1', status: 'citable' }];
    given([])
      .when(record(withFacts({ contributions })))
      .thenThrows(RuleBroken, 'contribution-not-citable');
  });
});

describe('decision: the meeting must be able to decide', () => {
  it('refuses outside a meeting in progress', () => {
    given([])
      .when(record(withMeeting({ inProgress: false })))
      .thenThrows(RuleBroken, 'meeting-not-in-progress');
  });

  it('refuses at an inquorate meeting', () => {
    given([])
      .when(record(withMeeting({ quorate: false })))
      .thenThrows(RuleBroken, 'meeting-inquorate');
  });

  it('refuses an item not on the agenda, or withdrawn', () => {
    given([])
      .when(record(withMeeting({ item: undefined })))
      .thenThrows(RuleBroken, 'agenda-item-not-found');
    given([])
      .when(record({ itemId: 'another-item' }))
      .thenThrows(RuleBroken, 'agenda-item-not-found');
    given([])
      .when(record(withMeeting({ item: { ...MEETING.item!, withdrawn: true } })))
      .thenThrows(RuleBroken, 'agenda-item-withdrawn');
  });

  it('only notes an item for information', () => {
    const information = withMeeting({ item: { ...MEETING.item!, purpose: 'information' } });
    given([]).when(record(information)).thenThrows(RuleBroken, 'information-item-only-noted');
    const noted = { kind: 'noted' as const, reached: { method: 'consensus' as const } };
    given([])
      .when(record({ ...information, ...noted }))
      .then([recorded(noted)]);
  });

  it('refuses facts about a different meeting than the one named', () => {
    const error = given([])
      .when(record(withMeeting({ meetingId: 'meeting-other' })))
      .thenThrows(InvalidInput);
    expect(fieldsOf(error)).toEqual(['facts.meeting']);
  });

  it('records a decision once', () => {
    given([recorded()]).when(record()).thenThrows(RuleBroken, 'decision-already-recorded');
  });
});

describe('decision: how it was reached', () => {
  const vote = (votesFor: number, against: number, abstain = 0) => ({
    reached: { method: 'vote' as const, for: votesFor, against, abstain },
  });

  it('carries a resolution with more votes for than against, and refuses a tie', () => {
    given([])
      .when(record(vote(3, 2)))
      .then([recorded(vote(3, 2))]);
    given([])
      .when(record(vote(2, 2, 1)))
      .thenThrows(RuleBroken, 'resolution-not-carried');
  });

  it('refuses a recommendation that was not carried, but notes an item whatever the vote', () => {
    const recommendation = { kind: 'recommendation' as const, recommendedTo: 'Cabinet' };
    given([])
      .when(record({ ...recommendation, ...vote(1, 3) }))
      .thenThrows(RuleBroken, 'resolution-not-carried');
    given([])
      .when(record({ kind: 'noted', ...vote(1, 3) }))
      .then([recorded({ kind: 'noted', ...vote(1, 3) })]);
  });

  it('refuses more votes than people present', () => {
    given([])
      .when(record(vote(4, 1, 1)))
      .thenThrows(RuleBroken, 'more-votes-than-present');
  });

  it.each([
    [-1, 0, 0],
    [2.5, 0, 0],
    [3, 0, Number.NaN],
  ])('refuses vote counts %s/%s/%s', (votesFor, against, abstain) => {
    const error = given([])
      .when(record(vote(votesFor, against, abstain)))
      .thenThrows(InvalidInput);
    expect(fieldsOf(error)).toEqual(['reached']);
  });

  it('accepts consensus', () => {
    const consensus = { reached: { method: 'consensus' as const } };
    given([])
      .when(record(consensus))
      .then([recorded(consensus)]);
  });

  it('names the body a recommendation goes to, and only for recommendations', () => {
    const unnamed = given([])
      .when(record({ kind: 'recommendation' }))
      .thenThrows(InvalidInput);
    expect(fieldsOf(unnamed)).toEqual(['recommendedTo']);
    given([])
      .when(record({ recommendedTo: 'Cabinet' }))
      .thenThrows(InvalidInput);
    const toCabinet = { kind: 'recommendation' as const, recommendedTo: 'Cabinet' };
    given([])
      .when(record(toCabinet))
      .then([recorded(toCabinet)]);
  });
});

describe('decision: interests, tags, reasons', () => {
  it('lists only interests declared at the meeting for the item', () => {
    given([])
      .when(record({ interestsDeclared: ['cllr-evans', 'dcs'] }))
      .thenThrows(RuleBroken, 'interest-not-declared');
  });

  it('uses only the board’s themes and principles', () => {
    given([])
      .when(record({ themes: ['youth-justice'] }))
      .thenThrows(RuleBroken, 'unknown-theme');
    given([])
      .when(record({ principles: ['prepare-for-adulthood'] }))
      .thenThrows(RuleBroken, 'unknown-principle');
  });

  it('requires reasons and a reason for each alternative rejected', () => {
    const error = given([])
      .when(record({ reasons: '', alternativesRejected: [{ option: 'Do nothing', why: '' }] }))
      .thenThrows(InvalidInput);
    expect(fieldsOf(error)).toEqual(['reasons', 'alternativesRejected']);
  });
});

describe('decision: amending or superseding an earlier one', () => {
  const earlier = {
    decisionId: 'decision-0',
    status: 'recorded' as const,
    meetingId: 'meeting-2026-01',
    recordedAt: '2026-01-20T18:00:00Z',
  };
  const amends = { decisionId: 'decision-0', reason: 'The school transport budget changed', changes: 'Adds transport' };

  it('records a decision that amends an earlier one from a previous meeting', () => {
    given([])
      .when(record({ amends, ...withFacts({ earlier }) }))
      .then([recorded({ amends })]);
  });

  it('records a decision that supersedes an earlier one', () => {
    const supersedes = { decisionId: 'decision-0', reason: 'Replaced by the new placement strategy' };
    given([])
      .when(record({ supersedes, ...withFacts({ earlier }) }))
      .then([recorded({ supersedes })]);
  });

  it('needs the earlier decision’s facts, and refuses one that does not exist', () => {
    given([]).when(record({ amends })).thenThrows(InvalidInput);
    given([])
      .when(record({ amends, ...withFacts({ earlier: { decisionId: 'decision-0', status: 'not-found' } }) }))
      .thenThrows(NotFound);
  });

  it('refuses to change a superseded decision, or one made at the same meeting', () => {
    given([])
      .when(record({ amends, ...withFacts({ earlier: { ...earlier, status: 'superseded' } }) }))
      .thenThrows(RuleBroken, 'decision-superseded');
    given([])
      .when(record({ amends, ...withFacts({ earlier: { ...earlier, meetingId: MEETING.meetingId } }) }))
      .thenThrows(RuleBroken, 'not-a-later-meeting');
  });

  it('refuses to both amend and supersede', () => {
    const supersedes = { decisionId: 'decision-0', reason: 'x' };
    const error = given([])
      .when(record({ amends, supersedes, ...withFacts({ earlier }) }))
      .thenThrows(InvalidInput);
    expect(fieldsOf(error)).toEqual(['supersedes']);
  });
});
