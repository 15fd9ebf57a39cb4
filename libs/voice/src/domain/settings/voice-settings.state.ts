import { londonDateOf } from '#kernel';
import { MODERATION_WINDOW_WORKING_DAYS } from '../moderation-deadline/moderation-window.js';
import { ANSWER_READING_AGE } from '../reading-age/reading-age.js';
import { DEFAULT_SAFEGUARDING_RULES } from '../safeguarding/default-safeguarding-rules.js';
import type { SafeguardingRule } from '../safeguarding/screen.js';
import type { VoiceSettingsEvent } from './voice-settings.events.js';

export interface SafeguardingOwners {
  readonly namedLead: string;
  readonly deputy: string;
  readonly acknowledgeWithinMinutes: number;
}

export interface InviteCodeRecord {
  readonly codeId: string;
  readonly codeHash: string;
  readonly label?: string;
  readonly expiresOn?: string;
  readonly issuedAt: string;
  readonly revokedAt?: string;
}

export interface VoiceSettingsState {
  /** The board's own additions; the defaults are never part of this list and always apply. */
  readonly localRules: readonly SafeguardingRule[];
  readonly owners?: SafeguardingOwners;
  readonly inviteCodesRequired: boolean;
  readonly inviteCodes: readonly InviteCodeRecord[];
  /** Above this reading age an answer to young people needs its sender's reason. */
  readonly answerReadingAge: number;
  /** The council's number for young people, if the board gave one. */
  readonly councilPhone?: string;
  /** The council's colour for its pages' header (`#rrggbb`), if the board gave one. */
  readonly councilColour?: string;
  /** Working days a person has to read each view before it escalates to the moderation lead. */
  readonly moderationWindowWorkingDays: number;
  /** The moderator named as moderation lead; absent: the oldest active moderator. */
  readonly moderationLead?: string;
}

export const initialVoiceSettingsState = (): VoiceSettingsState => ({
  localRules: [],
  inviteCodesRequired: false,
  inviteCodes: [],
  answerReadingAge: ANSWER_READING_AGE.default,
  moderationWindowWorkingDays: MODERATION_WINDOW_WORKING_DAYS.default,
});

export function evolveVoiceSettings(state: VoiceSettingsState, event: VoiceSettingsEvent): VoiceSettingsState {
  switch (event.type) {
    case 'LocalScreeningRulesSet':
      return { ...state, localRules: event.data.rules };
    case 'SafeguardingOwnersSet': {
      const { namedLead, deputy, acknowledgeWithinMinutes } = event.data;
      return { ...state, owners: { namedLead, deputy, acknowledgeWithinMinutes } };
    }
    case 'InviteCodeRequirementSet':
      return { ...state, inviteCodesRequired: event.data.required };
    case 'InviteCodeIssued': {
      const { codeId, codeHash, label, expiresOn, at } = event.data;
      return { ...state, inviteCodes: [...state.inviteCodes, { codeId, codeHash, label, expiresOn, issuedAt: at }] };
    }
    case 'AnswerReadingAgeSet':
      return { ...state, answerReadingAge: event.data.readingAge };
    case 'CouncilPhoneSet':
      return { ...state, councilPhone: event.data.phone ?? undefined };
    case 'CouncilColourSet':
      return { ...state, councilColour: event.data.colour ?? undefined };
    case 'ModerationWindowSet':
      return {
        ...state,
        moderationWindowWorkingDays: event.data.moderationWindowWorkingDays,
        moderationLead: event.data.moderationLead ?? undefined,
      };
    case 'InviteCodeRevoked':
      return {
        ...state,
        inviteCodes: state.inviteCodes.map((code) =>
          code.codeId === event.data.codeId ? { ...code, revokedAt: event.data.at } : code,
        ),
      };
  }
}

/**
 * The rules a view is screened with: the defaults, always, then the board's additions. A board can
 * widen the screen but never narrow it, so no configuration can silently stop a disclosure being caught.
 */
export function effectiveScreeningRules(state: VoiceSettingsState): readonly SafeguardingRule[] {
  return state.localRules.length === 0
    ? DEFAULT_SAFEGUARDING_RULES
    : [...DEFAULT_SAFEGUARDING_RULES, ...state.localRules];
}

export type InviteCodeStanding = 'valid' | 'unknown' | 'revoked' | 'expired';

/** Whether a code (by its hash) lets a view in at `now`; expiry is the end of its London day. */
export function inviteCodeStanding(state: VoiceSettingsState, codeHash: string, now: string): InviteCodeStanding {
  const code = state.inviteCodes.find((candidate) => candidate.codeHash === codeHash);
  if (code === undefined) return 'unknown';
  if (code.revokedAt !== undefined) return 'revoked';
  if (code.expiresOn !== undefined && londonDateOf(now) > code.expiresOn) return 'expired';
  return 'valid';
}
