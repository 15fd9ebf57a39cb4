// What a scenario that writes young people's views into a board's past needs, and no more: the voice
// context's deciders, their commands, the facts each command is decided on, the safeguarding screen a
// view passes and how a receipt code is made and kept. Published for the board year in libs/demo (the
// demo's seeded year, and the tests' and benchmarks' data), which drives these deciders through
// BoardStreams to write a back-dated year exactly as the voice context would; the commands' handlers
// cannot, as they decide at today's clock. A context that only reads views needs none of this: it reads
// the published events (published-events.ts).
export type {
  AgeBand,
  CallForViewsCommand,
  Channel,
  ContributionCommand,
  ContributionTarget,
  SafeguardingCaseCommand,
  SafeguardingCaseEvent,
} from '../domain/index.js';
export { callForViewsDecider, contributionDecider, safeguardingCaseDecider } from '../domain/index.js';
export { callForViewsStream, safeguardingCaseStream } from '../domain/index.js';
export { callForViewsFacts, citability, sameItem } from '../domain/index.js';
export { DEFAULT_SAFEGUARDING_RULES, screen } from '../domain/index.js';
export { generateReceiptCode, hashReceiptCode } from '../domain/index.js';
