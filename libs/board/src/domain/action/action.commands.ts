import { type DomainCommand, type CalendarDate } from '#kernel';
import type { DecisionFacts } from '../decision/decision.facts.js';

/** A board member, or an officer who is not a member (by name, with their staff id if known). */
export type ActionOwner =
  | { readonly memberId: string; readonly officer?: undefined }
  | { readonly officer: { readonly id?: string; readonly name: string }; readonly memberId?: undefined };

export type AssignAction = DomainCommand<
  'AssignAction',
  {
    readonly actionId: string;
    readonly decisionId: string;
    readonly description: string;
    readonly owner: ActionOwner;
    readonly dueOn: CalendarDate;
    readonly at: string;
    /** The assigning decision, folded from its stream (see decisionFacts). */
    readonly facts: { readonly decision: DecisionFacts };
  }
>;

export type RecordProgress = DomainCommand<
  'RecordProgress',
  { readonly actionId: string; readonly note: string; readonly at: string }
>;

export type CompleteAction = DomainCommand<
  'CompleteAction',
  { readonly actionId: string; readonly evidence: string; readonly at: string }
>;

export type CancelAction = DomainCommand<
  'CancelAction',
  { readonly actionId: string; readonly reason: string; readonly at: string }
>;

export type ActionCommand = AssignAction | RecordProgress | CompleteAction | CancelAction;
