import type { DomainEvent } from '#kernel';
import type { SafeguardingRule } from '../safeguarding/screen.js';

/** One stream per board (one board per tenant): the board's voice settings. */
export const voiceSettingsStream = (tenantId: string): string => `voice-settings-${tenantId}`;

// No event here holds a young person's words or identity. Invite codes appear only as hashes; the
// acting staff member is in the envelope.

/** The board's own screening rules, in addition to the defaults (which always apply): the whole list. */
export type LocalScreeningRulesSet = DomainEvent<
  'LocalScreeningRulesSet',
  { readonly rules: readonly SafeguardingRule[]; readonly at: string }
>;

export type SafeguardingOwnersSet = DomainEvent<
  'SafeguardingOwnersSet',
  {
    /** Staff ids of two different active safeguarding leads. */
    readonly namedLead: string;
    readonly deputy: string;
    readonly acknowledgeWithinMinutes: number;
    readonly at: string;
  }
>;

export type InviteCodeRequirementSet = DomainEvent<
  'InviteCodeRequirementSet',
  { readonly required: boolean; readonly at: string }
>;

export type InviteCodeIssued = DomainEvent<
  'InviteCodeIssued',
  {
    readonly codeId: string;
    /** HMAC of the code under the server's pepper: the code itself is shown once and never stored. */
    readonly codeHash: string;
    /** What the code is for ("March CiCC session"): never a person. */
    readonly label?: string;
    /** Last London day on which the code is accepted. */
    readonly expiresOn?: string;
    readonly at: string;
  }
>;

export type InviteCodeRevoked = DomainEvent<'InviteCodeRevoked', { readonly codeId: string; readonly at: string }>;

export type VoiceSettingsEvent =
  LocalScreeningRulesSet | SafeguardingOwnersSet | InviteCodeRequirementSet | InviteCodeIssued | InviteCodeRevoked;

export const VOICE_SETTINGS_EVENT_TYPES: readonly VoiceSettingsEvent['type'][] = [
  'LocalScreeningRulesSet',
  'SafeguardingOwnersSet',
  'InviteCodeRequirementSet',
  'InviteCodeIssued',
  'InviteCodeRevoked',
];
