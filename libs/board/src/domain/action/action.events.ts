import { type DomainEvent, type CalendarDate } from '#kernel';
import type { ActionOwner } from './action.commands.js';

export const actionStream = (actionId: string): string => `action-${actionId}`;

export type ActionAssigned = DomainEvent<
  'ActionAssigned',
  {
    readonly actionId: string;
    readonly decisionId: string;
    readonly description: string;
    readonly owner: ActionOwner;
    readonly dueOn: CalendarDate;
    readonly at: string;
  }
>;

export type ActionProgressRecorded = DomainEvent<
  'ActionProgressRecorded',
  { readonly actionId: string; readonly note: string; readonly at: string }
>;

/** completedOn: the London date, so "done on time" is judged like "overdue". */
export type ActionCompleted = DomainEvent<
  'ActionCompleted',
  { readonly actionId: string; readonly evidence: string; readonly completedOn: CalendarDate; readonly at: string }
>;

export type ActionCancelled = DomainEvent<
  'ActionCancelled',
  { readonly actionId: string; readonly reason: string; readonly at: string }
>;

export type ActionEvent = ActionAssigned | ActionProgressRecorded | ActionCompleted | ActionCancelled;
