import { CONTRIBUTION_EVENT_TYPES } from '../../domain/index.js';
import { json, table, type Projection, type RecordedEvent, type RowOf } from '#event-store';
import type { ContributionEvent, ContributionStatus, ContributionTarget } from '../../domain/index.js';

export const CONTRIBUTION_STATUS_TABLE = table({
  name: 'contribution_status',
  columns: {
    tenant_id: 'text',
    contribution_id: 'text',
    /** Its place in the order views arrived on this board (1, 2, ...): its short reference (V-0001). */
    arrival: 'integer',
    /** A ContributionStatus. */
    status: 'text',
    escalated: 'boolean',
    escalation_reason: { type: 'text', nullable: true },
    escalation_categories: json<string[]>(true),
    withdrawn: 'boolean',
    erased: 'boolean',
    /** A Sharing. */
    sharing: 'text',
    themes: json<string[]>(),
    target: json<ContributionTarget>(),
    late: 'boolean',
    submitted_at: 'text',
    escalated_at: { type: 'text', nullable: true },
    text: { type: 'text', nullable: true },
    redacted_text: { type: 'text', nullable: true },
    answer_text: { type: 'text', nullable: true },
    // The latest summary: 0 and null until one is written.
    summary_version: 'integer',
    summary: { type: 'text', nullable: true },
    summary_at: { type: 'text', nullable: true },
    /** agreed | change-requested: the author's answer to the latest version, if any. */
    summary_response: { type: 'text', nullable: true },
    summary_message: { type: 'text', nullable: true },
    decline_reason: { type: 'text', nullable: true },
    decline_note: { type: 'text', nullable: true },
  },
  primaryKey: ['tenant_id', 'contribution_id'],
  indexes: [['tenant_id', 'status']],
});

export type ContributionStatusRow = RowOf<typeof CONTRIBUTION_STATUS_TABLE>;

/** How many views have arrived on each board: the next one's `arrival` is one more. */
export const CONTRIBUTION_ARRIVALS_TABLE = table({
  name: 'contribution_arrivals',
  columns: { tenant_id: 'text', arrived: 'integer' },
  primaryKey: ['tenant_id'],
});

// The board's path only moves forward (as in the domain's evolve): tabling a considered view elsewhere
// leaves it considered.
const BOARD_PATH: readonly string[] = ['accepted', 'tabled', 'considered', 'responded', 'closed'];
const advance = (current: string, to: ContributionStatus): string =>
  BOARD_PATH.indexOf(current) > BOARD_PATH.indexOf(to) ? current : to;

// Sealed fields of an erased subject come back unreadable on a rebuild: keep only real strings.
const words = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * Where each view stands, for staff: moderation queue, safeguarding queue, citability for the board.
 * It holds the view's words (and the redacted version) because the moderator and the safeguarding lead
 * must read them; every query that returns them records the read. Erasure deletes the words.
 * It holds the latest summary too (what the board reads of a view shared "summary only"), with what its
 * author said about it, and why a moderator declined a view: erasure deletes them as well.
 */
export const contributionStatusProjection: Projection = {
  name: 'voice_contribution_status',
  // 2: erasure also clears the screen's categories; a rebuild reads erased (sealed) fields safely.
  // 3: summaries (and the author's answer to them) and declined views.
  // 4: each view's place in the order of arrival on its board (its short reference).
  version: 4,
  eventTypes: CONTRIBUTION_EVENT_TYPES,
  streamPrefixes: ['contribution-'],
  tables: [CONTRIBUTION_STATUS_TABLE, CONTRIBUTION_ARRIVALS_TABLE],
  async apply(recorded: RecordedEvent, tx) {
    const tenant_id = recorded.metadata.tenantId;
    const event = { type: recorded.type, data: recorded.data } as ContributionEvent;
    const key = { tenant_id, contribution_id: event.data.contributionId };
    if (event.type === 'ContributionSubmitted') {
      const { text, themes, target, sharing, late, at } = event.data;
      await tx.increment(CONTRIBUTION_ARRIVALS_TABLE, { tenant_id }, 'arrived');
      const arrival = (await tx.findOne(CONTRIBUTION_ARRIVALS_TABLE, { tenant_id }))?.arrived ?? 1;
      await tx.upsert(CONTRIBUTION_STATUS_TABLE, {
        ...key,
        arrival,
        status: 'submitted',
        escalated: false,
        withdrawn: false,
        erased: false,
        sharing,
        themes: [...themes],
        target: { ...target },
        late,
        submitted_at: at,
        text: words(text),
        summary_version: 0,
      });
      return;
    }
    const row = await tx.findOne(CONTRIBUTION_STATUS_TABLE, key);
    if (!row) return;
    const status = row.status;
    let set: Partial<ContributionStatusRow> | undefined;
    switch (event.type) {
      case 'ContributionAccepted':
        set = { status: 'accepted' };
        break;
      case 'ContributionAcceptedWithRedactions':
        set = { status: 'accepted', redacted_text: words(event.data.text) };
        break;
      case 'ContributionSummarised':
        set = {
          summary_version: event.data.version,
          summary: words(event.data.text),
          summary_at: event.data.at,
          summary_response: null,
          summary_message: null,
        };
        break;
      case 'ContributionSummaryAgreed':
      case 'ContributionSummaryChangeRequested':
        set = {
          summary_response: event.type === 'ContributionSummaryAgreed' ? 'agreed' : 'change-requested',
          summary_message: words(event.data.message),
        };
        break;
      case 'ContributionDeclined':
        set = { status: 'declined', decline_reason: event.data.reason, decline_note: words(event.data.note) };
        break;
      case 'ContributionQuestionAsked':
        set = { status: 'question-asked' };
        break;
      case 'ContributionQuestionAnswered':
        set = { status: 'answered', answer_text: words(event.data.text) };
        break;
      case 'ContributionEscalatedForSafeguarding':
        set = {
          status: status === 'withdrawn' ? 'withdrawn' : 'escalated',
          escalated: true,
          escalation_reason: event.data.reason,
          // Sealed: on a rebuild after erasure they read as erased, not as a list.
          escalation_categories: Array.isArray(event.data.categories) ? [...event.data.categories] : null,
          escalated_at: event.data.at,
        };
        break;
      case 'ContributionSharingChanged':
        set = { sharing: event.data.sharing };
        break;
      case 'ContributionTabled':
        set = { status: advance(status, 'tabled') };
        break;
      case 'ContributionConsidered':
        set = { status: advance(status, 'considered') };
        break;
      case 'ContributionFeedbackRecorded':
        set = { status: advance(status, 'responded') };
        break;
      case 'ContributionClosed':
        set = { status: 'closed' };
        break;
      case 'ContributionWithdrawn':
        // The words stay until erasure: the safeguarding lead may still need them (the duty outlives it).
        set = { status: 'withdrawn', withdrawn: true };
        break;
      case 'ContributionErased':
        set = {
          status: 'erased',
          erased: true,
          text: null,
          redacted_text: null,
          answer_text: null,
          summary: null,
          summary_message: null,
          decline_note: null,
          // The screen's categories are about this child too (sealed in the event).
          escalation_categories: null,
        };
        break;
    }
    if (set) await tx.update(CONTRIBUTION_STATUS_TABLE, key, set);
  },
};
