import { fold, InvalidInput, NotFound, RuleBroken } from '#kernel';
import { givenWhenThen } from '#testing';
import { DEFAULT_SAFEGUARDING_RULES } from '../safeguarding/default-safeguarding-rules.js';
import { screen } from '../safeguarding/screen.js';
import { generateInviteCode, hashInviteCode, normaliseInviteCode } from './invite-code.js';
import { slowPatternReason } from './local-screening-rules.js';
import type { IssueInviteCode, SetSafeguardingOwners } from './voice-settings.commands.js';
import { voiceSettingsDecider } from './voice-settings.decider.js';
import type { InviteCodeIssued, VoiceSettingsEvent } from './voice-settings.events.js';
import { effectiveScreeningRules, inviteCodeStanding } from './voice-settings.state.js';

const { given } = givenWhenThen(voiceSettingsDecider);
const at = '2026-03-02T09:00:00Z';
const hash = (n: number) => n.toString(16).padStart(64, '0');
const local = {
  category: 'county-lines-local',
  phrases: ['the Eastgate lads'],
  patterns: ['run(?:ning)? for (?:eastgate|the estate)'],
};

const setOwners = (overrides: Partial<SetSafeguardingOwners['data']> = {}): SetSafeguardingOwners => ({
  type: 'SetSafeguardingOwners',
  data: {
    namedLead: 'lead-1',
    deputy: 'lead-2',
    acknowledgeWithinMinutes: 60,
    at,
    facts: { safeguardingLeads: ['lead-1', 'lead-2'] },
    ...overrides,
  },
});
const issue = (overrides: Partial<IssueInviteCode['data']> = {}): IssueInviteCode => ({
  type: 'IssueInviteCode',
  data: { codeId: 'code-1', codeHash: hash(1), label: 'March CiCC session', expiresOn: '2026-03-31', at, ...overrides },
});
const issued = (overrides: Partial<InviteCodeIssued['data']> = {}): InviteCodeIssued => ({
  type: 'InviteCodeIssued',
  data: { codeId: 'code-1', codeHash: hash(1), label: 'March CiCC session', expiresOn: '2026-03-31', at, ...overrides },
});

describe('voice settings: screening rules', () => {
  it('keeps the defaults and adds the board own rules after them', () => {
    const events = given([])
      .when({ type: 'SetLocalScreeningRules', data: { rules: [local], at } })
      .then([{ type: 'LocalScreeningRulesSet', data: { rules: [local], at } }]);
    const state = fold(voiceSettingsDecider, events as VoiceSettingsEvent[]);
    expect(effectiveScreeningRules(state)).toEqual([...DEFAULT_SAFEGUARDING_RULES, local]);
    expect(screen('I keep running for the estate', effectiveScreeningRules(state)).matchedCategories).toEqual([
      'county-lines-local',
    ]);
    // Removing every addition leaves exactly the defaults: never fewer.
    const cleared = fold(voiceSettingsDecider, [
      ...(events as VoiceSettingsEvent[]),
      { type: 'LocalScreeningRulesSet', data: { rules: [], at } },
    ]);
    expect(effectiveScreeningRules(cleared)).toBe(DEFAULT_SAFEGUARDING_RULES);
  });

  it('drops keys a rule does not have', () => {
    given([])
      .when({ type: 'SetLocalScreeningRules', data: { rules: [{ ...local, extra: 'x' }], at } })
      .then([{ type: 'LocalScreeningRulesSet', data: { rules: [local], at } }]);
  });

  it('refuses invalid, empty-matching and slow patterns, naming each in one answer', () => {
    const error = given([])
      .when({
        type: 'SetLocalScreeningRules',
        data: {
          rules: [
            {
              category: 'local',
              phrases: ['ok'],
              patterns: ['(unclosed', 'a*', '(a+)+b', '(?:x|xy)*z', '(a)\\1', 'fine'],
            },
          ],
          at,
        },
      })
      .thenThrows(InvalidInput);
    expect(error.errors.map((e) => e.field)).toEqual([
      'rules[0].patterns[0]',
      'rules[0].patterns[1]',
      'rules[0].patterns[2]',
      'rules[0].patterns[3]',
      'rules[0].patterns[4]',
    ]);
  });

  it('refuses a bad category, a non-list and an unknown shape', () => {
    given([])
      .when({ type: 'SetLocalScreeningRules', data: { rules: 'harm', at } })
      .thenThrows(InvalidInput);
    const error = given([])
      .when({
        type: 'SetLocalScreeningRules',
        data: { rules: [{ category: 'Bad Category', phrases: 'x', patterns: [] }], at },
      })
      .thenThrows(InvalidInput);
    expect(error.errors.map((e) => e.field)).toEqual(['rules[0].category', 'rules[0].phrases']);
  });
});

describe('voice settings: the shape check for slow patterns', () => {
  it('accepts ordinary patterns, bounded repeats and single repeats', () => {
    for (const pattern of ['kil+(?:s|ing)? myself', 'older (?:[a-z]+ ){0,2}lads', '[a-z]+ at (?:me|us)', 'a{2,}']) {
      expect(slowPatternReason(pattern)).toBeUndefined();
    }
  });

  it('refuses nested and alternating unbounded repeats, however written', () => {
    for (const pattern of [
      '(a+)+',
      '(a*)*',
      '(?:a|aa)+',
      '(\\w+\\s?)*x',
      '((ab)+c)*',
      '(a{2,}){2,}',
      '([a-z]+ ){1,10}x',
    ]) {
      expect(slowPatternReason(pattern)).toBeDefined();
    }
  });
});

describe('voice settings: safeguarding owners', () => {
  it('sets a named lead, a deputy and the window', () => {
    given([])
      .when(setOwners())
      .then([
        {
          type: 'SafeguardingOwnersSet',
          data: { namedLead: 'lead-1', deputy: 'lead-2', acknowledgeWithinMinutes: 60, at },
        },
      ]);
  });

  it('decides nothing when nothing changes', () => {
    given([
      {
        type: 'SafeguardingOwnersSet',
        data: { namedLead: 'lead-1', deputy: 'lead-2', acknowledgeWithinMinutes: 60, at },
      },
    ])
      .when(setOwners())
      .then([]);
  });

  it('refuses a window outside 15 minutes to a week', () => {
    for (const acknowledgeWithinMinutes of [14, 0, 10081, 30.5, Number.NaN]) {
      const error = given([]).when(setOwners({ acknowledgeWithinMinutes })).thenThrows(InvalidInput);
      expect(error.errors.map((e) => e.field)).toEqual(['acknowledgeWithinMinutes']);
    }
    given([])
      .when(setOwners({ acknowledgeWithinMinutes: 15 }))
      .then([
        {
          type: 'SafeguardingOwnersSet',
          data: { namedLead: 'lead-1', deputy: 'lead-2', acknowledgeWithinMinutes: 15, at },
        },
      ]);
  });

  it('needs two different active safeguarding leads (an admin cannot be the deputy)', () => {
    given([])
      .when(setOwners({ deputy: 'lead-1' }))
      .thenThrows(RuleBroken, 'deputy-is-named-lead');
    const deputy = given([])
      .when(setOwners({ deputy: 'admin-1' }))
      .thenThrows(RuleBroken, 'not-a-safeguarding-lead');
    expect(deputy.details).toEqual({ field: 'deputy' });
    const lead = given([])
      .when(setOwners({ namedLead: 'gone', facts: { safeguardingLeads: ['lead-2'] } }))
      .thenThrows(RuleBroken, 'not-a-safeguarding-lead');
    expect(lead.details).toEqual({ field: 'namedLead' });
    given([])
      .when(setOwners({ namedLead: '' }))
      .thenThrows(InvalidInput);
  });
});

describe('voice settings: invite codes', () => {
  it('turns the requirement on and off, once each', () => {
    const on = { type: 'InviteCodeRequirementSet' as const, data: { required: true, at } };
    given([])
      .when({ type: 'SetInviteCodeRequirement', data: { required: true, at } })
      .then([on]);
    given([on])
      .when({ type: 'SetInviteCodeRequirement', data: { required: true, at } })
      .then([]);
    given([])
      .when({ type: 'SetInviteCodeRequirement', data: { required: 'yes' as never, at } })
      .thenThrows(InvalidInput);
  });

  it('issues a code as a hash, with an optional label and expiry', () => {
    given([]).when(issue()).then([issued()]);
    given([])
      .when(issue({ label: undefined, expiresOn: undefined }))
      .then([issued({ label: undefined, expiresOn: undefined })]);
  });

  it('refuses a label that looks like a person, a past expiry, a repeat', () => {
    for (const label of ['jo@example.org', 'call 07700 900123', ' ', 'x'.repeat(81)]) {
      const error = given([]).when(issue({ label })).thenThrows(InvalidInput);
      expect(error.errors.map((e) => e.field)).toEqual(['label']);
    }
    given([])
      .when(issue({ expiresOn: '2026-03-01' }))
      .thenThrows(RuleBroken, 'invite-code-expiry-in-the-past');
    given([])
      .when(issue({ expiresOn: '2026-02-30' }))
      .thenThrows(InvalidInput);
    given([issued()]).when(issue()).thenThrows(RuleBroken, 'invite-code-exists');
    given([issued()])
      .when(issue({ codeId: 'code-2' }))
      .thenThrows(RuleBroken, 'invite-code-exists');
  });

  it('revokes a code once; an unknown code is not found', () => {
    const revoked = { type: 'InviteCodeRevoked' as const, data: { codeId: 'code-1', at } };
    given([issued()])
      .when({ type: 'RevokeInviteCode', data: { codeId: 'code-1', at } })
      .then([revoked]);
    given([issued(), revoked])
      .when({ type: 'RevokeInviteCode', data: { codeId: 'code-1', at } })
      .thenThrows(RuleBroken, 'invite-code-already-revoked');
    given([])
      .when({ type: 'RevokeInviteCode', data: { codeId: 'code-1', at } })
      .thenThrows(NotFound);
  });

  it('says whether a code lets a view in: valid through its London expiry day, never once revoked', () => {
    const state = fold(voiceSettingsDecider, [issued()]);
    expect(inviteCodeStanding(state, hash(1), '2026-03-31T22:59:00Z')).toBe('valid');
    // 23:30Z on 31 March is 00:30 on 1 April in London (BST).
    expect(inviteCodeStanding(state, hash(1), '2026-03-31T23:30:00Z')).toBe('expired');
    expect(inviteCodeStanding(state, hash(2), at)).toBe('unknown');
    const revoked = fold(voiceSettingsDecider, [
      issued(),
      { type: 'InviteCodeRevoked', data: { codeId: 'code-1', at } },
    ]);
    expect(inviteCodeStanding(revoked, hash(1), at)).toBe('revoked');
  });

  it('generates readable codes, read back in any case with lookalikes forgiven', () => {
    const { code, display } = generateInviteCode(() => Uint8Array.from({ length: 12 }, (_, i) => i * 21));
    expect(display).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(normaliseInviteCode(display.toLowerCase())).toBe(code);
    const pepper = 'a-test-pepper-of-enough-bytes';
    expect(hashInviteCode(display, pepper)).toBe(hashInviteCode(code, pepper));
    expect(hashInviteCode(code, pepper)).not.toBe(hashInviteCode(code, `${pepper}!`));
    expect(() => normaliseInviteCode('ABCD-EFGH')).toThrow(InvalidInput);
    expect(() => normaliseInviteCode('ABCD-EFGH-JKMU')).toThrow(InvalidInput);
  });
});
