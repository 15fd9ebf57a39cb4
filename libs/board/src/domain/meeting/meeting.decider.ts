import type { Decider } from '#kernel';
import { addAgendaItem, publishAgenda, reorderAgenda, withdrawAgendaItem } from './agenda.rules.js';
import type { MeetingCommand } from './meeting.commands.js';
import type { MeetingEvent } from './meeting.events.js';
import { evolveMeeting, initialMeetingState, type MeetingState } from './meeting.state.js';
import { approveMinutes, draftMinutes, publishMinutes } from './minutes.rules.js';
import {
  adjournMeeting,
  closeMeeting,
  declareInterest,
  openMeeting,
  recordDeparture,
  recordMinutes,
} from './proceedings.rules.js';
import { cancelMeeting, rescheduleMeeting, scheduleMeeting } from './schedule.rules.js';

// Lifecycle: scheduled -> agenda published -> in progress -> closed (or adjourned) -> minutes drafted
// -> minutes approved (at a later meeting) -> minutes published; or cancelled before it opens.
export const meetingDecider: Decider<MeetingCommand, MeetingEvent, MeetingState> = {
  decide(command, state) {
    switch (command.type) {
      case 'ScheduleMeeting':
        return scheduleMeeting(command, state);
      case 'RescheduleMeeting':
        return rescheduleMeeting(command, state);
      case 'CancelMeeting':
        return cancelMeeting(command, state);
      case 'AddAgendaItem':
        return addAgendaItem(command, state);
      case 'WithdrawAgendaItem':
        return withdrawAgendaItem(command, state);
      case 'ReorderAgenda':
        return reorderAgenda(command, state);
      case 'PublishAgenda':
        return publishAgenda(command, state);
      case 'OpenMeeting':
        return openMeeting(command, state);
      case 'DeclareInterest':
        return declareInterest(command, state);
      case 'RecordDeparture':
        return recordDeparture(command, state);
      case 'RecordMinutes':
        return recordMinutes(command, state);
      case 'CloseMeeting':
        return closeMeeting(command, state);
      case 'AdjournMeeting':
        return adjournMeeting(command, state);
      case 'DraftMinutes':
        return draftMinutes(command, state);
      case 'ApproveMinutes':
        return approveMinutes(command, state);
      case 'PublishMinutes':
        return publishMinutes(command, state);
    }
  },
  evolve: evolveMeeting,
  initialState: initialMeetingState,
};
