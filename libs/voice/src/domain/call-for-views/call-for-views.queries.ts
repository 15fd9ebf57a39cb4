import type { CallForViewsState } from './call-for-views.state.js';
import { instantMs, londonDateOf, type CalendarDate } from '#kernel';

/** What lateness needs to know about a call. */
export interface CallDeadline {
  readonly closesOn: CalendarDate;
  /** Set when the board closed the call early. */
  readonly closedAt?: string;
}

/**
 * A view given at `at` is late when the London day has passed the closing date, or the board closed
 * the call early at or before that moment. Late views are still accepted, only marked.
 */
export function isLate(call: CallDeadline, at: string): boolean {
  if (londonDateOf(at) > call.closesOn) return true;
  return call.closedAt !== undefined && instantMs(at) >= instantMs(call.closedAt);
}

/** What a contribution needs to know about the call it answers (the handler folds the call's stream). */
export interface CallForViewsFacts {
  readonly callId: string;
  readonly status: 'not-found' | 'opened' | 'closed-early';
  readonly closesOn?: CalendarDate;
  readonly closedAt?: string;
}

export function callForViewsFacts(callId: string, state: CallForViewsState): CallForViewsFacts {
  if (state.status === 'none') return { callId, status: 'not-found' };
  return { callId, status: state.status, closesOn: state.closesOn, closedAt: state.closedAt };
}
