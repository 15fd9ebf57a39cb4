import type { CallForViewsEvent } from './call-for-views.events.js';
import type { CalendarDate } from '#kernel';

/**
 * 'opened' stays 'opened' after the closing date passes: lateness is derived from the clock (isLate),
 * never stored. 'closed-early' is the board's explicit CloseCallForViews.
 */
export type CallForViewsStatus = 'none' | 'opened' | 'closed-early';

export interface CallForViewsState {
  readonly status: CallForViewsStatus;
  readonly callId: string;
  readonly question: string;
  readonly closesOn: CalendarDate;
  readonly meetingId?: string;
  readonly itemId?: string;
  readonly themes: readonly string[];
  readonly openedAt: string;
  readonly closedAt?: string;
}

export const initialCallForViewsState = (): CallForViewsState => ({
  status: 'none',
  callId: '',
  question: '',
  closesOn: '',
  themes: [],
  openedAt: '',
});

export function evolveCallForViews(state: CallForViewsState, event: CallForViewsEvent): CallForViewsState {
  switch (event.type) {
    case 'CallForViewsOpened': {
      const { callId, question, closesOn, meetingId, itemId, themes, at } = event.data;
      return { ...state, status: 'opened', callId, question, closesOn, meetingId, itemId, themes, openedAt: at };
    }
    case 'CallForViewsClosed':
      return { ...state, status: 'closed-early', closedAt: event.data.at };
  }
}
