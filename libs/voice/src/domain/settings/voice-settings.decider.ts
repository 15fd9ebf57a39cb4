import { checkInput, isCalendarDate, londonDateOf, NotFound, RuleBroken, type Decider } from '#kernel';
import { checkLocalScreeningRules } from './local-screening-rules.js';
import type {
  IssueInviteCode,
  RevokeInviteCode,
  SetInviteCodeRequirement,
  SetLocalScreeningRules,
  SetSafeguardingOwners,
  VoiceSettingsCommand,
} from './voice-settings.commands.js';
import type { VoiceSettingsEvent } from './voice-settings.events.js';
import { evolveVoiceSettings, initialVoiceSettingsState, type VoiceSettingsState } from './voice-settings.state.js';

/** 15 minutes to a week: shorter cannot be met by a person; longer is almost surely a unit mistake. */
export const ACKNOWLEDGE_WITHIN_MINUTES = { min: 15, max: 7 * 24 * 60 } as const;
export const INVITE_LABEL_MAX_CHARS = 80;

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
