import { decideBy, type Decider } from '#kernel';
import { agendaRules, type AgendaCommand } from './agenda.rules.js';
import type { MeetingEvent } from './meeting.events.js';
import { evolveMeeting, initialMeetingState, type MeetingState } from './meeting.state.js';
import { minutesRules, type MinutesCommand } from './minutes.rules.js';
import { proceedingsRules, type ProceedingsCommand } from './proceedings.rules.js';
import { scheduleRules, type ScheduleCommand } from './schedule.rules.js';

/** Every command on a meeting: each stage's commands sit beside their rules. */
export type MeetingCommand = ScheduleCommand | AgendaCommand | ProceedingsCommand | MinutesCommand;

// Lifecycle: scheduled -> agenda published -> in progress -> closed (or adjourned) -> minutes drafted
// -> minutes approved (at a later meeting) -> minutes published; or cancelled before it opens.
export const meetingDecider: Decider<MeetingCommand, MeetingEvent, MeetingState> = {
  decide: decideBy<MeetingCommand, MeetingEvent, MeetingState>({
    ...scheduleRules,
    ...agendaRules,
    ...proceedingsRules,
    ...minutesRules,
  }),
  evolve: evolveMeeting,
  initialState: initialMeetingState,
};
