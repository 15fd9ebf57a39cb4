import { BOARD_PERSONAL_DATA } from './personal-data.policy.js';

describe('board personal-data policy', () => {
  it("seals a member's name under the member's own key", () => {
    expect(BOARD_PERSONAL_DATA.MemberAppointed!({ memberId: 'm1', name: 'Jo' })).toEqual({
      subject: 'member:m1',
      paths: ['name'],
    });
  });

  it("seals an officer's name on an action, and nothing when a member owns it", () => {
    expect(
      BOARD_PERSONAL_DATA.ActionAssigned!({ actionId: 'a1', owner: { officer: { id: 'u7', name: 'Dana' } } }),
    ).toEqual({
      subject: 'officer:u7',
      paths: ['owner.officer.name'],
    });
    expect(BOARD_PERSONAL_DATA.ActionAssigned!({ actionId: 'a1', owner: { memberId: 'm1' } })).toBeUndefined();
  });
});
