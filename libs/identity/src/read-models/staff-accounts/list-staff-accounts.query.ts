import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { StaffRole } from '../../domain/roles.js';
import { normaliseRoles } from '../../domain/staff-accounts.decider.js';
import { StaffUserEntity } from '../../commands/staff-user.entity.js';

/** A staff account as the board's admin sees it. */
export interface StaffAccountView {
  readonly accountId: string;
  readonly displayName: string;
  readonly email: string;
  readonly roles: readonly StaffRole[];
  readonly disabled: boolean;
  /** Whether the account has a second factor set up. */
  readonly secondFactor: boolean;
  /** Whether the account is linked to the council's own sign-in. */
  readonly councilSignIn: boolean;
}

/** The board's staff accounts, by name then e-mail address. */
export class ListStaffAccounts extends Query<StaffAccountView[]> {
  constructor(readonly tenantId: string) {
    super();
  }
}

@Injectable()
@QueryHandler(ListStaffAccounts)
export class ListStaffAccountsHandler implements IQueryHandler<ListStaffAccounts, StaffAccountView[]> {
  constructor(private readonly db: DataSource) {}

  async execute({ tenantId }: ListStaffAccounts): Promise<StaffAccountView[]> {
    const users = await this.db.getRepository(StaffUserEntity).find({ where: { tenantId } });
    return users
      .map(staffAccountView)
      .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.email.localeCompare(b.email));
  }
}

/** An account as its admin sees it (also the answer to a change of it). */
export function staffAccountView(user: StaffUserEntity): StaffAccountView {
  return {
    accountId: user.id,
    displayName: user.displayName,
    email: user.email,
    roles: normaliseRoles(user.roles),
    disabled: user.disabled,
    secondFactor: user.totpSecret !== null,
    councilSignIn: user.oidcSubject !== null,
  };
}
