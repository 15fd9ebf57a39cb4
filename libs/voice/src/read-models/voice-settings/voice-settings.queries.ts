import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { londonDateOf } from '#platform';
import type { Caller } from '#identity/contracts';
import {
  ACKNOWLEDGE_WITHIN_MINUTES,
  ANSWER_READING_AGE,
  DEFAULT_SAFEGUARDING_RULES,
  MODERATION_WINDOW_WORKING_DAYS,
  type SafeguardingRule,
} from '../../domain/index.js';
import { ModerationLeadResolver } from './moderation-lead.resolver.js';
import { SafeguardingOwnersResolver, type ResolvedOwners } from './safeguarding-owners.resolver.js';
import { VoiceSettings } from './voice-settings.reader.js';

export interface VoiceSettingsView {
  readonly screening: {
    /** The defaults' categories: always applied, never editable here. */
    readonly defaultCategories: readonly string[];
    /** The board's own additions. */
    readonly localRules: readonly SafeguardingRule[];
  };
  readonly safeguardingOwners: ResolvedOwners | null;
  readonly acknowledgeWithinBounds: { readonly min: number; readonly max: number };
  readonly inviteCodes: { readonly required: boolean; readonly usable: number };
  /** Answers to young people: above this reading age the sender must record why. */
  readonly answers: {
    readonly readingAge: number;
    readonly defaultReadingAge: number;
    readonly bounds: { readonly min: number; readonly max: number };
  };
  /** The council's number shown to young people beside Childline and 999; null when none is given. */
  readonly councilPhone: string | null;
  /** The council's colour for its pages' header (`#rrggbb`); null: govuk-frontend's own. */
  readonly councilColour: string | null;
  /** Every view is read by a person within the window; past it, it escalates to the moderation lead. */
  readonly moderation: {
    readonly moderationWindowWorkingDays: number;
    readonly defaultWindowWorkingDays: number;
    readonly bounds: { readonly min: number; readonly max: number };
    /** Null while the board has no active moderator: overdue views then escalate to no one named. */
    readonly moderationLead: {
      readonly staffId: string;
      readonly name: string | null;
      readonly source: 'configured' | 'default';
    } | null;
  };
}

export interface InviteCodeView {
  readonly codeId: string;
  readonly label: string | null;
  readonly expiresOn: string | null;
  readonly issuedAt: string;
  readonly revokedAt: string | null;
  readonly status: 'usable' | 'expired' | 'revoked';
}

export class GetVoiceSettings extends Query<VoiceSettingsView> {
  constructor(
    readonly caller: Caller,
    readonly now: string,
  ) {
    super();
  }
}

export class GetInviteCodes extends Query<InviteCodeView[]> {
  constructor(
    readonly caller: Caller,
    readonly now: string,
  ) {
    super();
  }
}

@Injectable()
@QueryHandler(GetVoiceSettings)
export class GetVoiceSettingsHandler implements IQueryHandler<GetVoiceSettings, VoiceSettingsView> {
  constructor(
    private readonly settings: VoiceSettings,
    private readonly owners: SafeguardingOwnersResolver,
    private readonly moderation: ModerationLeadResolver,
  ) {}

  async execute({ caller, now }: GetVoiceSettings): Promise<VoiceSettingsView> {
    const state = await this.settings.state(caller.tenantId);
    const codes = inviteCodeViews(state.inviteCodes, now);
    return {
      screening: {
        defaultCategories: [...new Set(DEFAULT_SAFEGUARDING_RULES.map((rule) => rule.category))],
        localRules: state.localRules,
      },
      safeguardingOwners: (await this.owners.forTenant(caller.tenantId)) ?? null,
      acknowledgeWithinBounds: { ...ACKNOWLEDGE_WITHIN_MINUTES },
      inviteCodes: { required: state.inviteCodesRequired, usable: codes.filter((c) => c.status === 'usable').length },
      answers: {
        readingAge: state.answerReadingAge,
        defaultReadingAge: ANSWER_READING_AGE.default,
        bounds: { min: ANSWER_READING_AGE.min, max: ANSWER_READING_AGE.max },
      },
      councilPhone: state.councilPhone ?? null,
      councilColour: state.councilColour ?? null,
      moderation: await this.moderationView(caller.tenantId),
    };
  }

  private async moderationView(tenantId: string): Promise<VoiceSettingsView['moderation']> {
    const { windowWorkingDays, lead, leadSource } = await this.moderation.forTenant(tenantId);
    const names = await this.moderation.names(tenantId, lead === null ? [] : [lead]);
    return {
      moderationWindowWorkingDays: windowWorkingDays,
      defaultWindowWorkingDays: MODERATION_WINDOW_WORKING_DAYS.default,
      bounds: { min: MODERATION_WINDOW_WORKING_DAYS.min, max: MODERATION_WINDOW_WORKING_DAYS.max },
      moderationLead:
        lead === null || leadSource === 'none'
          ? null
          : { staffId: lead, name: names.get(lead) ?? null, source: leadSource },
    };
  }
}

@Injectable()
@QueryHandler(GetInviteCodes)
export class GetInviteCodesHandler implements IQueryHandler<GetInviteCodes, InviteCodeView[]> {
  constructor(private readonly settings: VoiceSettings) {}

  async execute({ caller, now }: GetInviteCodes): Promise<InviteCodeView[]> {
    return inviteCodeViews((await this.settings.state(caller.tenantId)).inviteCodes, now);
  }
}

function inviteCodeViews(
  codes: ReadonlyArray<{ codeId: string; label?: string; expiresOn?: string; issuedAt: string; revokedAt?: string }>,
  now: string,
): InviteCodeView[] {
  const today = londonDateOf(now);
  // Never the hash: it is only for checking a typed code.
  return codes.map(({ codeId, label, expiresOn, issuedAt, revokedAt }) => ({
    codeId,
    label: label ?? null,
    expiresOn: expiresOn ?? null,
    issuedAt,
    revokedAt: revokedAt ?? null,
    status: revokedAt !== undefined ? 'revoked' : expiresOn !== undefined && today > expiresOn ? 'expired' : 'usable',
  }));
}
