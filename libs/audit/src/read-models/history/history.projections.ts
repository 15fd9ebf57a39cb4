import { json, table, type Projection, type RecordedEvent } from '#event-store';

/** What the timeline keeps of a view's life: enough to say, at any log position, whether the board had it. */
export type TimelineKind =
  'submitted' | 'accepted' | 'tabled' | 'considered' | 'escalated' | 'withdrawn' | 'erased' | 'cited';

// Event type → timeline kind. Types are named as strings: the audit reads the log, not the voice domain.
const KIND_OF: Readonly<Record<string, TimelineKind>> = {
  ContributionSubmitted: 'submitted',
  ContributionAccepted: 'accepted',
  ContributionAcceptedWithRedactions: 'accepted',
  ContributionTabled: 'tabled',
  ContributionConsidered: 'considered',
  ContributionEscalatedForSafeguarding: 'escalated',
  ContributionWithdrawn: 'withdrawn',
  ContributionErased: 'erased',
};

export const VIEW_TIMELINE = table({
  name: 'audit_view_timeline',
  columns: {
    tenant_id: 'text',
    contribution_id: 'text',
    position: 'text',
    kind: 'text',
    meeting_id: { type: 'text', nullable: true },
    item_id: { type: 'text', nullable: true },
    decision_id: { type: 'text', nullable: true },
    influence: { type: 'text', nullable: true },
    themes: json<string[]>(true),
    /** On a 'submitted' row: its place in the order views arrived on the board (its short reference, V-0001). */
    arrival: { type: 'integer', nullable: true },
    recorded_at: 'text',
  },
  // A decision citing two views writes two rows at one position.
  primaryKey: ['position', 'contribution_id'],
  indexes: [
    ['tenant_id', 'meeting_id', 'item_id', 'position'],
    ['tenant_id', 'contribution_id', 'position'],
  ],
});

/** How many views have arrived on each board: the next one's `arrival` is one more. */
export const VIEW_ARRIVALS = table({
  name: 'audit_view_arrivals',
  columns: { tenant_id: 'text', arrived: 'integer' },
  primaryKey: ['tenant_id'],
});

interface Citation {
  readonly contributionId: string;
  readonly influence: string;
}

/**
 * An index of views' moments in log order, so time travel never replays the log: "which views were
 * tabled at this item, and which of them were available, at position P" is two indexed range reads.
 * Ids, themes, kinds and times only: never a young person's words or identity.
 */
export const viewTimelineProjection: Projection = {
  name: 'audit_view_timeline',
  // 2: each view's place in the order views arrived on its board, counted as voice counts it (every
  // ContributionSubmitted, in log order), so the audit names a view as staff pages do.
  version: 2,
  eventTypes: [...Object.keys(KIND_OF), 'DecisionRecorded'],
  tables: [VIEW_TIMELINE, VIEW_ARRIVALS],
  async apply(event: RecordedEvent, tx) {
    const base = {
      tenant_id: event.metadata.tenantId,
      position: event.position,
      recorded_at: event.metadata.recordedAt,
      meeting_id: null,
      item_id: null,
      decision_id: null,
      influence: null,
      themes: null,
      arrival: null,
    };
    if (event.type === 'DecisionRecorded') {
      const data = event.data as {
        decisionId: string;
        meetingId: string;
        itemId: string;
        voiceEvidence?: { contributions?: readonly Citation[] };
      };
      for (const citation of data.voiceEvidence?.contributions ?? []) {
        await tx.upsert(VIEW_TIMELINE, {
          ...base,
          contribution_id: citation.contributionId,
          kind: 'cited',
          meeting_id: data.meetingId,
          item_id: data.itemId,
          decision_id: data.decisionId,
          influence: citation.influence,
        });
      }
      return;
    }
    const kind = KIND_OF[event.type];
    if (!kind) return;
    const data = event.data as { contributionId: string; meetingId?: string; itemId?: string; themes?: string[] };
    const tenant_id = event.metadata.tenantId;
    if (kind === 'submitted') await tx.increment(VIEW_ARRIVALS, { tenant_id }, 'arrived');
    await tx.upsert(VIEW_TIMELINE, {
      ...base,
      contribution_id: data.contributionId,
      kind,
      meeting_id: data.meetingId ?? null,
      item_id: data.itemId ?? null,
      themes: kind === 'submitted' ? [...(data.themes ?? [])] : null,
      arrival: kind === 'submitted' ? ((await tx.findOne(VIEW_ARRIVALS, { tenant_id }))?.arrived ?? 1) : null,
    });
  },
};

export const HISTORY_PROJECTIONS: readonly Projection[] = [viewTimelineProjection];
