import { checkInput, isCalendarDate, londonDateOf, NotFound, RuleBroken, type Decider } from '#kernel';
import { contrastRatio, COUNCIL_COLOUR_PATTERN, HEADER_TEXT_COLOUR, MIN_HEADER_CONTRAST } from './council-colour.js';
import { checkLocalScreeningRules } from './local-screening-rules.js';
import { MODERATION_WINDOW_WORKING_DAYS } from '../moderation-deadline/moderation-window.js';
import { ANSWER_READING_AGE } from '../reading-age/reading-age.js';
import type {
  IssueInviteCode,
  RevokeInviteCode,
  SetAnswerReadingAge,
  SetCouncilColour,
  SetCouncilPhone,
  SetInviteCodeRequirement,
  SetLocalScreeningRules,
  SetModerationWindow,
  SetSafeguardingOwners,
  VoiceSettingsCommand,
} from './voice-settings.commands.js';
import type { VoiceSettingsEvent } from './voice-settings.events.js';
import { evolveVoiceSettings, initialVoiceSettingsState, type VoiceSettingsState } from './voice-settings.state.js';

/** 15 minutes to a week: shorter cannot be met by a person; longer is almost surely a unit mistake. */
export const ACKNOWLEDGE_WITHIN_MINUTES = { min: 15, max: 7 * 24 * 60 } as const;
export const INVITE_LABEL_MAX_CHARS = 80;
export const COUNCIL_PHONE_MAX_CHARS = 30;

// A label names a session, never a person: refuse what looks like contact details.
const LOOKS_PERSONAL = /@|\d[\d\s-]{6,}\d/u;
const HEX_HASH = /^[0-9a-f]{64}$/u;

export const voiceSettingsDecider: Decider<VoiceSettingsCommand, VoiceSettingsEvent, VoiceSettingsState> = {
  decide(command, state) {
    switch (command.type) {
      case 'SetLocalScreeningRules':
        return setRules(command);
      case 'SetSafeguardingOwners':
        return setOwners(command, state);
      case 'SetInviteCodeRequirement':
        return setRequirement(command, state);
      case 'IssueInviteCode':
        return issue(command, state);
      case 'RevokeInviteCode':
        return revoke(command, state);
      case 'SetAnswerReadingAge':
        return setAnswerReadingAge(command, state);
      case 'SetCouncilPhone':
        return setCouncilPhone(command, state);
      case 'SetCouncilColour':
        return setCouncilColour(command, state);
      case 'SetModerationWindow':
        return setModerationWindow(command, state);
    }
  },
  evolve: evolveVoiceSettings,
  initialState: initialVoiceSettingsState,
};

function setRules({ data }: SetLocalScreeningRules): VoiceSettingsEvent[] {
  checkInput().instant('at', data.at).done();
  const rules = checkLocalScreeningRules(data.rules);
  return [{ type: 'LocalScreeningRulesSet', data: { rules, at: data.at } }];
}

function setOwners({ data }: SetSafeguardingOwners, state: VoiceSettingsState): VoiceSettingsEvent[] {
  const { min, max } = ACKNOWLEDGE_WITHIN_MINUTES;
  checkInput()
    .text('namedLead', data.namedLead)
    .text('deputy', data.deputy)
    .that(
      Number.isInteger(data.acknowledgeWithinMinutes) &&
        data.acknowledgeWithinMinutes >= min &&
        data.acknowledgeWithinMinutes <= max,
      'acknowledgeWithinMinutes',
      `must be a whole number of minutes from ${min} to ${max}`,
    )
    .instant('at', data.at)
    .done();
  if (data.namedLead === data.deputy) {
    throw new RuleBroken('deputy-is-named-lead', 'The deputy must be someone other than the named lead.');
  }
  // Only a safeguarding lead can open the queue: a deputy without the role would be escalated to in vain.
  for (const field of ['namedLead', 'deputy'] as const) {
    if (!data.facts.safeguardingLeads.includes(data[field])) {
      throw new RuleBroken(
        'not-a-safeguarding-lead',
        `The ${field === 'namedLead' ? 'named lead' : 'deputy'} must be an active safeguarding lead of this board.`,
        { field },
      );
    }
  }
  const { namedLead, deputy, acknowledgeWithinMinutes, at } = data;
  const same =
    state.owners?.namedLead === namedLead &&
    state.owners.deputy === deputy &&
    state.owners.acknowledgeWithinMinutes === acknowledgeWithinMinutes;
  return same ? [] : [{ type: 'SafeguardingOwnersSet', data: { namedLead, deputy, acknowledgeWithinMinutes, at } }];
}

function setRequirement({ data }: SetInviteCodeRequirement, state: VoiceSettingsState): VoiceSettingsEvent[] {
  checkInput()
    .that(typeof data.required === 'boolean', 'required', 'must be true or false')
    .instant('at', data.at)
    .done();
  if (data.required === state.inviteCodesRequired) return [];
  return [{ type: 'InviteCodeRequirementSet', data: { required: data.required, at: data.at } }];
}

function issue({ data }: IssueInviteCode, state: VoiceSettingsState): VoiceSettingsEvent[] {
  const check = checkInput()
    .text('codeId', data.codeId)
    .that(typeof data.codeHash === 'string' && HEX_HASH.test(data.codeHash), 'codeHash', 'must be a hex SHA-256')
    .that(data.expiresOn === undefined || isCalendarDate(data.expiresOn), 'expiresOn', 'must be a date (YYYY-MM-DD)')
    .instant('at', data.at);
  if (data.label !== undefined) {
    check
      .boundedText('label', data.label, INVITE_LABEL_MAX_CHARS)
      .that(
        typeof data.label !== 'string' || !LOOKS_PERSONAL.test(data.label),
        'label',
        'must name a session or group, not a person (no e-mail addresses or phone numbers)',
      );
  }
  check.done();
  if (data.expiresOn !== undefined && data.expiresOn < londonDateOf(data.at)) {
    throw new RuleBroken('invite-code-expiry-in-the-past', 'An invite code cannot expire before today.', {
      expiresOn: data.expiresOn,
    });
  }
  if (state.inviteCodes.some((code) => code.codeId === data.codeId || code.codeHash === data.codeHash)) {
    throw new RuleBroken('invite-code-exists', 'This invite code has already been issued.');
  }
  const { codeId, codeHash, expiresOn, at } = data;
  const label = data.label?.trim();
  return [{ type: 'InviteCodeIssued', data: { codeId, codeHash, label, expiresOn, at } }];
}

function revoke({ data }: RevokeInviteCode, state: VoiceSettingsState): VoiceSettingsEvent[] {
  checkInput().text('codeId', data.codeId).instant('at', data.at).done();
  const code = state.inviteCodes.find((candidate) => candidate.codeId === data.codeId);
  if (code === undefined) throw new NotFound('There is no such invite code.');
  if (code.revokedAt !== undefined) {
    throw new RuleBroken('invite-code-already-revoked', 'This invite code is already revoked.');
  }
  return [{ type: 'InviteCodeRevoked', data: { codeId: data.codeId, at: data.at } }];
}

function setAnswerReadingAge({ data }: SetAnswerReadingAge, state: VoiceSettingsState): VoiceSettingsEvent[] {
  const { min, max } = ANSWER_READING_AGE;
  checkInput()
    .that(
      typeof data.readingAge === 'number' &&
        Number.isInteger(data.readingAge) &&
        data.readingAge >= min &&
        data.readingAge <= max,
      'readingAge',
      `must be a whole reading age from ${min} to ${max}`,
    )
    .instant('at', data.at)
    .done();
  const readingAge = data.readingAge as number;
  if (readingAge === state.answerReadingAge) return [];
  return [{ type: 'AnswerReadingAgeSet', data: { readingAge, at: data.at } }];
}

// A phone number as people write one: digits, spaces, brackets, dashes, a leading +; 6 to 15 digits.
const PHONE = /^\+?[0-9][0-9 ()-]*[0-9]$/u;

function setCouncilPhone({ data }: SetCouncilPhone, state: VoiceSettingsState): VoiceSettingsEvent[] {
  const raw = data.phone;
  const phone = typeof raw === 'string' && raw.trim() !== '' ? raw.trim().replace(/\s+/gu, ' ') : null;
  const digits = phone?.replace(/[^0-9]/gu, '').length ?? 0;
  checkInput()
    .that(
      raw === null || raw === undefined || typeof raw === 'string',
      'phone',
      'must be a phone number, or null to clear it',
    )
    .that(
      phone === null || (phone.length <= COUNCIL_PHONE_MAX_CHARS && PHONE.test(phone) && digits >= 6 && digits <= 15),
      'phone',
      'must be a phone number: digits, spaces, brackets or dashes, 6 to 15 digits',
    )
    .instant('at', data.at)
    .done();
  if (phone === (state.councilPhone ?? null)) return [];
  return [{ type: 'CouncilPhoneSet', data: { phone, at: data.at } }];
}

function setCouncilColour({ data }: SetCouncilColour, state: VoiceSettingsState): VoiceSettingsEvent[] {
  const raw = data.colour;
  const colour = typeof raw === 'string' && raw.trim() !== '' ? raw.trim().toLowerCase() : null;
  const wellFormed = colour === null || COUNCIL_COLOUR_PATTERN.test(colour);
  const ratio = colour !== null && wellFormed ? contrastRatio(colour, HEADER_TEXT_COLOUR) : Infinity;
  checkInput()
    .that(
      raw === null || raw === undefined || typeof raw === 'string',
      'colour',
      'must be a colour, or null to clear it',
    )
    .that(wellFormed, 'colour', 'must be a colour written #RRGGBB, like #1d70b8')
    .that(
      ratio >= MIN_HEADER_CONTRAST,
      'colour',
      // Rounded down: a colour just short of 4.5:1 is never shown as meeting it.
      `is too light for the header's white text: its contrast is ${(Math.floor(ratio * 100) / 100).toFixed(2)}:1 ` +
        `and must be at least ${MIN_HEADER_CONTRAST}:1 (WCAG AA); choose a darker colour`,
    )
    .instant('at', data.at)
    .done();
  if (colour === (state.councilColour ?? null)) return [];
  return [{ type: 'CouncilColourSet', data: { colour, at: data.at } }];
}

function setModerationWindow({ data }: SetModerationWindow, state: VoiceSettingsState): VoiceSettingsEvent[] {
  const { min, max } = MODERATION_WINDOW_WORKING_DAYS;
  const days = data.moderationWindowWorkingDays;
  checkInput()
    .that(
      typeof days === 'number' && Number.isInteger(days) && days >= min && days <= max,
      'moderationWindowWorkingDays',
      `must be a whole number of working days from ${min} to ${max}`,
    )
    .that(
      data.moderationLead === null || (typeof data.moderationLead === 'string' && data.moderationLead.trim() !== ''),
      'moderationLead',
      'must be a staff id, or null for the oldest active moderator',
    )
    .instant('at', data.at)
    .done();
  // Only a moderator can open the queue: a lead without the role would be told of views in vain.
  if (data.moderationLead !== null && !data.facts.moderators.includes(data.moderationLead)) {
    throw new RuleBroken('not-a-moderator', 'The moderation lead must be an active moderator of this board.', {
      field: 'moderationLead',
    });
  }
  const moderationWindowWorkingDays = days as number;
  const { moderationLead, at } = data;
  const same =
    state.moderationWindowWorkingDays === moderationWindowWorkingDays &&
    (state.moderationLead ?? null) === moderationLead;
  return same ? [] : [{ type: 'ModerationWindowSet', data: { moderationWindowWorkingDays, moderationLead, at } }];
}
