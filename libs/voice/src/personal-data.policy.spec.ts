import { VOICE_PERSONAL_DATA } from './personal-data.policy.js';

describe('voice personal-data policy', () => {
  it("seals a view's words under its author's own key", () => {
    expect(VOICE_PERSONAL_DATA.ContributionSubmitted!({ authorPseudonym: 'p1', text: 'x' })).toEqual({
      subject: 'yp:p1',
      paths: expect.arrayContaining(['text', 'receiptCodeHash']),
    });
    expect(VOICE_PERSONAL_DATA.ContributionAcceptedWithRedactions!({ authorPseudonym: 'p1', text: 'y' })).toMatchObject(
      {
        paths: ['text'],
      },
    );
  });

  it('declares no rule for events without personal data', () => {
    expect(VOICE_PERSONAL_DATA.ContributionAccepted).toBeUndefined();
  });

  it("seals a safeguarding outcome's reason under the case's own key", () => {
    expect(VOICE_PERSONAL_DATA.CaseOutcomeRecorded!({ caseId: 'case-1', reason: 'About the child.' })).toEqual({
      subject: 'case:case-1',
      paths: ['reason'],
    });
  });
});
