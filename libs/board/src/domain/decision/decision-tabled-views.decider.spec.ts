import { InvalidInput, RuleBroken } from '#kernel';
import { givenWhenThen } from '#testing';
import { decisionDecider } from './decision.decider.js';
import type { DecisionRecorded } from './decision.events.js';
import { record, recorded, type RecordData } from './decision.test-fixtures.js';
import type { Citation, ContributionCitability } from './voice-evidence.js';

// A decision cites the views tabled at its item; a view the board had not tabled there may be cited only
// with the chair's reason why it was considered all the same, and that reason goes on the record.

const { given } = givenWhenThen(decisionDecider);

const SHAPED: Citation = { contributionId: 'view-1', influence: 'shaped', rationale: 'You told us; we did it.' };
const INFORMED: Citation = { contributionId: 'view-2', influence: 'informed', rationale: 'It helped us see why.' };
const LATE = 'It came in after the papers went out; the chair read it aloud at the meeting.';

function citing(citations: readonly Citation[], known: readonly ContributionCitability[]): Partial<RecordData> {
  return {
    voiceEvidence: { contributions: citations },
    facts: { ...record().data.facts, contributions: known },
  };
}

const tabled = (contributionId: string): ContributionCitability => ({
  contributionId,
  status: 'citable',
  tabledAtItem: true,
});
const notTabled = (contributionId: string): ContributionCitability => ({
  contributionId,
  status: 'citable',
  tabledAtItem: false,
});

describe('decision: citing only the views tabled at its item', () => {
  it('records a decision citing views tabled at its item', () => {
    const data = citing([SHAPED, INFORMED], [tabled('view-1'), tabled('view-2')]);
    given([])
      .when(record(data))
      .then([recorded(data)]);
  });

  it('refuses a view not tabled at this item, naming it and saying what to do, and records nothing', () => {
    const error = given([])
      .when(record(citing([SHAPED, INFORMED], [tabled('view-1'), notTabled('view-2')])))
      .thenThrows(RuleBroken, 'view-not-tabled-at-item');
    expect(error.details).toEqual({ contributionId: 'view-2' });
    expect(error.message).toBe(
      'View view-2 was not tabled at this agenda item, so the board has not had it before it here. ' +
        'Table it at this item first, or give notTabledReason: why the board considered it without it being tabled.',
    );
    // Plain words: no stream names, no internal states.
    expect(error.message).not.toMatch(/contribution-|stream|tabledAtItem/);
  });

  it('treats a view the voice context said nothing about tabling as not tabled here', () => {
    given([])
      .when(record(citing([SHAPED], [{ contributionId: 'view-1', status: 'citable' }])))
      .thenThrows(RuleBroken, 'view-not-tabled-at-item');
  });

  it('records a view not tabled here with the chair’s reason, which goes on the record with the citation', () => {
    const data = citing([SHAPED, { ...INFORMED, notTabledReason: LATE }], [tabled('view-1'), notTabled('view-2')]);
    const [event] = given([])
      .when(record(data))
      .then([recorded(data)]);
    const citations = (event as DecisionRecorded).data.voiceEvidence.contributions!;
    expect(citations[1]).toEqual({ ...INFORMED, notTabledReason: LATE });
    expect(citations[0]).not.toHaveProperty('notTabledReason');
  });

  it('refuses a reason for a view that was tabled here: the record would say something untrue', () => {
    const error = given([])
      .when(record(citing([{ ...SHAPED, notTabledReason: LATE }], [tabled('view-1')])))
      .thenThrows(RuleBroken, 'view-was-tabled-at-item');
    expect(error.details).toEqual({ contributionId: 'view-1' });
  });

  it('needs the reason in words when one is given', () => {
    const error = given([])
      .when(record(citing([{ ...SHAPED, notTabledReason: '  ' }], [notTabled('view-1')])))
      .thenThrows(InvalidInput);
    expect(error.errors.map((e) => e.field)).toEqual(['voiceEvidence.contributions[0].notTabledReason']);
  });

  it('still refuses a view that may not be cited at all, whatever reason is given', () => {
    const withdrawn: ContributionCitability = { contributionId: 'view-1', status: 'withdrawn', tabledAtItem: false };
    given([])
      .when(record(citing([{ ...SHAPED, notTabledReason: LATE }], [withdrawn])))
      .thenThrows(RuleBroken, 'contribution-not-citable');
  });

  it('asks nothing of tabling when no views applied', () => {
    const data: Partial<RecordData> = {
      voiceEvidence: { noneApplied: { reason: 'A change to meeting times only.' } },
      facts: { ...record().data.facts, contributions: [] },
    };
    given([])
      .when(record(data))
      .then([recorded(data)]);
  });
});
