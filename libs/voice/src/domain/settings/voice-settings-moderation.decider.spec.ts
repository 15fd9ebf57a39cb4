import { fold, InvalidInput, RuleBroken } from '#kernel';
import { givenWhenThen } from '#testing';
import type { SetModerationWindow } from './voice-settings.commands.js';
import { voiceSettingsDecider } from './voice-settings.decider.js';
import type { VoiceSettingsEvent } from './voice-settings.events.js';

const { given } = givenWhenThen(voiceSettingsDecider);
const at = '2026-03-02T09:00:00Z';
const moderators = ['staff-morgan', 'staff-riley'];

const setWindow = (days: unknown, lead: string | null = null): SetModerationWindow => ({
  type: 'SetModerationWindow',
  data: { moderationWindowWorkingDays: days, moderationLead: lead, at, facts: { moderators } },
});
const windowSet = (days: number, lead: string | null = null): VoiceSettingsEvent => ({
  type: 'ModerationWindowSet',
  data: { moderationWindowWorkingDays: days, moderationLead: lead, at },
});

describe('voice settings: the moderation window and its lead', () => {
  it('gives a person 2 working days to read each view, with no lead named, until the board says otherwise', () => {
    const state = fold(voiceSettingsDecider, []);
    expect(state.moderationWindowWorkingDays).toBe(2);
    expect(state.moderationLead).toBeUndefined();
    given([]).when(setWindow(2)).then([]);
  });

  it('sets the window and names a moderator as the lead', () => {
    const events = given([])
      .when(setWindow(3, 'staff-riley'))
      .then([windowSet(3, 'staff-riley')]);
    const state = fold(voiceSettingsDecider, events);
    expect(state.moderationWindowWorkingDays).toBe(3);
    expect(state.moderationLead).toBe('staff-riley');
    given(events).when(setWindow(3, 'staff-riley')).then([]);
    // Back to the default lead (the oldest active moderator).
    given(events)
      .when(setWindow(3))
      .then([windowSet(3)]);
  });

  it('takes a whole number of working days from 1 to 10', () => {
    for (const days of [0, 11, 1.5, '2', null]) {
      given([]).when(setWindow(days)).thenThrows(InvalidInput);
    }
    given([])
      .when(setWindow(1))
      .then([windowSet(1)]);
    given([])
      .when(setWindow(10))
      .then([windowSet(10)]);
  });

  it('names only an active moderator as lead: no one else can open the queue', () => {
    const error = given([]).when(setWindow(2, 'staff-admin')).thenThrows(RuleBroken, 'not-a-moderator');
    expect(error.details).toEqual({ field: 'moderationLead' });
    given([]).when(setWindow(2, ' ')).thenThrows(InvalidInput);
  });
});
