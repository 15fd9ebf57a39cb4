import { json, table, type Projection, type ProjectionTx, type RecordedEvent, type RowOf } from '#event-store';
import type { ActionEvent, DecisionEvent } from '#board/contracts';
import type { ContributionEvent } from '#voice/contracts';
import { CONTRIBUTION_EVENT_TYPES } from '#voice/contracts';

const NO_STEP_DETAILS = { meeting_id: null, item_id: null, decision_id: null, feedback_id: null } as const;

export const VIEWS = table({
  name: 'insight_views',
  columns: {
    tenant_id: 'text',
    contribution_id: 'text',
    /** Its place in the order views arrived on this board: its short reference (V-0001). */
    arrival: 'integer',
    themes: json<string[]>(),
    sharing: 'text',
    channel: 'text',
    late: 'boolean',
    /** submitted | accepted | question-asked | withheld | declined | withdrawn | erased */
    state: 'text',
    submitted_at: 'text',
    accepted_at: { type: 'text', nullable: true },
    tabled_at: { type: 'text', nullable: true },
    considered_at: { type: 'text', nullable: true },
    first_feedback_at: { type: 'text', nullable: true },
    closed: 'boolean',
    // Held between submission and moderation only: it becomes `words` if accepted as written.
    pending_text: { type: 'text', nullable: true },
    words: { type: 'text', nullable: true },
    summary: { type: 'text', nullable: true },
    /** current | change-requested; null without a summary. */
    summary_state: { type: 'text', nullable: true },
  },
  primaryKey: ['tenant_id', 'contribution_id'],
  indexes: [['tenant_id', 'submitted_at']],
});

export const VIEW_STEPS = table({
  name: 'insight_view_steps',
  columns: {
    tenant_id: 'text',
    contribution_id: 'text',
    position: 'text',
    step: 'text',
    at: 'text',
    meeting_id: { type: 'text', nullable: true },
    item_id: { type: 'text', nullable: true },
    decision_id: { type: 'text', nullable: true },
    feedback_id: { type: 'text', nullable: true },
  },
  primaryKey: ['tenant_id', 'contribution_id', 'position', 'step'],
});

export const DECISIONS = table({
  name: 'insight_decisions',
  columns: {
    tenant_id: 'text',
    decision_id: 'text',
    meeting_id: 'text',
    item_id: 'text',
    resolution: 'text',
    themes: json<string[]>(),
    recorded_at: 'text',
    cited: 'integer',
    none_applied_reason: { type: 'text', nullable: true },
    /** in-force | amended | superseded */
    status: 'text',
  },
  primaryKey: ['tenant_id', 'decision_id'],
  indexes: [['tenant_id', 'recorded_at']],
});

export const CITATIONS = table({
  name: 'insight_citations',
  columns: {
    tenant_id: 'text',
    decision_id: 'text',
    contribution_id: 'text',
    influence: 'text',
    rationale: 'text',
    // Only for a view cited without having been tabled at the decision's item: the chair's reason.
    not_tabled_reason: { type: 'text', nullable: true },
    recorded_at: 'text',
  },
  primaryKey: ['tenant_id', 'decision_id', 'contribution_id'],
  indexes: [['tenant_id', 'contribution_id']],
});

export const ACTIONS = table({
  name: 'insight_actions',
  columns: {
    tenant_id: 'text',
    action_id: 'text',
    decision_id: 'text',
    description: 'text',
    due_on: 'text',
    /** open | completed | cancelled */
    status: 'text',
    assigned_at: 'text',
    completed_on: { type: 'text', nullable: true },
  },
  primaryKey: ['tenant_id', 'action_id'],
  indexes: [['tenant_id', 'decision_id']],
});

export const FEEDBACK = table({
  name: 'insight_feedback',
  columns: {
    tenant_id: 'text',
    feedback_id: 'text',
    contribution_id: 'text',
    text: 'text',
    decision_ids: json<string[]>(),
    action_ids: json<string[]>(),
    at: 'text',
  },
  primaryKey: ['tenant_id', 'feedback_id', 'contribution_id'],
  indexes: [['tenant_id', 'contribution_id']],
});

/** How many views have arrived on each board: the next one's `arrival` is one more. */
export const ARRIVALS = table({
  name: 'insight_view_arrivals',
  columns: { tenant_id: 'text', arrived: 'integer' },
  primaryKey: ['tenant_id'],
});

/** Counts a view in as it arrives on its board; answers its place in the order (1, 2, ...). */
async function arrived(tx: ProjectionTx, tenant_id: string): Promise<number> {
  await tx.increment(ARRIVALS, { tenant_id }, 'arrived');
  return (await tx.findOne(ARRIVALS, { tenant_id }))?.arrived ?? 1;
}

/** What a step may say beside its name: the meeting, item, decision or feedback it concerns. */
type StepDetails = Partial<Pick<RowOf<typeof VIEW_STEPS>, keyof typeof NO_STEP_DETAILS>>;

// Sealed fields of an erased subject come back unreadable on a rebuild: keep only real strings.
const words = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * One projection joins the two contexts' logs, so every insight question reads tables that are
 * consistent with each other (one checkpoint): views and what happened to them, decisions and the
 * views they cited, the actions that followed and the feedback young people were given.
 *
 * A view's words are kept only in `words`: what the board may see (the accepted text, or the
 * moderator's redacted version), and only while the view is available to the board; its latest summary
 * (what the board reads of a view shared "summary only") in `summary`, with `summary_state` 'current'
 * or 'change-requested' (its author asked for a rewrite). A view withheld for safeguarding, withdrawn,
 * erased or declined keeps no words or summary here at all; queries then say which it was.
 */
export const voiceInfluenceProjection: Projection = {
  name: 'insight_voice_influence',
  // 2: summaries, and views declined by moderation; why a view not tabled at the item was cited.
  // 3: each view's place in the order of arrival on its board (its short reference).
  version: 3,
  eventTypes: [
    ...CONTRIBUTION_EVENT_TYPES,
    'DecisionRecorded',
    'DecisionAmended',
    'DecisionSuperseded',
    'ActionAssigned',
    'ActionCompleted',
    'ActionCancelled',
  ],
  streamPrefixes: ['contribution-', 'decision-', 'action-'],
  tables: [VIEWS, VIEW_STEPS, DECISIONS, CITATIONS, ACTIONS, FEEDBACK, ARRIVALS],
  async apply(recorded: RecordedEvent, tx) {
    const tenant_id = recorded.metadata.tenantId;
    const event = { type: recorded.type, data: recorded.data } as ContributionEvent | DecisionEvent | ActionEvent;
    // Every column named (the optional ones null unless given), so the row is written without being read.
    const step = (contribution_id: string, name: string, at: string, extra: StepDetails = {}) =>
      tx.upsert(VIEW_STEPS, {
        tenant_id,
        contribution_id,
        position: recorded.position,
        step: name,
        at,
        ...NO_STEP_DETAILS,
        ...extra,
      });
    switch (event.type) {
      case 'DecisionRecorded': {
        const { decisionId, meetingId, itemId, resolution, themes, voiceEvidence, at } = event.data;
        const citations = voiceEvidence.contributions ?? [];
        await tx.upsert(DECISIONS, {
          tenant_id,
          decision_id: decisionId,
          meeting_id: meetingId,
          item_id: itemId,
          resolution,
          themes: [...themes],
          recorded_at: at,
          cited: citations.length,
          none_applied_reason: voiceEvidence.noneApplied?.reason ?? null,
          status: 'in-force',
        });
        for (const { contributionId, influence, rationale, notTabledReason } of citations) {
          await tx.upsert(CITATIONS, {
            tenant_id,
            decision_id: decisionId,
            contribution_id: contributionId,
            influence,
            rationale,
            not_tabled_reason: notTabledReason ?? null,
            recorded_at: at,
          });
          await step(contributionId, 'cited', at, { decision_id: decisionId, meeting_id: meetingId, item_id: itemId });
        }
        return;
      }
      case 'DecisionAmended':
      case 'DecisionSuperseded': {
        const status = event.type === 'DecisionAmended' ? 'amended' : 'superseded';
        await tx.update(DECISIONS, { tenant_id, decision_id: event.data.decisionId }, { status });
        return;
      }
      case 'ActionAssigned': {
        const { actionId, decisionId, description, dueOn, at } = event.data;
        await tx.upsert(ACTIONS, {
          tenant_id,
          action_id: actionId,
          decision_id: decisionId,
          description,
          due_on: dueOn,
          status: 'open',
          assigned_at: at,
          completed_on: null,
        });
        return;
      }
      case 'ActionCompleted':
        await tx.update(
          ACTIONS,
          { tenant_id, action_id: event.data.actionId },
          { status: 'completed', completed_on: event.data.completedOn },
        );
        return;
      case 'ActionCancelled':
        await tx.update(ACTIONS, { tenant_id, action_id: event.data.actionId }, { status: 'cancelled' });
        return;
      case 'ActionProgressRecorded':
        return;
    }
    // The rest are a view's own events.
    const key = { tenant_id, contribution_id: event.data.contributionId };
    const { at } = event.data;
    switch (event.type) {
      case 'ContributionSubmitted': {
        const { themes, sharing, channel, late, text } = event.data;
        await tx.upsert(VIEWS, {
          ...key,
          arrival: await arrived(tx, tenant_id),
          themes: [...themes],
          sharing,
          channel,
          late,
          state: 'submitted',
          submitted_at: at,
          accepted_at: null,
          tabled_at: null,
          considered_at: null,
          first_feedback_at: null,
          closed: false,
          pending_text: words(text),
          words: null,
          summary: null,
          summary_state: null,
        });
        await step(key.contribution_id, 'submitted', at);
        return;
      }
      case 'ContributionAccepted':
      case 'ContributionAcceptedWithRedactions': {
        const view = await tx.findOne(VIEWS, key);
        if (!view || (view.state !== 'submitted' && view.state !== 'question-asked')) return;
        const accepted = event.type === 'ContributionAccepted' ? words(view.pending_text) : words(event.data.text);
        await tx.update(VIEWS, key, { state: 'accepted', accepted_at: at, pending_text: null, words: accepted });
        await step(
          key.contribution_id,
          event.type === 'ContributionAccepted' ? 'accepted' : 'accepted-with-redactions',
          at,
        );
        return;
      }
      case 'ContributionSummarised': {
        const view = await tx.findOne(VIEWS, key);
        if (view?.state !== 'accepted') return;
        await tx.update(VIEWS, key, { summary: words(event.data.text), summary_state: 'current' });
        await step(key.contribution_id, 'summarised', at);
        return;
      }
      case 'ContributionSummaryAgreed':
      case 'ContributionSummaryChangeRequested': {
        const view = await tx.findOne(VIEWS, key);
        if (view?.summary === null || view?.summary === undefined) return;
        const agreed = event.type === 'ContributionSummaryAgreed';
        await tx.update(VIEWS, key, { summary_state: agreed ? 'current' : 'change-requested' });
        await step(key.contribution_id, agreed ? 'summary-agreed' : 'summary-change-requested', at);
        return;
      }
      case 'ContributionDeclined':
        // Never for the board: only that it was declined.
        await tx.update(VIEWS, key, { state: 'declined', pending_text: null, words: null, summary: null });
        await step(key.contribution_id, 'declined', at);
        return;
      case 'ContributionQuestionAsked':
        await tx.update(VIEWS, key, { state: 'question-asked' });
        await step(key.contribution_id, 'question-asked', at);
        return;
      case 'ContributionQuestionAnswered':
        await step(key.contribution_id, 'question-answered', at);
        return;
      case 'ContributionEscalatedForSafeguarding':
        // Withheld for good: nothing of it reaches a board-facing view again, only that one was withheld.
        await tx.update(VIEWS, key, { state: 'withheld', pending_text: null, words: null, summary: null });
        return;
      case 'ContributionSharingChanged':
        await tx.update(VIEWS, key, { sharing: event.data.sharing });
        await step(key.contribution_id, 'sharing-changed', at);
        return;
      case 'ContributionTabled': {
        const view = await tx.findOne(VIEWS, key);
        if (view && view.tabled_at === null) await tx.update(VIEWS, key, { tabled_at: at });
        await step(key.contribution_id, 'tabled', at, { meeting_id: event.data.meetingId, item_id: event.data.itemId });
        return;
      }
      case 'ContributionConsidered': {
        const view = await tx.findOne(VIEWS, key);
        if (view && view.considered_at === null) await tx.update(VIEWS, key, { considered_at: at });
        await step(key.contribution_id, 'considered', at, {
          meeting_id: event.data.meetingId,
          item_id: event.data.itemId,
        });
        return;
      }
      case 'ContributionFeedbackRecorded': {
        const { feedbackId, text, decisionIds, actionIds } = event.data;
        await tx.upsert(FEEDBACK, {
          ...key,
          feedback_id: feedbackId,
          text,
          decision_ids: [...decisionIds],
          action_ids: [...actionIds],
          at,
        });
        const view = await tx.findOne(VIEWS, key);
        if (view && view.first_feedback_at === null) await tx.update(VIEWS, key, { first_feedback_at: at });
        await step(key.contribution_id, 'feedback', at, { feedback_id: feedbackId });
        return;
      }
      case 'ContributionClosed':
        await tx.update(VIEWS, key, { closed: true });
        await step(key.contribution_id, 'closed', at);
        return;
      case 'ContributionWithdrawn': {
        const view = await tx.findOne(VIEWS, key);
        // A withheld view stays withheld: that it was withdrawn too is not the board's to know.
        const state = view?.state === 'withheld' ? 'withheld' : 'withdrawn';
        await tx.update(VIEWS, key, { state, pending_text: null, words: null, summary: null });
        if (state === 'withdrawn') await step(key.contribution_id, 'withdrawn', at);
        return;
      }
      case 'ContributionErased': {
        const view = await tx.findOne(VIEWS, key);
        const state = view?.state === 'withheld' ? 'withheld' : 'erased';
        await tx.update(VIEWS, key, { state, pending_text: null, words: null, summary: null });
        if (state === 'erased') await step(key.contribution_id, 'erased', at);
        return;
      }
    }
  },
};
