import type { AgendaItem, MeetingState } from './meeting.state.js';

/** The items still on the agenda, in order. */
export function activeAgenda(state: MeetingState): readonly AgendaItem[] {
  return state.agenda.filter((item) => !item.withdrawn);
}

export function findAgendaItem(state: MeetingState, itemId: string): AgendaItem | undefined {
  return state.agenda.find((item) => item.itemId === itemId);
}

/** An inquorate meeting may still take minutes, but the board cannot decide anything at it. */
export function canRecordDecisions(state: MeetingState): boolean {
  return state.status === 'in-progress' && state.quorate;
}
