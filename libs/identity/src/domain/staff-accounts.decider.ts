import { checkInput, NotFound, RuleBroken, type Decider } from '#kernel';
import { isStaffRole, STAFF_ROLES, type StaffRole } from './roles.js';
import type {
  ChangeStaffRoles,
  StaffAccountCommand,
  StaffAccountEvent,
  StaffAccountFact,
} from './staff-accounts.events.js';

/** What the stream says of each account it has changed (the latest word on its roles and standing). */
export interface StaffAccountsState {
  readonly accounts: ReadonlyMap<string, { readonly roles?: readonly StaffRole[]; readonly disabled?: boolean }>;
}

export const initialStaffAccountsState = (): StaffAccountsState => ({ accounts: new Map() });

export function evolveStaffAccounts(state: StaffAccountsState, event: StaffAccountEvent): StaffAccountsState {
  const accounts = new Map(state.accounts);
  const { accountId } = event.data;
  const known = accounts.get(accountId) ?? {};
  switch (event.type) {
    case 'StaffAccountDisabled':
      accounts.set(accountId, { ...known, disabled: true });
      break;
    case 'StaffAccountEnabled':
      accounts.set(accountId, { ...known, disabled: false });
      break;
    case 'StaffRolesChanged':
      accounts.set(accountId, { ...known, roles: event.data.roles });
      break;
  }
  return { accounts };
}

/**
 * The board's accounts now: the facts read with the command, with what the stream recorded applied
 * over them (each event sets a whole value, so applying one the facts already reflect changes nothing).
 */
export function currentAccounts(state: StaffAccountsState, facts: readonly StaffAccountFact[]): StaffAccountFact[] {
  return facts.map((fact) => {
    const known = state.accounts.get(fact.accountId);
    return {
      accountId: fact.accountId,
      roles: known?.roles ?? fact.roles,
      disabled: known?.disabled ?? fact.disabled,
    };
  });
}

/** Roles in the product's own order, each once. */
export function normaliseRoles(roles: readonly StaffRole[]): StaffRole[] {
  return STAFF_ROLES.filter((role) => roles.includes(role));
}

const LAST_ADMIN =
  'A board always keeps at least one active admin: give another account the admin role first, then try again.';

export const staffAccountsDecider: Decider<StaffAccountCommand, StaffAccountEvent, StaffAccountsState> = {
  decide(command, state) {
    checkInput()
      .text('accountId', command.data.accountId)
      .text('by', command.data.by)
      .instant('at', command.data.at)
      .done();
    const accounts = currentAccounts(state, command.data.facts.accounts);
    const target = accounts.find((account) => account.accountId === command.data.accountId);
    if (!target) throw new NotFound('There is no such member of staff on your board.');
    const { accountId, at } = command.data;
    switch (command.type) {
      case 'DisableStaffAccount': {
        if (target.disabled) return [];
        if (accountId === command.data.by) {
          throw new RuleBroken('cannot-disable-yourself', 'You cannot disable your own account; ask another admin.');
        }
        if (leavesNoAdmin(accounts, accountId, { disabled: true })) throw new RuleBroken('last-admin', LAST_ADMIN);
        return [{ type: 'StaffAccountDisabled', data: { accountId, at } }];
      }
      case 'EnableStaffAccount':
        return target.disabled ? [{ type: 'StaffAccountEnabled', data: { accountId, at } }] : [];
      case 'ChangeStaffRoles':
        return changeRoles(command, target, accounts);
    }
  },
  evolve: evolveStaffAccounts,
  initialState: initialStaffAccountsState,
};

function changeRoles(
  { data }: ChangeStaffRoles,
  target: StaffAccountFact,
  accounts: readonly StaffAccountFact[],
): StaffAccountEvent[] {
  checkInput()
    .that(
      Array.isArray(data.roles) && data.roles.length > 0 && data.roles.every(isStaffRole),
      'roles',
      `must be one or more of ${STAFF_ROLES.join(', ')}`,
    )
    .done();
  const roles = normaliseRoles(data.roles as StaffRole[]);
  const previousRoles = normaliseRoles(target.roles);
  if (roles.join() === previousRoles.join()) return [];
  if (leavesNoAdmin(accounts, target.accountId, { roles })) throw new RuleBroken('last-admin', LAST_ADMIN);
  return [{ type: 'StaffRolesChanged', data: { accountId: target.accountId, roles, previousRoles, at: data.at } }];
}

/** Whether the board would have no active admin once `accountId` is changed so. */
function leavesNoAdmin(
  accounts: readonly StaffAccountFact[],
  accountId: string,
  change: Partial<Pick<StaffAccountFact, 'roles' | 'disabled'>>,
): boolean {
  const activeAdmin = (account: StaffAccountFact) => !account.disabled && account.roles.includes('admin');
  return !accounts
    .map((account) => (account.accountId === accountId ? { ...account, ...change } : account))
    .some(activeAdmin);
}
