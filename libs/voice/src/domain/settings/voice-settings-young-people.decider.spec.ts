import { fold, InvalidInput } from '#kernel';
import { givenWhenThen } from '#testing';
import { voiceSettingsDecider } from './voice-settings.decider.js';
import type { VoiceSettingsEvent } from './voice-settings.events.js';

const { given } = givenWhenThen(voiceSettingsDecider);
const at = '2026-03-02T09:00:00Z';

const readingAge = (value: unknown) => ({ type: 'SetAnswerReadingAge', data: { readingAge: value, at } }) as const;
const phone = (value: unknown) => ({ type: 'SetCouncilPhone', data: { phone: value, at } }) as const;

describe("voice settings: what young people are told (answers' reading age, the council's number)", () => {
  it('reads answers at reading age 11 until the board sets its own limit', () => {
    expect(fold(voiceSettingsDecider, []).answerReadingAge).toBe(11);
    const events = given([])
      .when(readingAge(9))
      .then([{ type: 'AnswerReadingAgeSet', data: { readingAge: 9, at } }]);
    expect(fold(voiceSettingsDecider, events).answerReadingAge).toBe(9);
  });

  it('takes a whole reading age from 7 to 18, and records nothing when it does not change', () => {
    for (const value of [6, 19, 10.5, '11', null]) {
      given([]).when(readingAge(value)).thenThrows(InvalidInput);
    }
    given([]).when(readingAge(11)).then([]);
    const set: VoiceSettingsEvent = { type: 'AnswerReadingAgeSet', data: { readingAge: 13, at } };
    given([set]).when(readingAge(13)).then([]);
    given([set])
      .when(readingAge(18))
      .then([{ type: 'AnswerReadingAgeSet', data: { readingAge: 18, at } }]);
  });

  it("keeps the council's number as written (spaces tidied), and clears it with null or nothing", () => {
    const events = given([])
      .when(phone('  0191   433 3000 '))
      .then([{ type: 'CouncilPhoneSet', data: { phone: '0191 433 3000', at } }]);
    expect(fold(voiceSettingsDecider, events).councilPhone).toBe('0191 433 3000');
    given(events).when(phone('0191 433 3000')).then([]);
    given(events)
      .when(phone('+44 (0)191 433-3000'))
      .then([{ type: 'CouncilPhoneSet', data: { phone: '+44 (0)191 433-3000', at } }]);
    const cleared = given(events)
      .when(phone(null))
      .then([{ type: 'CouncilPhoneSet', data: { phone: null, at } }]);
    expect(fold(voiceSettingsDecider, [...events, ...cleared]).councilPhone).toBeUndefined();
    given(events)
      .when(phone(''))
      .then([{ type: 'CouncilPhoneSet', data: { phone: null, at } }]);
    given([]).when(phone(null)).then([]);
  });

  it('refuses what is not a phone number (an e-mail address, words, too few or too many digits)', () => {
    for (const value of ['help@council.gov.uk', 'ring Sam', '999', '0191 433 3000 0000 000', 42, ['0191']]) {
      given([]).when(phone(value)).thenThrows(InvalidInput);
    }
  });
});

const colour = (value: unknown) => ({ type: 'SetCouncilColour', data: { colour: value, at } }) as const;

describe("voice settings: the council's colour on its pages' header", () => {
  it('keeps govuk-frontend’s own header colour until the board sets its own, written in lower case', () => {
    expect(fold(voiceSettingsDecider, []).councilColour).toBeUndefined();
    const events = given([])
      .when(colour(' #8A1538 '))
      .then([{ type: 'CouncilColourSet', data: { colour: '#8a1538', at } }]);
    expect(fold(voiceSettingsDecider, events).councilColour).toBe('#8a1538');
    given(events).when(colour('#8a1538')).then([]);
  });

  it('clears it with null or nothing, and records nothing when there is none to clear', () => {
    const set: VoiceSettingsEvent = { type: 'CouncilColourSet', data: { colour: '#1d70b8', at } };
    const cleared = given([set])
      .when(colour(null))
      .then([{ type: 'CouncilColourSet', data: { colour: null, at } }]);
    expect(fold(voiceSettingsDecider, [set, ...cleared]).councilColour).toBeUndefined();
    given([set])
      .when(colour(''))
      .then([{ type: 'CouncilColourSet', data: { colour: null, at } }]);
    given([]).when(colour(null)).then([]);
  });

  it('refuses what is not a #RRGGBB colour', () => {
    for (const value of ['red', '#fff', '1d70b8', '#1d70b8ff', '#1d70bg', 'rgb(29,112,184)', 42, ['#1d70b8']]) {
      given([]).when(colour(value)).thenThrows(InvalidInput);
    }
  });

  it("refuses a colour the header's white text would not be readable on (under 4.5:1), naming the field and the ratio", () => {
    // #767676 is the lightest grey that passes (4.54:1); #777777 just fails (4.48:1).
    given([])
      .when(colour('#767676'))
      .then([{ type: 'CouncilColourSet', data: { colour: '#767676', at } }]);
    for (const value of ['#777777', '#ffdd00', '#5694ca', '#ffffff']) {
      given([]).when(colour(value)).thenThrows(InvalidInput);
    }
    let refused: unknown;
    try {
      voiceSettingsDecider.decide(colour('#777777'), fold(voiceSettingsDecider, []));
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(InvalidInput);
    expect((refused as InvalidInput).errors).toEqual([
      {
        field: 'colour',
        reason:
          "is too light for the header's white text: its contrast is 4.47:1 and must be at least 4.5:1 (WCAG AA); " +
          'choose a darker colour',
      },
    ]);
  });
});
