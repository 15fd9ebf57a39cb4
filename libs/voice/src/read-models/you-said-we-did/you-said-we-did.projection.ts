import { CONTRIBUTION_EVENT_TYPES, type ContributionEvent } from '../../domain/index.js';
import { oneOf, json, table, type Projection, type RecordedEvent, type RowOf } from '#event-store';
import { CITED_VIEW_STATE_NAMES } from '#board/contracts';

/**
 * Where a view stands for anyone outside moderation; erasure outranks withdrawal, which outranks
 * withholding. The same words the decisions register shows for a cited view (the board's contract,
 * which this read model answers): one list, defined there.
 */
export type PublicViewState = (typeof CITED_VIEW_STATE_NAMES)[number];

export const YSWD_VIEWS = table({
  name: 'you_said_we_did_views',
  columns: {
    tenant_id: 'text',
    contribution_id: 'text',
    /** A PublicViewState. */
    state: 'text',
    accepted: 'boolean',
    sharing: 'text',
    themes: json<string[]>(),
    words: { type: 'text', nullable: true },
    submitted_at: 'text',
  },
  primaryKey: ['tenant_id', 'contribution_id'],
});

export type PublicViewRow = RowOf<typeof YSWD_VIEWS>;

export const YSWD_FEEDBACK = table({
  name: 'you_said_we_did_feedback',
  columns: {
    tenant_id: 'text',
    feedback_id: 'text',
    text: 'text',
    decision_ids: json<string[]>(),
    action_ids: json<string[]>(),
    given_at: 'text',
    // The first recording's global position: newest first, whatever the clocks said.
    position: 'text',
  },
  primaryKey: ['tenant_id', 'feedback_id'],
  indexes: [['tenant_id', 'position']],
});

export type FeedbackRow = RowOf<typeof YSWD_FEEDBACK>;

export const YSWD_ANSWERS = table({
  name: 'you_said_we_did_answers',
  columns: { tenant_id: 'text', feedback_id: 'text', contribution_id: 'text' },
  primaryKey: ['tenant_id', 'feedback_id', 'contribution_id'],
});

/** The state a views row holds ('current' for any word it never writes). */
export function publicViewState(row: Pick<PublicViewRow, 'state'>): PublicViewState {
  return oneOf(CITED_VIEW_STATE_NAMES, row.state) ?? 'current';
}

// Sealed fields of an erased subject come back unreadable on a rebuild: keep only real strings.
const words = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * "You said, we did": every response the board gave (once per feedbackId, however many views it
 * answers), the views it answers, and for each view only what the public list may ever need: its state,
 * the author's sharing choice, themes, and the words as accepted. The words are the moderator's redacted
 * text once redacted (never the original again), and are dropped for good on withholding, withdrawal and
 * erasure. No author pseudonym, receipt hash, age band or care status is kept.
 */
export const youSaidWeDidProjection: Projection = {
  name: 'voice_you_said_we_did',
  version: 1,
  eventTypes: CONTRIBUTION_EVENT_TYPES,
  streamPrefixes: ['contribution-'],
  tables: [YSWD_VIEWS, YSWD_FEEDBACK, YSWD_ANSWERS],
  async apply(recorded: RecordedEvent, tx) {
    const tenant_id = recorded.metadata.tenantId;
    const event = { type: recorded.type, data: recorded.data } as ContributionEvent;
    const key = { tenant_id, contribution_id: event.data.contributionId };
    if (event.type === 'ContributionSubmitted') {
      const { text, sharing, themes, at } = event.data;
      await tx.upsert(YSWD_VIEWS, {
        ...key,
        state: 'current',
        accepted: false,
        sharing,
        themes: [...themes],
        words: words(text),
        submitted_at: at,
      });
      return;
    }
    const row = await tx.findOne(YSWD_VIEWS, key);
    if (!row) return;
    const state = publicViewState(row);
    let set: Partial<PublicViewRow> | undefined;
    switch (event.type) {
      case 'ContributionAccepted':
        set = { accepted: true };
        break;
      case 'ContributionAcceptedWithRedactions':
        set = { accepted: true, words: words(event.data.text) };
        break;
      case 'ContributionEscalatedForSafeguarding':
        set = { state: state === 'current' ? 'withheld' : state, words: null };
        break;
      case 'ContributionSharingChanged':
        set = { sharing: event.data.sharing };
        break;
      case 'ContributionWithdrawn':
        set = { state: state === 'erased' ? 'erased' : 'withdrawn', words: null };
        break;
      case 'ContributionErased':
        set = { state: 'erased', words: null };
        break;
      case 'ContributionFeedbackRecorded': {
        const { feedbackId, text, decisionIds, actionIds, at } = event.data;
        const feedbackKey = { tenant_id, feedback_id: feedbackId };
        // A group's response arrives once per view, with the same words: the first one stands.
        if (!(await tx.findOne(YSWD_FEEDBACK, feedbackKey))) {
          await tx.insert(YSWD_FEEDBACK, {
            ...feedbackKey,
            text,
            decision_ids: [...decisionIds],
            action_ids: [...actionIds],
            given_at: at,
            position: recorded.position,
          });
        }
        await tx.upsert(YSWD_ANSWERS, { ...feedbackKey, contribution_id: key.contribution_id });
        return;
      }
      default:
        return;
    }
    await tx.update(YSWD_VIEWS, key, set);
  },
};
