import { json, table, type Projection, type RecordedEvent, type RowOf } from '#event-store';
import { CONTRIBUTION_EVENT_TYPES, type ContributionEvent } from '../../domain/index.js';

/** One answer the board gave to the view, as recorded: each is kept, a later one never replaces it. */
export interface StoredAnswer {
  readonly text: string;
  readonly at: string;
  readonly decisionIds: readonly string[];
  readonly actionIds: readonly string[];
}

/** What the author wrote back when someone asked them a question about their view. */
export interface StoredReply {
  readonly text: string;
  readonly at: string;
}

export const MY_VIEW_JOURNEYS = table({
  name: 'my_view_journeys',
  columns: {
    tenant_id: 'text',
    contribution_id: 'text',
    channel: 'text',
    // As the author wrote it (trimmed), and their replies to questions.
    own_words: { type: 'text', nullable: true },
    replies: json<StoredReply[]>(),
    // What the board reads once moderation accepted it (the redacted text, if redacted).
    board_words: { type: 'text', nullable: true },
    redacted: 'boolean',
    // The moderator's latest summary (what the board reads for a view shared as a summary only).
    summary: { type: 'text', nullable: true },
    summary_at: { type: 'text', nullable: true },
    // Oldest first.
    answers: json<StoredAnswer[]>(),
  },
  primaryKey: ['tenant_id', 'contribution_id'],
});

export type MyViewJourneyRow = RowOf<typeof MY_VIEW_JOURNEYS>;

// Sealed fields of an erased subject come back unreadable on a rebuild: keep only real strings.
const words = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * What a young person reads about their own view by receipt code, besides its steps (the receipts read
 * model): their words as they wrote them (and their replies to questions), the words the board reads
 * (accepted as written, or the moderator's redacted version; anonymised on the way out when they chose
 * so), the moderator's summary for a view shared as a summary only, and every answer the board gave,
 * oldest first. The words come opened from the log, like every voice read model's, and go with the row
 * on erasure (the key is destroyed too, so a rebuild cannot bring them back). The board's words are
 * dropped when the view is withheld, declined or taken back. Never read by staff: no route but the
 * author's code reaches this table.
 */
export const myViewJourneyProjection: Projection = {
  name: 'voice_my_view_journey',
  version: 1,
  eventTypes: CONTRIBUTION_EVENT_TYPES,
  streamPrefixes: ['contribution-'],
  tables: [MY_VIEW_JOURNEYS],
  async apply(recorded: RecordedEvent, tx) {
    const event = { type: recorded.type, data: recorded.data } as ContributionEvent;
    const key = { tenant_id: recorded.metadata.tenantId, contribution_id: event.data.contributionId };
    const set = (values: Partial<MyViewJourneyRow>) => tx.update(MY_VIEW_JOURNEYS, key, values);
    switch (event.type) {
      case 'ContributionSubmitted':
        await tx.upsert(MY_VIEW_JOURNEYS, {
          ...key,
          channel: event.data.channel,
          own_words: words(event.data.text),
          replies: [],
          board_words: null,
          redacted: false,
          summary: null,
          summary_at: null,
          answers: [],
        });
        return;
      case 'ContributionQuestionAnswered': {
        const row = await tx.findOne(MY_VIEW_JOURNEYS, key);
        const text = words(event.data.text);
        if (!row || text === null) return;
        await set({ replies: [...row.replies, { text, at: event.data.at }] });
        return;
      }
      case 'ContributionAccepted': {
        const row = await tx.findOne(MY_VIEW_JOURNEYS, key);
        if (row) await set({ board_words: row.own_words, redacted: false });
        return;
      }
      case 'ContributionAcceptedWithRedactions':
        await set({ board_words: words(event.data.text), redacted: true });
        return;
      case 'ContributionSummarised':
        await set({ summary: words(event.data.text), summary_at: event.data.at });
        return;
      case 'ContributionEscalatedForSafeguarding':
      case 'ContributionDeclined':
      case 'ContributionWithdrawn':
        // The board will not read it (again): nothing of what it would have read is kept.
        await set({ board_words: null, summary: null, summary_at: null });
        return;
      case 'ContributionFeedbackRecorded': {
        const row = await tx.findOne(MY_VIEW_JOURNEYS, key);
        if (!row) return;
        const { text, at, decisionIds, actionIds } = event.data;
        const answers = [...row.answers, { text, at, decisionIds: [...decisionIds], actionIds: [...actionIds] }];
        await set({ answers });
        return;
      }
      case 'ContributionErased':
        // Their words, the board's, the summary and the answers: all go with the row.
        await tx.delete(MY_VIEW_JOURNEYS, key);
        return;
      default:
        return;
    }
  },
};
