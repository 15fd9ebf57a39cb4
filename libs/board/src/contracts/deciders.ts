// What a scenario that writes a board's past needs, and no more: the board's deciders, their commands,
// the facts each command is decided on and the notice rule that dates an agenda. Published for the
// board year in libs/demo (the demo's seeded year, and the tests' and benchmarks' data), which drives
// these deciders through BoardStreams to write a back-dated year exactly as the board would; the
// commands' handlers cannot, as they decide at today's clock. A context that only reads the board needs
// none of this: it reads the published events (published-events.ts) or asks BOARD_RECORDS.
export type {
  ActionCommand,
  ActionOwner,
  AgendaItemPurpose,
  Attendance,
  BoardCommand,
  BoardFacts,
  DecisionCommand,
  MeetingCommand,
} from '../domain/index.js';
export { actionDecider, boardDecider, decisionDecider, meetingDecider } from '../domain/index.js';
export { boardFacts, decisionFacts, meetingFactsForDecision, membersServingOn } from '../domain/index.js';
// The board's own working days and agenda notice (England and Wales), so a scenario's dates keep its rules.
export { isWorkingDay, latestAgendaPublicationDate } from '../domain/index.js';
