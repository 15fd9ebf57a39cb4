// The board's published language: the events other contexts (insight, audit) may read from the log.
// Types only: a reader folds the data itself, but against the shapes the deciders really write.
export type {
  ActionAssigned,
  ActionCancelled,
  ActionCompleted,
  ActionEvent,
  ActionProgressRecorded,
  Citation,
  DecisionAmended,
  DecisionEvent,
  DecisionRecorded,
  DecisionSuperseded,
  Influence,
  VoiceEvidence,
} from '../domain/index.js';
export { INFLUENCES, actionStream, decisionStream } from '../domain/index.js';
