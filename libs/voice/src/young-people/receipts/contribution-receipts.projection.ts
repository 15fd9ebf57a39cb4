import type { Projection, RecordedEvent } from '#event-store';
import type { ContributionEvent } from '../../domain/index.js';

export const RECEIPTS = 'contribution_receipts';

/**
 * What a young person sees when they come back with their receipt code: one row per view, found by
 * the code's hash, with the date of each step of its journey. An escalation is recorded only as
 * "a worker will be in touch" (`review = 'support'`); the word "escalated" never reaches them.
 * Erasure deletes the row: the code then finds nothing.
 */
export const contributionReceiptsProjection: Projection = {
  name: 'voice_contribution_receipts',
  version: 1,
  eventTypes: [
    'ContributionSubmitted',
    'ContributionAccepted',
    'ContributionAcceptedWithRedactions',
    'ContributionQuestionAsked',
    'ContributionQuestionAnswered',
    'ContributionEscalatedForSafeguarding',
    'ContributionSharingChanged',
    'ContributionTabled',
    'ContributionConsidered',
    'ContributionFeedbackRecorded',
    'ContributionClosed',
    'ContributionWithdrawn',
    'ContributionErased',
  ],
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
        submitted_at: 'text',
        // 'accepted' or 'support' (withheld for safeguarding: a worker will be in touch).
        review: { type: 'text', nullable: true },
        reviewed_at: { type: 'text', nullable: true },
        question: { type: 'text', nullable: true },
        question_at: { type: 'text', nullable: true },
        answered_at: { type: 'text', nullable: true },
        tabled_at: { type: 'text', nullable: true },
        considered_at: { type: 'text', nullable: true },
        feedback: { type: 'text', nullable: true },
        feedback_at: { type: 'text', nullable: true },
        closed_at: { type: 'text', nullable: true },
        withdrawn_at: { type: 'text', nullable: true },
      },
      primaryKey: ['contribution_id'],
      indexes: [['receipt_hash']],
    },
  ],
  async apply(recorded: RecordedEvent, tx) {
    const event = { type: recorded.type, data: recorded.data } as ContributionEvent;
    const key = { contribution_id: event.data.contributionId };
    switch (event.type) {
      case 'ContributionSubmitted': {
        const { receiptCodeHash, authorPseudonym, sharing, at } = event.data;
        await tx.upsert(RECEIPTS, {
          ...key,
          receipt_hash: receiptCodeHash,
          tenant_id: recorded.metadata.tenantId,
          author_pseudonym: authorPseudonym,
          sharing,
          submitted_at: at,
        });
        return;
      }
      case 'ContributionAccepted':
      case 'ContributionAcceptedWithRedactions': {
        const row = await tx.findOne(RECEIPTS, key);
        // An escalated view stays "a worker will be in touch" whatever else happens.
        if (!row || row.review === 'support') return;
        await tx.update(RECEIPTS, key, { review: 'accepted', reviewed_at: event.data.at });
        return;
      }
      case 'ContributionEscalatedForSafeguarding':
        await tx.update(RECEIPTS, key, { review: 'support', reviewed_at: event.data.at });
        return;
      case 'ContributionQuestionAsked':
        await tx.update(RECEIPTS, key, {
          question: event.data.question,
          question_at: event.data.at,
          answered_at: null,
        });
        return;
      case 'ContributionQuestionAnswered':
        await tx.update(RECEIPTS, key, { answered_at: event.data.at });
        return;
      case 'ContributionSharingChanged':
        await tx.update(RECEIPTS, key, { sharing: event.data.sharing });
        return;
      case 'ContributionTabled':
        await tx.update(RECEIPTS, key, { tabled_at: event.data.at });
        return;
      case 'ContributionConsidered':
        await tx.update(RECEIPTS, key, { considered_at: event.data.at });
        return;
      case 'ContributionFeedbackRecorded':
        await tx.update(RECEIPTS, key, { feedback: event.data.text, feedback_at: event.data.at });
        return;
      case 'ContributionClosed':
        await tx.update(RECEIPTS, key, { closed_at: event.data.at });
        return;
      case 'ContributionWithdrawn':
        await tx.update(RECEIPTS, key, { withdrawn_at: event.data.at });
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
