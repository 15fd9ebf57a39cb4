import { json, table, type Projection, type ProjectionTx, type RecordedEvent } from '#event-store';
import {
  londonDateOf,
  type DecisionEvent,
  type HowReached,
  type MeetingEvent,
  type RejectedAlternative,
} from '../../domain/index.js';

/** A view the decision cited, as recorded (the not-tabled reason only on a view not tabled at the item). */
export interface CitationGiven {
  readonly contributionId: string;
  readonly influence: string;
  readonly rationale: string;
  readonly notTabledReason?: string;
}

/** The decision's voice evidence: the views it cited, or why none applied. */
export interface VoiceEvidenceGiven {
  readonly contributions?: CitationGiven[];
  readonly noneApplied?: { readonly reason: string };
}

/** The earlier decision this one amends (with what it changes) or supersedes. */
export interface ChangeGiven {
  readonly decisionId: string;
  readonly reason: string;
  readonly changes?: string;
}

export const REGISTER = table({
  name: 'decision_register',
  columns: {
    tenant_id: 'text',
    decision_id: 'text',
    /** Its place in the order decisions were recorded on this board: its short reference (D-0001). */
    recorded_number: 'integer',
    meeting_id: 'text',
    meeting_title: { type: 'text', nullable: true },
    meeting_starts_at: { type: 'text', nullable: true },
    item_id: 'text',
    item_title: { type: 'text', nullable: true },
    resolution: 'text',
    kind: 'text',
    recommended_to: { type: 'text', nullable: true },
    reached: json<HowReached>(),
    reasons: 'text',
    alternatives_rejected: json<RejectedAlternative[]>(),
    interests_declared: json<string[]>(),
    themes: json<string[]>(),
    principles: json<string[]>(),
    voice_evidence: json<VoiceEvidenceGiven>(),
    none_applied_reason: { type: 'text', nullable: true },
    // Counts, so the register filters on influence without reading the evidence itself.
    contributions: 'integer',
    shaped: 'integer',
    informed: 'integer',
    considered_not_adopted: 'integer',
    amends: json<ChangeGiven>(true),
    supersedes: json<ChangeGiven>(true),
    amendments: 'integer',
    superseded_by: { type: 'text', nullable: true },
    /** The superseding decision's `recorded_number` (recorded before this one was marked superseded). */
    superseded_by_number: { type: 'integer', nullable: true },
    recorded_at: 'text',
    recorded_at_ms: 'integer',
    // The London date of the decision, for date-range filters.
    decided_on: 'text',
  },
  primaryKey: ['tenant_id', 'decision_id'],
  indexes: [['tenant_id', 'decided_on']],
});

export const TAGS = table({
  name: 'decision_register_tags',
  columns: { tenant_id: 'text', decision_id: 'text', kind: 'text', code: 'text' },
  primaryKey: ['tenant_id', 'decision_id', 'kind', 'code'],
  indexes: [['tenant_id', 'kind', 'code']],
});

export const HISTORY = table({
  name: 'decision_register_history',
  columns: {
    tenant_id: 'text',
    decision_id: 'text',
    position: 'text',
    event_type: 'text',
    related_decision_id: { type: 'text', nullable: true },
    reason: { type: 'text', nullable: true },
    changes: { type: 'text', nullable: true },
    at: 'text',
  },
  primaryKey: ['tenant_id', 'decision_id', 'position'],
});

/** How many decisions each board has recorded: the next one's `recorded_number` is one more. */
const DECISION_COUNT = table({
  name: 'decision_register_count',
  columns: { tenant_id: 'text', recorded: 'integer' },
  primaryKey: ['tenant_id'],
});

const MEETINGS = table({
  name: 'decision_register_meetings',
  columns: { tenant_id: 'text', meeting_id: 'text', title: 'text', starts_at: 'text' },
  primaryKey: ['tenant_id', 'meeting_id'],
});

const ITEMS = table({
  name: 'decision_register_items',
  columns: { tenant_id: 'text', meeting_id: 'text', item_id: 'text', title: 'text' },
  primaryKey: ['tenant_id', 'meeting_id', 'item_id'],
});

/**
 * The decisions register: every decision with its meeting and item, tags, how it was reached and its
 * voice evidence (counts per influence, or why none applied), and its history of amendment and
 * supersession. Meeting titles and item titles are kept from the meeting streams to label each entry.
 */
export const decisionsRegisterProjection: Projection = {
  name: 'board_decisions_register',
  // 2: each decision's place in the order recorded on its board (its short reference), numbered as the
  // meeting detail numbers them.
  version: 2,
  eventTypes: [
    'MeetingScheduled',
    'MeetingRescheduled',
    'AgendaItemAdded',
    'DecisionRecorded',
    'DecisionAmended',
    'DecisionSuperseded',
  ],
  streamPrefixes: ['meeting-', 'decision-'],
  tables: [REGISTER, TAGS, HISTORY, MEETINGS, ITEMS, DECISION_COUNT],
  async apply(recorded: RecordedEvent, tx) {
    const tenant_id = recorded.metadata.tenantId;
    const event = { type: recorded.type, data: recorded.data } as MeetingEvent | DecisionEvent;
    switch (event.type) {
      case 'MeetingScheduled':
        await tx.upsert(MEETINGS, {
          tenant_id,
          meeting_id: event.data.meetingId,
          title: event.data.title,
          starts_at: event.data.startsAt,
        });
        return;
      case 'MeetingRescheduled':
        await tx.update(MEETINGS, { tenant_id, meeting_id: event.data.meetingId }, { starts_at: event.data.startsAt });
        return;
      case 'AgendaItemAdded':
        await tx.upsert(ITEMS, {
          tenant_id,
          meeting_id: event.data.meetingId,
          item_id: event.data.itemId,
          title: event.data.title,
        });
        return;
      case 'DecisionRecorded':
        return recordDecision(event.data, tenant_id, recorded.position, tx);
      case 'DecisionAmended': {
        const key = { tenant_id, decision_id: event.data.decisionId };
        const row = await tx.findOne(REGISTER, key);
        if (!row) return;
        await tx.update(REGISTER, key, { amendments: row.amendments + 1 });
        const { byDecisionId, reason, changes, at } = event.data;
        await history(tx, key, recorded.position, 'DecisionAmended', {
          relatedDecisionId: byDecisionId,
          reason,
          changes,
          at,
        });
        return;
      }
      case 'DecisionSuperseded': {
        const key = { tenant_id, decision_id: event.data.decisionId };
        const by = await tx.findOne(REGISTER, { tenant_id, decision_id: event.data.byDecisionId });
        await tx.update(REGISTER, key, {
          superseded_by: event.data.byDecisionId,
          superseded_by_number: by?.recorded_number ?? null,
        });
        const { byDecisionId, reason, at } = event.data;
        await history(tx, key, recorded.position, 'DecisionSuperseded', {
          relatedDecisionId: byDecisionId,
          reason,
          at,
        });
        return;
      }
      default:
        return;
    }
  },
};

async function recordDecision(
  data: Extract<DecisionEvent, { type: 'DecisionRecorded' }>['data'],
  tenant_id: string,
  position: string,
  tx: ProjectionTx,
): Promise<void> {
  const key = { tenant_id, decision_id: data.decisionId };
  const meeting = await tx.findOne(MEETINGS, { tenant_id, meeting_id: data.meetingId });
  const item = await tx.findOne(ITEMS, { tenant_id, meeting_id: data.meetingId, item_id: data.itemId });
  const citations = data.voiceEvidence.contributions ?? [];
  const count = (influence: string) => citations.filter((c) => c.influence === influence).length;
  await tx.increment(DECISION_COUNT, { tenant_id }, 'recorded');
  await tx.upsert(REGISTER, {
    ...key,
    recorded_number: (await tx.findOne(DECISION_COUNT, { tenant_id }))?.recorded ?? 1,
    meeting_id: data.meetingId,
    meeting_title: meeting?.title ?? null,
    meeting_starts_at: meeting?.starts_at ?? null,
    item_id: data.itemId,
    item_title: item?.title ?? null,
    resolution: data.resolution,
    kind: data.kind,
    recommended_to: data.recommendedTo ?? null,
    reached: { ...data.reached },
    reasons: data.reasons,
    alternatives_rejected: data.alternativesRejected.map((a) => ({ option: a.option, why: a.why })),
    interests_declared: [...data.interestsDeclared],
    themes: [...data.themes],
    principles: [...data.principles],
    voice_evidence: data.voiceEvidence.noneApplied
      ? { noneApplied: { reason: data.voiceEvidence.noneApplied.reason } }
      : {
          contributions: citations.map((c) => ({
            contributionId: c.contributionId,
            influence: c.influence,
            rationale: c.rationale,
            // Only on a view cited without having been tabled at the item.
            ...(c.notTabledReason === undefined ? {} : { notTabledReason: c.notTabledReason }),
          })),
        },
    none_applied_reason: data.voiceEvidence.noneApplied?.reason ?? null,
    contributions: citations.length,
    shaped: count('shaped'),
    informed: count('informed'),
    considered_not_adopted: count('considered-not-adopted'),
    amends: data.amends ? { ...data.amends } : null,
    supersedes: data.supersedes ? { ...data.supersedes } : null,
    amendments: 0,
    superseded_by: null,
    superseded_by_number: null,
    recorded_at: data.at,
    recorded_at_ms: Date.parse(data.at),
    decided_on: londonDateOf(data.at),
  });
  for (const code of data.themes) await tx.upsert(TAGS, { ...key, kind: 'theme', code });
  for (const code of data.principles) await tx.upsert(TAGS, { ...key, kind: 'principle', code });
  const changes = data.amends
    ? { relatedDecisionId: data.amends.decisionId, reason: data.amends.reason, changes: data.amends.changes }
    : data.supersedes
      ? { relatedDecisionId: data.supersedes.decisionId, reason: data.supersedes.reason }
      : {};
  await history(tx, key, position, 'DecisionRecorded', { ...changes, at: data.at });
}

/**
 * One line of a decision's history. The related decision is, when it was recorded, the earlier one it
 * amends or replaces; when it was amended or superseded, the later one that did so.
 */
async function history(
  tx: ProjectionTx,
  key: { tenant_id: string; decision_id: string },
  position: string,
  eventType: string,
  entry: { relatedDecisionId?: string; reason?: string; changes?: string; at: string },
): Promise<void> {
  await tx.insert(HISTORY, {
    ...key,
    position,
    event_type: eventType,
    related_decision_id: entry.relatedDecisionId ?? null,
    reason: entry.reason ?? null,
    changes: entry.changes ?? null,
    at: entry.at,
  });
}
