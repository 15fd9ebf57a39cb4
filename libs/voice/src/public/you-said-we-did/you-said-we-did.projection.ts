import { CONTRIBUTION_EVENT_TYPES, type ContributionEvent } from '../../domain/index.js';
import type { Projection, RecordedEvent, Row } from '#event-store';

export const YSWD_VIEWS = 'you_said_we_did_views';
export const YSWD_FEEDBACK = 'you_said_we_did_feedback';
export const YSWD_ANSWERS = 'you_said_we_did_answers';

/** Where a view stands for anyone outside moderation; erasure outranks withdrawal, which outranks withholding. */
export type PublicViewState = 'current' | 'withdrawn' | 'erased' | 'withheld';

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
  tables: [
    {
      name: YSWD_VIEWS,
      columns: {
        tenant_id: 'text',
        contribution_id: 'text',
        state: 'text',
        accepted: 'boolean',
        sharing: 'text',
        themes: 'json',
        words: { type: 'text', nullable: true },
        submitted_at: 'text',
      },
      primaryKey: ['tenant_id', 'contribution_id'],
    },
    {
      name: YSWD_FEEDBACK,
      columns: {
        tenant_id: 'text',
        feedback_id: 'text',
        text: 'text',
        decision_ids: 'json',
        action_ids: 'json',
        given_at: 'text',
        // The first recording's global position: newest first, whatever the clocks said.
        position: 'text',
      },
      primaryKey: ['tenant_id', 'feedback_id'],
      indexes: [['tenant_id', 'position']],
    },
    {
      name: YSWD_ANSWERS,
      columns: { tenant_id: 'text', feedback_id: 'text', contribution_id: 'text' },
      primaryKey: ['tenant_id', 'feedback_id', 'contribution_id'],
    },
  ],
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
    const state = String(row.state) as PublicViewState;
    let set: Row | undefined;
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
