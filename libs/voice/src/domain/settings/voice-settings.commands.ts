import type { DomainCommand } from '#kernel';

/** The board's own screening rules (raw: the decider checks them), replacing its earlier additions. */
export type SetLocalScreeningRules = DomainCommand<
  'SetLocalScreeningRules',
  { readonly rules: unknown; readonly at: string }
>;

export type SetSafeguardingOwners = DomainCommand<
  'SetSafeguardingOwners',
  {
    readonly namedLead: string;
    readonly deputy: string;
    readonly acknowledgeWithinMinutes: number;
    readonly at: string;
    /** Staff ids of the tenant's active users holding the safeguarding-lead role, read when the command is sent. */
    readonly facts: { readonly safeguardingLeads: readonly string[] };
  }
>;

export type SetInviteCodeRequirement = DomainCommand<
  'SetInviteCodeRequirement',
  { readonly required: boolean; readonly at: string }
>;

export type IssueInviteCode = DomainCommand<
  'IssueInviteCode',
  {
    readonly codeId: string;
    readonly codeHash: string;
    readonly label?: string;
    readonly expiresOn?: string;
    readonly at: string;
  }
>;

export type RevokeInviteCode = DomainCommand<'RevokeInviteCode', { readonly codeId: string; readonly at: string }>;

/** The reading age (raw: the decider checks it) above which an answer needs its sender's reason. */
export type SetAnswerReadingAge = DomainCommand<
  'SetAnswerReadingAge',
  { readonly readingAge: unknown; readonly at: string }
>;

/** The council's number for young people (raw: the decider checks it); null or empty clears it. */
export type SetCouncilPhone = DomainCommand<'SetCouncilPhone', { readonly phone: unknown; readonly at: string }>;

/** The council's colour for its pages' header (raw: the decider checks it); null or empty clears it. */
export type SetCouncilColour = DomainCommand<'SetCouncilColour', { readonly colour: unknown; readonly at: string }>;

/**
 * The board's moderation window (raw: the decider checks it) and its moderation lead: the moderator told
 * when a view waits past the window. Null: the oldest active moderator, while none is named.
 */
export type SetModerationWindow = DomainCommand<
  'SetModerationWindow',
  {
    readonly moderationWindowWorkingDays: unknown;
    readonly moderationLead: string | null;
    readonly at: string;
    /** Staff ids of the tenant's active users holding the moderator role, read when the command is sent. */
    readonly facts: { readonly moderators: readonly string[] };
  }
>;

export type VoiceSettingsCommand =
  | SetModerationWindow
  | SetLocalScreeningRules
  | SetSafeguardingOwners
  | SetInviteCodeRequirement
  | IssueInviteCode
  | RevokeInviteCode
  | SetAnswerReadingAge
  | SetCouncilPhone
  | SetCouncilColour;
