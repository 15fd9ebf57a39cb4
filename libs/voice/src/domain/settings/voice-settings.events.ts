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

/** The reading age an answer to young people may have before its sender must record why (default 11). */
export type AnswerReadingAgeSet = DomainEvent<
  'AnswerReadingAgeSet',
  { readonly readingAge: number; readonly at: string }
>;

/**
 * The council's number young people can ring (its children's services front door, or the participation
 * team), shown to anonymous authors beside Childline and 999. Null: none given. A council's, never a person's.
 */
export type CouncilPhoneSet = DomainEvent<'CouncilPhoneSet', { readonly phone: string | null; readonly at: string }>;

/**
 * The council's colour (`#rrggbb`, lower case), the background of the header on the board's young people's
 * and public pages; white text on it meets WCAG AA. Null: govuk-frontend's own header colour.
 */
export type CouncilColourSet = DomainEvent<'CouncilColourSet', { readonly colour: string | null; readonly at: string }>;

/**
 * Every view is read by a person within this many working days (default 2); past it, the view escalates
 * to the moderation lead (a staff id of a moderator; null: the oldest active moderator).
 */
export type ModerationWindowSet = DomainEvent<
  'ModerationWindowSet',
  { readonly moderationWindowWorkingDays: number; readonly moderationLead: string | null; readonly at: string }
>;

export type VoiceSettingsEvent =
  | ModerationWindowSet
  | LocalScreeningRulesSet
  | SafeguardingOwnersSet
  | InviteCodeRequirementSet
  | InviteCodeIssued
  | InviteCodeRevoked
  | AnswerReadingAgeSet
  | CouncilPhoneSet
  | CouncilColourSet;

export const VOICE_SETTINGS_EVENT_TYPES: readonly VoiceSettingsEvent['type'][] = [
  'ModerationWindowSet',
  'LocalScreeningRulesSet',
  'SafeguardingOwnersSet',
  'InviteCodeRequirementSet',
  'InviteCodeIssued',
  'InviteCodeRevoked',
  'AnswerReadingAgeSet',
  'CouncilPhoneSet',
  'CouncilColourSet',
];
