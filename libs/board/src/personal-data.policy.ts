import type { PersonalDataPolicy } from '#event-store';

/**
 * Personal data in board events, encrypted per subject (docs/adr/0004). A member's name may be a young
 * person's (young-person representatives), so names are sealed under the member's own key.
 */
export const BOARD_PERSONAL_DATA: PersonalDataPolicy = {
  MemberAppointed: (data) => {
    const d = data as { memberId: string };
    return { subject: `member:${d.memberId}`, paths: ['name'] };
  },
  // An action owned by an officer outside the board carries the officer's name.
  ActionAssigned: (data) => {
    const d = data as { actionId: string; owner: { officer?: { id?: string } } };
    if (!d.owner.officer) return undefined;
    return { subject: `officer:${d.owner.officer.id ?? d.actionId}`, paths: ['owner.officer.name'] };
  },
};
