import type { Projection } from '#event-store';
import { actionLogProjection } from './action-log/action-log.projection.js';
import { boardOverviewProjection } from './board-overview/board-overview.projection.js';
import { decisionsRegisterProjection } from './decisions-register/decisions-register.projection.js';
import { meetingDetailProjection } from './meeting-detail/meeting-detail.projection.js';
import { meetingsCalendarProjection } from './meetings-calendar/meetings-calendar.projection.js';

/** Every board read model's projection, for the runner. */
export const BOARD_PROJECTIONS: readonly Projection[] = [
  boardOverviewProjection,
  meetingsCalendarProjection,
  meetingDetailProjection,
  decisionsRegisterProjection,
  actionLogProjection,
];
