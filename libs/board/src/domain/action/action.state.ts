import type { CalendarDate } from '#kernel';
import type { ActionOwner } from './action.commands.js';
import type { ActionEvent } from './action.events.js';

export interface ActionState {
  readonly status: 'none' | 'open' | 'completed' | 'cancelled';
  readonly actionId: string;
  readonly decisionId: string;
  readonly owner?: ActionOwner;
  readonly dueOn: CalendarDate;
  readonly progressNotes: number;
  readonly completedOn?: CalendarDate;
}

export const initialActionState = (): ActionState => ({
  status: 'none',
  actionId: '',
  decisionId: '',
  dueOn: '',
  progressNotes: 0,
});

export function evolveAction(state: ActionState, event: ActionEvent): ActionState {
  switch (event.type) {
    case 'ActionAssigned': {
      const { actionId, decisionId, owner, dueOn } = event.data;
      return { ...state, status: 'open', actionId, decisionId, owner, dueOn };
    }
    case 'ActionProgressRecorded':
      return { ...state, progressNotes: state.progressNotes + 1 };
    case 'ActionCompleted':
      return { ...state, status: 'completed', completedOn: event.data.completedOn };
    case 'ActionCancelled':
      return { ...state, status: 'cancelled' };
  }
}

/** Overdue is derived, never stored: still open after its due date (the due date itself is not late). */
export function isOverdue(state: ActionState, today: CalendarDate): boolean {
  return state.status === 'open' && today > state.dueOn;
}
