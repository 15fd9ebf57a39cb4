import { InvalidInput, NotFound, RuleBroken } from '#kernel';
import { givenWhenThen } from '#testing';
import { staffAccountsDecider } from './staff-accounts.decider.js';
import type { StaffAccountCommand, StaffAccountEvent, StaffAccountFact } from './staff-accounts.events.js';

const { given } = givenWhenThen(staffAccountsDecider);
const at = '2026-03-02T09:00:00.000Z';

const accounts: StaffAccountFact[] = [
  { accountId: 'admin-1', roles: ['admin'], disabled: false },
  { accountId: 'clerk-1', roles: ['clerk'], disabled: false },
  { accountId: 'auditor-1', roles: ['auditor'], disabled: true },
];

function command(
  type: StaffAccountCommand['type'],
  accountId: string,
  extra: { roles?: string[]; by?: string; facts?: StaffAccountFact[] } = {},
): StaffAccountCommand {
  const data = { accountId, by: extra.by ?? 'admin-1', at, facts: { accounts: extra.facts ?? accounts } };
  return type === 'ChangeStaffRoles'
    ? { type, data: { ...data, roles: extra.roles ?? [] } }
    : ({ type, data } as StaffAccountCommand);
}

describe('staff accounts: disable and enable', () => {
  it('disables an active account, once', () => {
    given([])
      .when(command('DisableStaffAccount', 'clerk-1'))
      .then([{ type: 'StaffAccountDisabled', data: { accountId: 'clerk-1', at } }]);
    given([{ type: 'StaffAccountDisabled', data: { accountId: 'clerk-1', at } }])
      .when(command('DisableStaffAccount', 'clerk-1'))
      .then([]);
  });

  it('enables a disabled account again, as the stream last left it', () => {
    given([])
      .when(command('EnableStaffAccount', 'auditor-1'))
      .then([{ type: 'StaffAccountEnabled', data: { accountId: 'auditor-1', at } }]);
    given([{ type: 'StaffAccountEnabled', data: { accountId: 'auditor-1', at } }])
      .when(command('EnableStaffAccount', 'auditor-1'))
      .then([]);
    given([
      { type: 'StaffAccountDisabled', data: { accountId: 'clerk-1', at } },
      { type: 'StaffAccountEnabled', data: { accountId: 'clerk-1', at } },
    ])
      .when(command('EnableStaffAccount', 'clerk-1'))
      .then([]);
  });

  it('refuses disabling oneself, and an account not on the board', () => {
    given([]).when(command('DisableStaffAccount', 'admin-1')).thenThrows(RuleBroken, 'cannot-disable-yourself');
    given([]).when(command('DisableStaffAccount', 'someone-else')).thenThrows(NotFound);
  });

  it('never leaves the board without an active admin', () => {
    const twoAdmins: StaffAccountFact[] = [
      ...accounts,
      { accountId: 'admin-2', roles: ['admin', 'clerk'], disabled: false },
    ];
    given([])
      .when(command('DisableStaffAccount', 'admin-2', { facts: twoAdmins }))
      .then([{ type: 'StaffAccountDisabled', data: { accountId: 'admin-2', at } }]);
    // The stream's own events count, whatever the facts read with the command said.
    given([{ type: 'StaffAccountDisabled', data: { accountId: 'admin-2', at } }])
      .when(command('DisableStaffAccount', 'admin-1', { by: 'admin-2', facts: twoAdmins }))
      .thenThrows(RuleBroken, 'last-admin');
    given([])
      .when(command('ChangeStaffRoles', 'admin-1', { roles: ['clerk'] }))
      .thenThrows(RuleBroken, 'last-admin');
  });
});

describe('staff accounts: roles', () => {
  it('records the whole list of roles, in the product’s order, with the list before', () => {
    given([])
      .when(command('ChangeStaffRoles', 'clerk-1', { roles: ['officer', 'clerk', 'officer'] }))
      .then([
        {
          type: 'StaffRolesChanged',
          data: { accountId: 'clerk-1', roles: ['clerk', 'officer'], previousRoles: ['clerk'], at },
        },
      ]);
  });

  it('records nothing when the roles are the same', () => {
    const changed: StaffAccountEvent = {
      type: 'StaffRolesChanged',
      data: { accountId: 'clerk-1', roles: ['chair'], previousRoles: ['clerk'], at },
    };
    given([changed])
      .when(command('ChangeStaffRoles', 'clerk-1', { roles: ['chair'] }))
      .then([]);
  });

  it('lets an admin give up their own admin role while another admin remains', () => {
    const twoAdmins: StaffAccountFact[] = [...accounts, { accountId: 'admin-2', roles: ['admin'], disabled: false }];
    given([])
      .when(command('ChangeStaffRoles', 'admin-1', { roles: ['auditor'], facts: twoAdmins }))
      .then([
        {
          type: 'StaffRolesChanged',
          data: { accountId: 'admin-1', roles: ['auditor'], previousRoles: ['admin'], at },
        },
      ]);
  });

  it('refuses no roles, unknown roles and a bad time', () => {
    given([])
      .when(command('ChangeStaffRoles', 'clerk-1', { roles: [] }))
      .thenThrows(InvalidInput);
    given([])
      .when(command('ChangeStaffRoles', 'clerk-1', { roles: ['boss'] }))
      .thenThrows(InvalidInput);
    const late = command('DisableStaffAccount', 'clerk-1');
    given([])
      .when({ ...late, data: { ...late.data, at: 'yesterday' } } as StaffAccountCommand)
      .thenThrows(InvalidInput);
  });
});
