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

export type VoiceSettingsCommand =
  SetLocalScreeningRules | SetSafeguardingOwners | SetInviteCodeRequirement | IssueInviteCode | RevokeInviteCode;
