import { CONTRIBUTION_EVENT_TYPES } from '../../domain/index.js';
import { json, table, type Projection, type ProjectionTx, type RecordedEvent, type RowOf } from '#event-store';
import type { ContributionEvent, SafeguardingCaseEvent } from '../../domain/index.js';

/** One step of a view's journey as its author sees it; tabled and considered say at which meeting and item. */
export interface ReceiptStep {
  readonly step: string;
  readonly at: string;
  readonly meetingId?: string;
  readonly itemId?: string;
}

export const RECEIPTS = table({
  name: 'contribution_receipts',
  columns: {
    contribution_id: 'text',
    receipt_hash: 'text',
    tenant_id: 'text',
    author_pseudonym: 'text',
    sharing: 'text',
    // Oldest first: the order of the events, not of their timestamps.
    steps: json<ReceiptStep[]>(),
    // A question waiting for the author's answer (cleared when answered).
    question: { type: 'text', nullable: true },
    feedback: { type: 'text', nullable: true },
  },
  primaryKey: ['contribution_id'],
  indexes: [['receipt_hash']],
});

export type ReceiptsRow = RowOf<typeof RECEIPTS>;

// Which view a safeguarding case is about: its acknowledgement is a person reading the view.
export const RECEIPT_CASES = table({
  name: 'contribution_receipt_cases',
  columns: { case_id: 'text', contribution_id: 'text' },
  primaryKey: ['case_id'],
});

/**
 * What a young person sees when they come back with their receipt code: one row per view, found by
 * the code's hash, with the steps of its journey in the order they happened. An escalation is recorded
 * only as 'under-review' ("a worker has read your view"), and only once a person has: at once when a
 * moderator raised it, but for a view (or an answer) the screen withheld, when the safeguarding lead
 * acknowledges its case. Until then it reads like any view waiting to be read: nothing at the moment of
 * sending tells that the screen caught it, and the word "escalated" never reaches them. Erasure deletes
 * the row: the code then finds nothing.
 */
export const contributionReceiptsProjection: Projection = {
  name: 'voice_contribution_receipts',
  // 3: a screen's escalation waits for the case's acknowledgement; tabled and considered name the meeting.
  version: 3,
  eventTypes: [...CONTRIBUTION_EVENT_TYPES, 'SafeguardingCaseOpened', 'CaseAcknowledged'],
  streamPrefixes: ['contribution-', 'safeguarding-'],
  tables: [RECEIPTS, RECEIPT_CASES],
  async apply(recorded: RecordedEvent, tx) {
    if (recorded.type === 'SafeguardingCaseOpened' || recorded.type === 'CaseAcknowledged') {
      await onCase({ type: recorded.type, data: recorded.data } as SafeguardingCaseEvent, tx);
      return;
    }
    const event = { type: recorded.type, data: recorded.data } as ContributionEvent;
    const key = { contribution_id: event.data.contributionId };
    const addStep = async (
      step: string,
      set: Partial<Pick<ReceiptsRow, 'question' | 'feedback'>> = {},
      where: { meetingId: string; itemId: string } | undefined = undefined,
    ) => {
      const row = await tx.findOne(RECEIPTS, key);
      if (!row) return;
      const steps = [...row.steps, { step, at: event.data.at, ...where }];
      await tx.update(RECEIPTS, key, { ...set, steps });
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
          steps: [{ step: 'submitted', at }],
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
        // A moderator is a person who has read it; the screen is not: that step waits for the case's
        // acknowledgement (below), so the moment of sending looks like every other view's.
        if (event.data.reason === 'moderator') await addStep('under-review');
        return;
      case 'ContributionDeclined':
        // Why (the reason and the moderator's note) is read from the status model beside the journey.
        await addStep('declined');
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
        await addStep('tabled', {}, { meetingId: event.data.meetingId, itemId: event.data.itemId });
        return;
      case 'ContributionConsidered':
        await addStep('considered', {}, { meetingId: event.data.meetingId, itemId: event.data.itemId });
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

/**
 * A safeguarding case about a view: opening it records which view; its acknowledgement is the moment a
 * person (the safeguarding lead) has read the view, which its author may now be told, as 'under-review'.
 * Nothing about the case itself (categories, who, outcome) reaches the author.
 */
async function onCase(event: SafeguardingCaseEvent, tx: ProjectionTx): Promise<void> {
  if (event.type === 'SafeguardingCaseOpened') {
    await tx.upsert(RECEIPT_CASES, { case_id: event.data.caseId, contribution_id: event.data.contributionId });
    return;
  }
  if (event.type !== 'CaseAcknowledged') return;
  const found = await tx.findOne(RECEIPT_CASES, { case_id: event.data.caseId });
  if (!found) return;
  const key = { contribution_id: found.contribution_id };
  const row = await tx.findOne(RECEIPTS, key);
  if (!row) return;
  const { steps } = row;
  // Already told (a moderator raised it), or taken back by its author: nothing new to say.
  if (steps.some((s) => s.step === 'under-review' || s.step === 'withdrawn')) return;
  const next = [...steps, { step: 'under-review', at: event.data.at }];
  await tx.update(RECEIPTS, key, { steps: next, question: null });
}
