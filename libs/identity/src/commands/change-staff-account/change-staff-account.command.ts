import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { BoardStreams, type CommandContext } from '#event-store';
import type { Caller } from '../../contracts/caller.js';
import { CommandContextFactory } from '../../contracts/command-context.factory.js';
import type { HeaderMap } from '../../contracts/request-headers.js';
import { normaliseRoles, staffAccountsDecider } from '../../domain/staff-accounts.decider.js';
import {
  staffAccountsStream,
  type AccountChange,
  type StaffAccountCommand,
  type StaffAccountFact,
} from '../../domain/staff-accounts.events.js';
import type { StaffRole } from '../../domain/roles.js';
import { staffAccountView, type StaffAccountView } from '../../read-models/staff-accounts/list-staff-accounts.query.js';
import { StaffUserEntity } from '../staff-user.entity.js';

export interface StaffAccountChange {
  readonly account: StaffAccountView;
  /** False when the account was already so: nothing was recorded (a retried request answers as the first time). */
  readonly changed: boolean;
  readonly events: readonly string[];
  /** The log position of the change, when one was recorded. */
  readonly position: string | null;
}

/** What an admin changes of an account: whether it may sign in, or its roles. */
export type StaffAccountEdit = { readonly status: 'active' | 'disabled' } | { readonly roles: readonly StaffRole[] };

export class ChangeStaffAccount extends Command<StaffAccountChange> {
  constructor(
    readonly caller: Caller,
    readonly headers: HeaderMap,
    readonly accountId: string,
    readonly edit: StaffAccountEdit,
  ) {
    super();
  }
}

/**
 * Disabling, enabling and changing the roles of a board's staff accounts: each an event in the board's
 * `staff-accounts-<tenant>` stream, through the one writer, so every change is attributable, in the
 * hash chain and in every export. The staff table (which the guard reads on every request) is then set
 * from the stream, so it always ends as the log says, a retried or interrupted request included.
 */
@Injectable()
@CommandHandler(ChangeStaffAccount)
export class ChangeStaffAccountHandler implements ICommandHandler<ChangeStaffAccount, StaffAccountChange> {
  constructor(
    private readonly db: DataSource,
    private readonly streams: BoardStreams,
    private readonly contexts: CommandContextFactory,
  ) {}

  async execute({ caller, headers, accountId, edit }: ChangeStaffAccount): Promise<StaffAccountChange> {
    const context = this.contexts.forStaff(caller, headers);
    const accounts = (await this.repo().find({ where: { tenantId: caller.tenantId } })).map(
      (user): StaffAccountFact => ({ accountId: user.id, roles: user.roles, disabled: user.disabled }),
    );
    const data: AccountChange = { accountId, by: caller.userId, at: context.now, facts: { accounts } };
    const command: StaffAccountCommand =
      'roles' in edit
        ? { type: 'ChangeStaffRoles', data: { ...data, roles: [...edit.roles] } }
        : { type: edit.status === 'disabled' ? 'DisableStaffAccount' : 'EnableStaffAccount', data };
    const { result, position } = await this.streams.write(
      staffAccountsDecider,
      staffAccountsStream(caller.tenantId),
      command,
      context,
      { id: accountId },
    );
    const account = await this.settle(context, accountId);
    return { account, changed: result.events.length > 0, events: result.events, position };
  }

  /** Sets the account's row as the stream last left it, and answers it. */
  private async settle(context: CommandContext, accountId: string): Promise<StaffAccountView> {
    // The stream is named by the tenant; one started by anyone else reads as empty.
    const state = await this.streams.fold(
      staffAccountsDecider,
      staffAccountsStream(context.tenantId),
      context.tenantId,
    );
    const latest = state.accounts.get(accountId);
    const change: Partial<Pick<StaffUserEntity, 'roles' | 'disabled'>> = {};
    if (latest?.roles) change.roles = normaliseRoles(latest.roles);
    if (latest?.disabled !== undefined) change.disabled = latest.disabled;
    if (Object.keys(change).length > 0) await this.repo().update({ id: accountId, tenantId: context.tenantId }, change);
    return staffAccountView(await this.repo().findOneOrFail({ where: { id: accountId, tenantId: context.tenantId } }));
  }

  private repo() {
    return this.db.getRepository(StaffUserEntity);
  }
}
