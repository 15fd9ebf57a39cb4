import { CONTRIBUTION_EVENT_TYPES } from '../../domain/index.js';
import type { ColumnValue, Projection, RecordedEvent } from '#event-store';
import type { ContributionEvent } from '../../domain/index.js';

export const RECEIPTS = 'contribution_receipts';

/** One step of a view's journey as its author sees it. */
export interface ReceiptStep {
  readonly step: string;
  readonly at: string;
}

/**
 * What a young person sees when they come back with their receipt code: one row per view, found by
 * the code's hash, with the steps of its journey in the order they happened. An escalation is recorded
 * only as 'under-review' ("a worker will be in touch if you need help"); the word "escalated" never
 * reaches them. Erasure deletes the row: the code then finds nothing.
 */
export const contributionReceiptsProjection: Projection = {
  name: 'voice_contribution_receipts',
  version: 2,
  eventTypes: CONTRIBUTION_EVENT_TYPES,
  streamPrefixes: ['contribution-'],
  tables: [
    {
      name: RECEIPTS,
      columns: {
        contribution_id: 'text',
        receipt_hash: 'text',
        tenant_id: 'text',
        author_pseudonym: 'text',
        sharing: 'text',
        // ReceiptStep[], oldest first: the order of the events, not of their timestamps.
        steps: 'json',
        // A question waiting for the author's answer (cleared when answered).
        question: { type: 'text', nullable: true },
        feedback: { type: 'text', nullable: true },
      },
      primaryKey: ['contribution_id'],
      indexes: [['receipt_hash']],
    },
  ],
  async apply(recorded: RecordedEvent, tx) {
    const event = { type: recorded.type, data: recorded.data } as ContributionEvent;
    const key = { contribution_id: event.data.contributionId };
    const addStep = async (step: string, set: Record<string, string | null> = {}) => {
      const row = await tx.findOne(RECEIPTS, key);
      if (!row) return;
      const stored = typeof row.steps === 'string' ? (JSON.parse(row.steps) as unknown) : row.steps;
      const steps = [...(stored as unknown as ReceiptStep[]), { step, at: event.data.at }];
      await tx.update(RECEIPTS, key, { ...set, steps: steps as unknown as ColumnValue });
    };
    switch (event.type) {
      case 'ContributionSubmitted': {
        const { receiptCodeHash, authorPseudonym, sharing, at } = event.data;
        // On a rebuild after erasure the hash reads as erased: no code can open this view, so no row.
        if (typeof receiptCodeHash !== 'string') return;
        await tx.upsert(RECEIPTS, {
          ...key,
          receipt_hash: receiptCodeHash,
          tenant_id: recorded.metadata.tenantId,
          author_pseudonym: authorPseudonym,
          sharing,
          steps: [{ step: 'submitted', at }] as unknown as ColumnValue,
          question: null,
          feedback: null,
        });
        return;
      }
      case 'ContributionAccepted':
      case 'ContributionAcceptedWithRedactions':
        await addStep('accepted');
        return;
      case 'ContributionEscalatedForSafeguarding':
        await addStep('under-review');
        return;
      case 'ContributionQuestionAsked':
        await addStep('question-asked', { question: event.data.question });
        return;
      case 'ContributionQuestionAnswered':
        await addStep('answered', { question: null });
        return;
      case 'ContributionSharingChanged':
        await tx.update(RECEIPTS, key, { sharing: event.data.sharing });
        return;
      case 'ContributionTabled':
        await addStep('tabled');
        return;
      case 'ContributionConsidered':
        await addStep('considered');
        return;
      case 'ContributionFeedbackRecorded':
        await addStep('feedback', { feedback: event.data.text });
        return;
      case 'ContributionClosed':
        await addStep('closed');
        return;
      case 'ContributionWithdrawn':
        await addStep('withdrawn', { question: null });
        return;
      case 'ContributionErased':
        // The hash, the pseudonym and the board's words for this view all go.
        await tx.delete(RECEIPTS, key);
        return;
      default:
        return;
    }
  },
};
