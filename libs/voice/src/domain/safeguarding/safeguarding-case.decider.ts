import { Forbidden, InvalidInput, NotFound, RuleBroken, type Decider } from '#kernel';
import {
  SAFEGUARDING_OUTCOMES,
  type AcknowledgeCase,
  type EscalateOverdueCase,
  type OpenSafeguardingCase,
  type RecordOutcome,
  type SafeguardingCaseCommand,
} from './safeguarding-case.commands.js';
import type { SafeguardingCaseEvent } from './safeguarding-case.events.js';
import {
  evolveSafeguardingCase,
  initialSafeguardingCaseState,
  type SafeguardingCaseState,
} from './safeguarding-case.state.js';

// A week: a longer window is almost certainly a unit mistake (seconds or hours given as minutes).
const MAX_ACKNOWLEDGE_MINUTES = 7 * 24 * 60;
const MINUTE_MS = 60_000;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export const safeguardingCaseDecider: Decider<SafeguardingCaseCommand, SafeguardingCaseEvent, SafeguardingCaseState> = {
  decide(command, state) {
    switch (command.type) {
      case 'OpenSafeguardingCase':
        return open(command, state);
      case 'AcknowledgeCase':
        return acknowledge(command, state);
      case 'EscalateOverdueCase':
        return escalate(command, state);
      case 'RecordOutcome':
        return recordOutcome(command, state);
    }
  },
  evolve: evolveSafeguardingCase,
  initialState: initialSafeguardingCaseState,
};

function open({ data }: OpenSafeguardingCase, state: SafeguardingCaseState): SafeguardingCaseEvent[] {
  const errors = new Errors()
    .text('caseId', data.caseId)
    .text('contributionId', data.contributionId)
    .that(isCodeList(data.categories), 'categories', 'must be a list of distinct codes')
    .that(data.source === 'screen' || data.source === 'moderator', 'source', 'must be one of screen, moderator')
    .that(
      Number.isInteger(data.acknowledgeWithin) &&
        data.acknowledgeWithin > 0 &&
        data.acknowledgeWithin <= MAX_ACKNOWLEDGE_MINUTES,
      'acknowledgeWithin',
      `must be a whole number of minutes from 1 to ${MAX_ACKNOWLEDGE_MINUTES}`,
    )
    .text('namedLead', data.namedLead)
    .that(data.deputy === null || isText(data.deputy), 'deputy', 'is required (null only with no second lead)')
    .instant('at', data.at);
  // The screen always says why it flagged a view; a moderator's escalation may not fit a category.
  if (data.source === 'screen' && Array.isArray(data.categories)) {
    errors.that(data.categories.length > 0, 'categories', 'must name what the screen matched');
  }
  errors.done();
  if (state.status !== 'none') {
    throw new RuleBroken('case-already-opened', 'This safeguarding case is already open.');
  }
  // A board with a single safeguarding lead still opens the case (a disclosure must never wait for a
  // deputy): it names no deputy, and the lead alone answers for it.
  if (data.namedLead === data.deputy) {
    // Escalating to the person who missed the deadline would reach nobody new.
    throw new RuleBroken('deputy-is-named-lead', 'The deputy must be someone other than the named lead.');
  }
  const { caseId, contributionId, categories, source, namedLead, deputy, acknowledgeWithin, at } = data;
  const dueBy = new Date(Date.parse(at) + acknowledgeWithin * MINUTE_MS).toISOString();
  return [
    {
      type: 'SafeguardingCaseOpened',
      data: { caseId, contributionId, categories, source, namedLead, deputy, acknowledgeWithin, dueBy, at },
    },
  ];
}

function acknowledge({ data }: AcknowledgeCase, state: SafeguardingCaseState): SafeguardingCaseEvent[] {
  new Errors().text('caseId', data.caseId).text('by', data.by).instant('at', data.at).done();
  requireCase(state);
  const as = capacityOf(state, data.by);
  if (as === undefined) {
    throw new Forbidden('Only the named safeguarding lead or their deputy can acknowledge this case.');
  }
  if (state.acknowledged !== undefined) {
    throw new RuleBroken('case-already-acknowledged', 'This case has already been acknowledged.');
  }
  const late = Date.parse(data.at) >= Date.parse(state.dueBy);
  return [{ type: 'CaseAcknowledged', data: { caseId: data.caseId, by: data.by, as, late, at: data.at } }];
}

// The deadline "fires once": a repeat (a retried timer, a second scheduler after a restart) decides
// nothing, as does a deadline that passes after someone acknowledged.
function escalate({ data }: EscalateOverdueCase, state: SafeguardingCaseState): SafeguardingCaseEvent[] {
  new Errors().text('caseId', data.caseId).instant('at', data.at).done();
  requireCase(state);
  if (state.acknowledged !== undefined || state.escalatedAt !== undefined) return [];
  // No deputy (a single lead): no one else may read the disclosure, so it stays with the named lead, still
  // overdue in their queue. Never an admin, who cannot open the safeguarding queue.
  if (state.deputy === null) return [];
  if (Date.parse(data.at) < Date.parse(state.dueBy)) {
    // Refused rather than ignored, so a timer that fired early retries instead of believing it done.
    throw new RuleBroken('case-not-yet-due', 'This case is not yet due for acknowledgement.', {
      dueBy: state.dueBy,
    });
  }
  const { deputy, dueBy } = state;
  return [{ type: 'CaseEscalatedToDeputy', data: { caseId: data.caseId, deputy, dueBy, at: data.at } }];
}

function recordOutcome({ data }: RecordOutcome, state: SafeguardingCaseState): SafeguardingCaseEvent[] {
  new Errors()
    .text('caseId', data.caseId)
    .that(SAFEGUARDING_OUTCOMES.includes(data.outcome), 'outcome', `must be one of ${SAFEGUARDING_OUTCOMES.join(', ')}`)
    .text('reason', data.reason)
    .text('by', data.by)
    .instant('at', data.at)
    .done();
  requireCase(state);
  if (capacityOf(state, data.by) === undefined) {
    throw new Forbidden('Only the named safeguarding lead or their deputy can record the outcome of this case.');
  }
  if (state.status === 'closed') {
    throw new RuleBroken('outcome-already-recorded', 'This case already has an outcome.', {
      outcome: state.outcome,
    });
  }
  if (state.acknowledged === undefined) {
    throw new RuleBroken('case-not-acknowledged', 'Acknowledge the case before recording its outcome.');
  }
  const { caseId, outcome, reason, by, at } = data;
  return [{ type: 'CaseOutcomeRecorded', data: { caseId, outcome, reason, by, at } }];
}

function requireCase(state: SafeguardingCaseState): void {
  if (state.status === 'none') throw new NotFound('No such safeguarding case.');
}

function capacityOf(state: SafeguardingCaseState, staffId: string): 'named-lead' | 'deputy' | undefined {
  if (staffId === state.namedLead) return 'named-lead';
  if (staffId === state.deputy) return 'deputy';
  return undefined;
}

function isCodeList(value: unknown): boolean {
  return Array.isArray(value) && value.every(isText) && new Set(value).size === value.length;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

// Deciders check the values they rely on even though the edge validates shapes: a command may come
// from a scheduler, the CLI or a test, not only from HTTP.
class Errors {
  private readonly errors: Array<{ field: string; reason: string }> = [];

  that(ok: boolean, field: string, reason: string): this {
    if (!ok) this.errors.push({ field, reason });
    return this;
  }

  text(field: string, value: unknown): this {
    return this.that(isText(value), field, 'is required');
  }

  instant(field: string, value: unknown): this {
    const ok = typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value));
    return this.that(ok, field, 'must be an ISO 8601 date-time with a time zone');
  }

  done(): void {
    if (this.errors.length === 0) return;
    const fields = [...new Set(this.errors.map((error) => error.field))].join(', ');
    throw new InvalidInput(`Invalid input: ${fields}.`, this.errors);
  }
}
