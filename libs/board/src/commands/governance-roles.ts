import type { StaffRole } from '#identity/contracts';

// Issue 3's roles. Where the chair may act too, 'chair' comes first: a person holding several roles
// then acts as chair, which is what the urgency rule asks of them.

/** The clerk (or an admin) prepares meetings and minutes and keeps the membership. */
export const PREPARERS: StaffRole[] = ['clerk', 'admin'];

/** Agenda items and rescheduling: preparers, or the chair (who alone records urgency). */
export const PREPARERS_OR_CHAIR: StaffRole[] = ['chair', 'clerk', 'admin'];

/** The chair publishes agendas, opens, closes and adjourns meetings. */
export const CHAIR: StaffRole[] = ['chair'];

/** Minutes are published by the chair or the clerk. */
export const MINUTES_PUBLISHERS: StaffRole[] = ['chair', 'clerk'];
