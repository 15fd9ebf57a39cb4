import type { SafeguardingOutcome } from './safeguarding-case.commands.js';
import type { SafeguardingCaseEvent } from './safeguarding-case.events.js';

export interface SafeguardingCaseState {
  /** open: waiting for acknowledgement or an outcome; closed: outcome recorded. */
  readonly status: 'none' | 'open' | 'closed';
  readonly caseId: string;
  readonly contributionId: string;
  readonly namedLead: string;
  /** Null: a board with a single safeguarding lead, who alone answers for the case. */
  readonly deputy: string | null;
  readonly dueBy: string;
  readonly acknowledged?: { readonly by: string; readonly at: string };
  readonly escalatedAt?: string;
  readonly outcome?: SafeguardingOutcome;
}

export const initialSafeguardingCaseState = (): SafeguardingCaseState => ({
  status: 'none',
  caseId: '',
  contributionId: '',
  namedLead: '',
  deputy: '',
  dueBy: '',
});

export function evolveSafeguardingCase(
  state: SafeguardingCaseState,
  event: SafeguardingCaseEvent,
): SafeguardingCaseState {
  switch (event.type) {
    case 'SafeguardingCaseOpened': {
      const { caseId, contributionId, namedLead, deputy, dueBy } = event.data;
      return { ...state, status: 'open', caseId, contributionId, namedLead, deputy, dueBy };
    }
    case 'CaseAcknowledged':
      return { ...state, acknowledged: { by: event.data.by, at: event.data.at } };
    case 'CaseEscalatedToDeputy':
      return { ...state, escalatedAt: event.data.at };
    case 'CaseOutcomeRecorded':
      return { ...state, status: 'closed', outcome: event.data.outcome };
  }
}

/**
 * Overdue is derived, never stored: open, not acknowledged, and now at or past dueBy. Escalation does
 * not clear it: a case stays overdue until someone acknowledges it.
 */
export function isOverdue(state: SafeguardingCaseState, now: string): boolean {
  return state.status === 'open' && state.acknowledged === undefined && Date.parse(now) >= Date.parse(state.dueBy);
}
