import { HISTORY_PROJECTIONS } from './read-models/history/history.projections.js';
import { logActivityProjection } from './read-models/log-activity/log-activity.projection.js';

export * from './audit.module.js';
export * from './read-models/log-activity/get-log-activity.query.js';
export { logActivityProjection };

/** The audit context's read models, for the projection runner. */
export const AUDIT_PROJECTIONS = [logActivityProjection, ...HISTORY_PROJECTIONS];
// For the server-rendered audit pages (apps/web): the same queries as the history routes.
export { GetHistory, type History } from './read-models/history/get-history.query.js';
export {
  GetDecisionAsAt,
  GetMeetingAsAt,
  type DecisionThen,
  type MeetingThen,
} from './read-models/history/get-as-at.query.js';
export type { HistoryEntry, ActorView } from './read-models/history/event-history.reader.js';
export { normaliseInstant, type Cut } from './read-models/history/cut.js';
