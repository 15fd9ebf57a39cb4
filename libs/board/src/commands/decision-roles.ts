import type { StaffRole } from '#identity/contracts';

// Issue 3's roles for decisions and actions. Where the chair may act too, 'chair' comes first: a person
// holding several roles then acts as chair (the guard picks the first role of the route the caller holds).

/** The chair records decisions, amends and supersedes them, and approves minutes (as a decision). */
export const CHAIR: StaffRole[] = ['chair'];

/** A decision's actions are assigned, and cancelled, by the chair or the clerk. */
export const ACTION_MANAGERS: StaffRole[] = ['chair', 'clerk'];

/** Progress and completion: the chair or clerk on any action, an officer only on the actions they own. */
export const ACTION_UPDATERS: StaffRole[] = ['chair', 'clerk', 'officer'];
