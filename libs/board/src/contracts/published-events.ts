// The board's published language: the events other contexts (insight, audit) may read from the log.
// Types only: a reader folds the data itself, but against the shapes the deciders really write.
export type {
  ActionAssigned,
  ActionCancelled,
  ActionCompleted,
  ActionEvent,
  ActionProgressRecorded,
  Amendment,
  BoardConfigured,
  Citation,
  DecisionAmended,
  DecisionEvent,
  DecisionRecorded,
  DecisionState,
  DecisionSuperseded,
  Influence,
  MeetingEvent,
  MeetingState,
  VoiceEvidence,
} from '../domain/index.js';
export { INFLUENCES, actionStream, boardStream, decisionStream, meetingStream } from '../domain/index.js';
// How the board folds its own decisions and meetings: the audit replays them as they stood at a moment.
export { evolveDecision, evolveMeeting, initialDecisionState, initialMeetingState } from '../domain/index.js';
