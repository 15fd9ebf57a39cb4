import { table, type Projection, type RecordedEvent, type RowOf } from '#event-store';
import type { ContributionErased, SafeguardingCaseEvent } from '../../domain/index.js';

export const SAFEGUARDING_CASES_TABLE = table({
  name: 'safeguarding_cases',
  columns: {
    tenant_id: 'text',
    case_id: 'text',
    contribution_id: 'text',
    /** open | closed */
    status: 'text',
    source: 'text',
    named_lead: 'text',
    deputy: { type: 'text', nullable: true },
    due_by: 'text',
    opened_at: 'text',
    acknowledged_by: { type: 'text', nullable: true },
    acknowledged_at: { type: 'text', nullable: true },
    acknowledged_late: { type: 'boolean', nullable: true },
    escalated_to_deputy_at: { type: 'text', nullable: true },
    outcome: { type: 'text', nullable: true },
    outcome_at: { type: 'text', nullable: true },
    view_erased: 'boolean',
  },
  primaryKey: ['tenant_id', 'case_id'],
  indexes: [['tenant_id', 'contribution_id']],
});

export type SafeguardingCaseRow = RowOf<typeof SAFEGUARDING_CASES_TABLE>;

// Views erased, so a case opened after its view's erasure (the opener catches up later) says so too.
const ERASED_VIEWS = table({
  name: 'safeguarding_erased_views',
  columns: { tenant_id: 'text', contribution_id: 'text' },
  primaryKey: ['tenant_id', 'contribution_id'],
});

/**
 * Each safeguarding case and where it stands; no words (the view's text is in contribution_status).
 * The case outlives its view's erasure (the duty to act does not end); `view_erased` says the words are gone.
 */
export const safeguardingCasesProjection: Projection = {
  name: 'voice_safeguarding_cases',
  // 2: view_erased. 3: deputy may be null (a board with a single safeguarding lead).
  version: 3,
  eventTypes: [
    'SafeguardingCaseOpened',
    'CaseAcknowledged',
    'CaseEscalatedToDeputy',
    'CaseOutcomeRecorded',
    'ContributionErased',
  ],
  streamPrefixes: ['safeguarding-', 'contribution-'],
  tables: [SAFEGUARDING_CASES_TABLE, ERASED_VIEWS],
  async apply(recorded: RecordedEvent, tx) {
    const tenant_id = recorded.metadata.tenantId;
    if (recorded.type === 'ContributionErased') {
      const { contributionId } = recorded.data as ContributionErased['data'];
      await tx.upsert(ERASED_VIEWS, { tenant_id, contribution_id: contributionId });
      await tx.update(SAFEGUARDING_CASES_TABLE, { tenant_id, contribution_id: contributionId }, { view_erased: true });
      return;
    }
    const event = { type: recorded.type, data: recorded.data } as SafeguardingCaseEvent;
    const key = { tenant_id, case_id: event.data.caseId };
    switch (event.type) {
      case 'SafeguardingCaseOpened': {
        const { contributionId, source, namedLead, deputy, dueBy, at } = event.data;
        await tx.upsert(SAFEGUARDING_CASES_TABLE, {
          ...key,
          contribution_id: contributionId,
          status: 'open',
          source,
          named_lead: namedLead,
          deputy,
          due_by: dueBy,
          opened_at: at,
          view_erased: (await tx.findOne(ERASED_VIEWS, { tenant_id, contribution_id: contributionId })) !== undefined,
        });
        return;
      }
      case 'CaseAcknowledged':
        await tx.update(SAFEGUARDING_CASES_TABLE, key, {
          acknowledged_by: event.data.by,
          acknowledged_at: event.data.at,
          acknowledged_late: event.data.late,
        });
        return;
      case 'CaseEscalatedToDeputy':
        await tx.update(SAFEGUARDING_CASES_TABLE, key, { escalated_to_deputy_at: event.data.at });
        return;
      case 'CaseOutcomeRecorded':
        // The reason may describe the child's situation: it stays in the event, not in this table.
        await tx.update(SAFEGUARDING_CASES_TABLE, key, {
          status: 'closed',
          outcome: event.data.outcome,
          outcome_at: event.data.at,
        });
        return;
    }
  },
};
