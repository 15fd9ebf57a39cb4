import type { StaffRole } from '#identity/contracts';

/**
 * Who may read board data: every staff role that works with the board. The moderator and the
 * safeguarding lead work on children's views, not on the board's business, so they are left out.
 */
export const BOARD_READERS: StaffRole[] = ['admin', 'clerk', 'chair', 'member', 'officer', 'auditor'];
