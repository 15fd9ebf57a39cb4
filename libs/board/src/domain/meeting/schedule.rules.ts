import { RuleBroken, instantMs, isInstant, checkInput, isText, type InputCheck, type Rules } from '#kernel';
import { agendaNotice } from '../calendar/agenda-notice.js';
import { JURISDICTIONS } from '../jurisdiction.js';
import { BEFORE_OPENING, lateAgenda, requireStatus } from './meeting.guards.js';
import type { BoardFacts } from '../board/board.queries.js';
import type { MeetingCommandOf, Venue } from './meeting.commands.js';
import type { AgendaItemAdded, MeetingEvent } from './meeting.events.js';
import type { MeetingState } from './meeting.state.js';
import { STANDING_ITEMS } from './standing-items.js';

/** facts: read by the handler from the board stream (see boardFacts). */
export type ScheduleMeeting = MeetingCommandOf<
  'ScheduleMeeting',
  Venue & {
    readonly title: string;
    readonly startsAt: string;
    readonly endsAt?: string;
    /** Offer the standing items (default true). */
    readonly standingItems?: boolean;
    readonly facts: BoardFacts;
  }
>;

export type RescheduleMeeting = MeetingCommandOf<
  'RescheduleMeeting',
  Venue & {
    readonly startsAt: string;
    readonly endsAt?: string;
    readonly reason?: string;
    readonly urgencyReason?: string;
  }
>;

export type CancelMeeting = MeetingCommandOf<'CancelMeeting', { readonly reason: string }>;

export type ScheduleCommand = ScheduleMeeting | RescheduleMeeting | CancelMeeting;

export function scheduleMeeting({ data }: ScheduleMeeting, state: MeetingState): MeetingEvent[] {
  const { facts } = data;
  const check = checkInput().text('meetingId', data.meetingId).text('title', data.title);
  checkTimes(check, data.startsAt, data.endsAt);
  checkVenue(check, data, true);
  check
    .oneOf('facts.jurisdiction', facts?.jurisdiction, JURISDICTIONS)
    .that(Number.isInteger(facts?.quorum) && facts.quorum >= 2, 'facts.quorum', 'must be a whole number of at least 2')
    .codes('facts.themes', facts?.themes)
    .codes('facts.principles', facts?.principles)
    .instant('at', data.at)
    .done();
  if (state.status !== 'unscheduled') {
    throw new RuleBroken('meeting-already-scheduled', 'This meeting has already been scheduled.');
  }
  const { meetingId, title, startsAt, endsAt, place, onlineLink, at } = data;
  const { jurisdiction, quorum, themes, principles } = facts;
  const scheduled: MeetingEvent = {
    type: 'MeetingScheduled',
    data: { meetingId, title, startsAt, endsAt, place, onlineLink, jurisdiction, quorum, themes, principles, at },
  };
  const standing: AgendaItemAdded[] =
    data.standingItems === false
      ? []
      : STANDING_ITEMS.map((item) => ({
          type: 'AgendaItemAdded',
          data: {
            meetingId,
            ...item,
            // Only the principles this board lists, so the tags stay within its vocabulary.
            principles: item.principles.filter((code) => principles.includes(code)),
            standing: true,
            at,
          },
        }));
  return [scheduled, ...standing];
}

export function rescheduleMeeting({ data }: RescheduleMeeting, state: MeetingState): MeetingEvent[] {
  const check = checkInput();
  checkTimes(check, data.startsAt, data.endsAt);
  checkVenue(check, data, false);
  check
    .optionalText('reason', data.reason)
    .optionalText('urgencyReason', data.urgencyReason)
    .instant('at', data.at)
    .done();
  requireStatus(state, BEFORE_OPENING, 'meeting-already-opened', 'A meeting cannot be rescheduled once it has opened.');
  // Moving a meeting earlier must not cut the notice its published agenda gave.
  let urgencyReason: string | undefined;
  if (state.agendaPublishedAt) {
    const notice = agendaNotice(state.agendaPublishedAt, data.startsAt, state.jurisdiction);
    if (!notice.onTime) {
      if (!isText(data.urgencyReason)) throw lateAgenda(notice);
      urgencyReason = data.urgencyReason;
    }
  }
  const keepsVenue = data.place === undefined && data.onlineLink === undefined;
  const venue = keepsVenue ? state.venue : { place: data.place, onlineLink: data.onlineLink };
  const { meetingId, startsAt, endsAt, reason, at } = data;
  return [{ type: 'MeetingRescheduled', data: { meetingId, startsAt, endsAt, ...venue, reason, urgencyReason, at } }];
}

export function cancelMeeting({ data }: CancelMeeting, state: MeetingState): MeetingEvent[] {
  checkInput().text('reason', data.reason).instant('at', data.at).done();
  requireStatus(state, BEFORE_OPENING, 'meeting-already-opened', 'An opened meeting can be adjourned, not cancelled.');
  const { meetingId, reason, at } = data;
  return [{ type: 'MeetingCancelled', data: { meetingId, reason, at } }];
}

function checkTimes(check: InputCheck, startsAt: string, endsAt: string | undefined): void {
  check.instant('startsAt', startsAt);
  if (endsAt !== undefined) {
    check.instant('endsAt', endsAt);
    const comparable = isInstant(startsAt) && isInstant(endsAt);
    check.that(!comparable || instantMs(endsAt) > instantMs(startsAt), 'endsAt', 'must be after startsAt');
  }
}

function checkVenue(check: InputCheck, venue: Venue, required: boolean): void {
  const given = venue.place !== undefined || venue.onlineLink !== undefined;
  check.that(!required || given, 'place', 'a place or an online link is required');
  check.optionalText('place', venue.place);
  check.that(
    venue.onlineLink === undefined || /^https:\/\/\S+$/.test(venue.onlineLink),
    'onlineLink',
    'must be an https link',
  );
}

/** Each of this stage's commands and the rule that decides it. */
export const scheduleRules: Rules<ScheduleCommand, MeetingEvent, MeetingState> = {
  ScheduleMeeting: scheduleMeeting,
  RescheduleMeeting: rescheduleMeeting,
  CancelMeeting: cancelMeeting,
};
