import { HISTORY_PROJECTIONS } from './read-models/history/history.projections.js';
import { logActivityProjection } from './read-models/log-activity/log-activity.projection.js';

export * from './audit.module.js';
export * from './read-models/log-activity/get-log-activity.query.js';
export { logActivityProjection };

/** The audit context's read models, for the projection runner. */
export const AUDIT_PROJECTIONS = [logActivityProjection, ...HISTORY_PROJECTIONS];
