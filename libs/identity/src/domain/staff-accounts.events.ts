import type { DomainCommand, DomainEvent } from '#kernel';
import type { StaffRole } from './roles.js';

/**
 * One stream per board (tenant): every change an admin makes to the board's staff accounts, in order.
 * One stream, so "never without an active admin" holds even when two admins act at once.
 */
export const staffAccountsStream = (tenantId: string): string => `staff-accounts-${tenantId}`;

// Ids and roles only: no names, no e-mail addresses. The acting admin is in the envelope.

export type StaffAccountDisabled = DomainEvent<
  'StaffAccountDisabled',
  { readonly accountId: string; readonly at: string }
>;

/** A disabled account enabled again. */
export type StaffAccountEnabled = DomainEvent<
  'StaffAccountEnabled',
  { readonly accountId: string; readonly at: string }
>;

export type StaffRolesChanged = DomainEvent<
  'StaffRolesChanged',
  {
    readonly accountId: string;
    /** The whole list now, and before. */
    readonly roles: readonly StaffRole[];
    readonly previousRoles: readonly StaffRole[];
    readonly at: string;
  }
>;

export type StaffAccountEvent = StaffAccountDisabled | StaffAccountEnabled | StaffRolesChanged;

/** An account as the board's staff table has it when the command is made (the decider's facts). */
export interface StaffAccountFact {
  readonly accountId: string;
  readonly roles: readonly StaffRole[];
  readonly disabled: boolean;
}

export interface AccountChange {
  readonly accountId: string;
  /** The admin making the change (also in the envelope): some changes are refused for oneself. */
  readonly by: string;
  readonly at: string;
  /** Every account of the board as read now; the stream's own events are applied over them. */
  readonly facts: { readonly accounts: readonly StaffAccountFact[] };
}

export type DisableStaffAccount = DomainCommand<'DisableStaffAccount', AccountChange>;
export type EnableStaffAccount = DomainCommand<'EnableStaffAccount', AccountChange>;
export type ChangeStaffRoles = DomainCommand<'ChangeStaffRoles', AccountChange & { readonly roles: readonly string[] }>;

export type StaffAccountCommand = DisableStaffAccount | EnableStaffAccount | ChangeStaffRoles;
