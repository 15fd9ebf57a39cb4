import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BoardStreams, type CommandContext, type WriteResult } from '#event-store';
import {
  generateInviteCode,
  hashInviteCode,
  voiceSettingsDecider,
  voiceSettingsStream,
  type InviteCodeIssued,
  type VoiceSettingsCommand,
} from '../../domain/index.js';
import { RECEIPT_PEPPER } from '../receipt-pepper.provider.js';
import { ModerationLeadResolver } from '../../read-models/voice-settings/moderation-lead.resolver.js';
import { VoiceSettings } from '../../read-models/voice-settings/voice-settings.reader.js';

/** A settings write answers as every write does. */
export type SettingsWriteResult = WriteResult;

/** What staff change; the handler adds the facts and the time. */
export type SettingsChange =
  | { readonly kind: 'screening-rules'; readonly rules: unknown }
  | {
      readonly kind: 'safeguarding-owners';
      readonly namedLead: string;
      readonly deputy: string;
      readonly acknowledgeWithinMinutes: number;
    }
  | { readonly kind: 'invite-code-requirement'; readonly required: boolean }
  | { readonly kind: 'revoke-invite-code'; readonly codeId: string }
  | { readonly kind: 'answer-reading-age'; readonly readingAge: number }
  | { readonly kind: 'council-phone'; readonly phone: string | null }
  | { readonly kind: 'council-colour'; readonly colour: string | null }
  | {
      readonly kind: 'moderation-window';
      readonly moderationWindowWorkingDays: number;
      readonly moderationLead: string | null;
    };

export class ChangeVoiceSettings extends Command<SettingsWriteResult> {
  constructor(
    readonly context: CommandContext,
    readonly change: SettingsChange,
  ) {
    super();
  }
}

export interface IssuedInviteCode extends SettingsWriteResult {
  readonly codeId: string;
  /** Shown once; null on a retried request (the code is not kept, only its hash). */
  readonly inviteCode: string | null;
  readonly label: string | null;
  readonly expiresOn: string | null;
}

export class IssueInviteCodeCommand extends Command<IssuedInviteCode> {
  constructor(
    readonly context: CommandContext,
    readonly label: string | undefined,
    readonly expiresOn: string | undefined,
  ) {
    super();
  }
}

/** Runs a settings command on the board's settings stream, through the one writer. */
function runOnSettings(
  streams: BoardStreams,
  command: VoiceSettingsCommand,
  context: CommandContext,
  id = 'voice-settings',
) {
  return streams.write(voiceSettingsDecider, voiceSettingsStream(context.tenantId), command, context, { id });
}

@Injectable()
@CommandHandler(ChangeVoiceSettings)
export class ChangeVoiceSettingsHandler implements ICommandHandler<ChangeVoiceSettings, SettingsWriteResult> {
  constructor(
    private readonly streams: BoardStreams,
    private readonly settings: VoiceSettings,
    private readonly moderation: ModerationLeadResolver,
  ) {}

  async execute({ context, change }: ChangeVoiceSettings): Promise<SettingsWriteResult> {
    const at = context.now;
    const command = await this.commandFor(change, context.tenantId, at);
    const id = change.kind === 'revoke-invite-code' ? change.codeId : undefined;
    return (await runOnSettings(this.streams, command, context, id)).result;
  }

  private async commandFor(change: SettingsChange, tenantId: string, at: string): Promise<VoiceSettingsCommand> {
    switch (change.kind) {
      case 'screening-rules':
        return { type: 'SetLocalScreeningRules', data: { rules: change.rules, at } };
      case 'safeguarding-owners': {
        const { namedLead, deputy, acknowledgeWithinMinutes } = change;
        const safeguardingLeads = await this.settings.activeSafeguardingLeads(tenantId);
        return {
          type: 'SetSafeguardingOwners',
          data: { namedLead, deputy, acknowledgeWithinMinutes, at, facts: { safeguardingLeads } },
        };
      }
      case 'invite-code-requirement':
        return { type: 'SetInviteCodeRequirement', data: { required: change.required, at } };
      case 'revoke-invite-code':
        return { type: 'RevokeInviteCode', data: { codeId: change.codeId, at } };
      case 'answer-reading-age':
        return { type: 'SetAnswerReadingAge', data: { readingAge: change.readingAge, at } };
      case 'council-phone':
        return { type: 'SetCouncilPhone', data: { phone: change.phone, at } };
      case 'council-colour':
        return { type: 'SetCouncilColour', data: { colour: change.colour, at } };
      case 'moderation-window': {
        const { moderationWindowWorkingDays, moderationLead } = change;
        const moderators = await this.moderation.activeModerators(tenantId);
        return {
          type: 'SetModerationWindow',
          data: { moderationWindowWorkingDays, moderationLead, at, facts: { moderators } },
        };
      }
    }
  }
}

@Injectable()
@CommandHandler(IssueInviteCodeCommand)
export class IssueInviteCodeHandler implements ICommandHandler<IssueInviteCodeCommand, IssuedInviteCode> {
  constructor(
    private readonly streams: BoardStreams,
    @Inject(RECEIPT_PEPPER) private readonly pepper: string,
  ) {}

  async execute({ context, label, expiresOn }: IssueInviteCodeCommand): Promise<IssuedInviteCode> {
    const codeId = randomUUID();
    const { code, display } = generateInviteCode(randomBytes);
    const { result, decided: events } = await runOnSettings(
      this.streams,
      {
        type: 'IssueInviteCode',
        data: { codeId, codeHash: hashInviteCode(code, this.pepper), label, expiresOn, at: context.now },
      },
      context,
      codeId,
    );
    // A retried request answers the first code's id: that code was shown once and is not kept.
    const issued = events.find((e): e is InviteCodeIssued => e.type === 'InviteCodeIssued')!;
    return {
      ...result,
      id: issued.data.codeId,
      codeId: issued.data.codeId,
      inviteCode: result.duplicate ? null : display,
      label: issued.data.label ?? null,
      expiresOn: issued.data.expiresOn ?? null,
    };
  }
}
