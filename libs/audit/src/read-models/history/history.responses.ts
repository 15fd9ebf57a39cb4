import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ActorView, HistoryEntry } from './event-history.reader.js';
import type { AsOf, BoardKnew, DecisionThen, KnownView, MeetingThen } from './get-as-at.query.js';
import type { Citation, History } from './get-history.query.js';
import { STATUSES_THEN, type StatusThen } from './view-availability.js';
import type { ViewKnown } from './views-then.js';

// OpenAPI shapes of the audit's answers; each `implements` its interface so the two cannot drift.

const FREE_OBJECT = { type: 'object', additionalProperties: true } as const;

export class ActorResponse implements ActorView {
  @ApiProperty({ type: String, nullable: true, description: 'Staff id; null for a young person (never a pseudonym).' })
  id!: string | null;

  @ApiProperty({ description: 'The role acted in, or "young-person".' })
  role!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Staff display name from the identity staff table; "the young person" for a young person.',
  })
  name!: string | null;
}

export class HistoryEntryResponse implements HistoryEntry {
  @ApiProperty({ description: 'Global log position (fixed width: compare as strings).' })
  position!: string;

  @ApiProperty({ description: '0-based revision within the stream.' })
  revision!: string;

  @ApiProperty()
  type!: string;

  @ApiProperty()
  schemaVersion!: number;

  @ApiProperty({ description: 'When the command was handled (the envelope).' })
  recordedAt!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The event’s own time, when it carries one.' })
  at!: string | null;

  @ApiProperty({ type: ActorResponse })
  actor!: ActorResponse;

  @ApiProperty({ type: ActorResponse, nullable: true })
  onBehalfOf!: ActorResponse | null;

  @ApiProperty({ type: String, nullable: true, description: 'Null for a young person’s command.' })
  commandId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Null for a young person’s command.' })
  correlationId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Null for a young person’s command.' })
  causationId!: string | null;

  @ApiProperty({
    ...FREE_OBJECT,
    description: 'Board events: the data as recorded. A view’s events: ids, statuses, sharing, tabling; no words.',
  })
  data!: Record<string, unknown>;
}

export class CitationResponse implements Citation {
  @ApiProperty()
  decisionId!: string;

  @ApiProperty({ enum: ['shaped', 'informed', 'considered-not-adopted'] })
  influence!: string;

  @ApiProperty()
  position!: string;

  @ApiProperty()
  recordedAt!: string;
}

export class HistoryResponse implements History {
  @ApiProperty({ enum: ['decision', 'meeting', 'view'] })
  kind!: 'decision' | 'meeting' | 'view';

  @ApiProperty()
  id!: string;

  @ApiPropertyOptional({ enum: [true], description: 'A view withheld for safeguarding: nothing else is told.' })
  withheld?: true;

  @ApiPropertyOptional()
  notice?: string;

  @ApiProperty({ type: [HistoryEntryResponse] })
  events!: HistoryEntryResponse[];

  @ApiPropertyOptional({ type: [CitationResponse], description: 'For a view: the decisions that cited it.' })
  citations?: CitationResponse[];
}

class CutResponse {
  @ApiProperty({ enum: ['now', 'position', 'time'] })
  kind!: 'now' | 'position' | 'time';

  @ApiPropertyOptional()
  position?: string;

  @ApiPropertyOptional()
  asAt?: string;
}

export class AsOfResponse implements AsOf {
  @ApiProperty({ description: 'The last event of the aggregate included.' })
  position!: string;

  @ApiProperty()
  recordedAt!: string;

  @ApiProperty({ description: 'How many of its events were folded.' })
  events!: number;
}

export class ViewKnownResponse implements ViewKnown {
  @ApiProperty()
  contributionId!: string;

  @ApiPropertyOptional({
    description:
      'Its short reference, e.g. V-0012: its place in the order views arrived on the board (never who sent it).',
  })
  reference?: string;

  @ApiProperty({ type: [String], description: 'Agenda items of the meeting it had been tabled at.' })
  tabledAt!: string[];

  @ApiProperty({ type: [String] })
  themes!: string[];

  @ApiProperty({ enum: STATUSES_THEN })
  statusThen!: StatusThen;

  @ApiProperty()
  availableThen!: boolean;

  @ApiProperty({ description: 'Withdrawn or erased since: the fact only, never words.' })
  laterWithdrawn!: boolean;
}

class InfluenceResponse {
  @ApiProperty({ enum: ['shaped', 'informed', 'considered-not-adopted'] })
  influence!: string;
}

export class KnownViewResponse extends ViewKnownResponse implements KnownView {
  @ApiProperty({ description: 'Tabled at the decision’s own agenda item.' })
  tabledHere!: boolean;

  @ApiProperty({ type: InfluenceResponse, nullable: true })
  cited!: InfluenceResponse | null;
}

class KnewCounts {
  @ApiProperty()
  tabled!: number;

  @ApiProperty()
  available!: number;

  @ApiProperty()
  cited!: number;

  @ApiProperty({ description: 'Views withheld for safeguarding: a count only.' })
  withheld!: number;
}

export class BoardKnewResponse implements BoardKnew {
  @ApiProperty({ description: 'The DecisionRecorded event’s position: what the board had then.' })
  position!: string;

  @ApiProperty()
  recordedAt!: string;

  @ApiProperty()
  meetingId!: string;

  @ApiProperty()
  itemId!: string;

  @ApiProperty({ type: KnewCounts })
  counts!: KnewCounts;

  @ApiProperty({ type: [KnownViewResponse] })
  views!: KnownViewResponse[];
}

export class DecisionThenResponse implements DecisionThen {
  @ApiProperty()
  decisionId!: string;

  @ApiProperty({ type: CutResponse })
  cut!: DecisionThen['cut'];

  @ApiProperty({ type: AsOfResponse })
  asOf!: AsOfResponse;

  @ApiProperty({
    ...FREE_OBJECT,
    description: 'status, meetingId, itemId, kind, recordedAt, citedContributionIds, amendments, supersededBy, content',
  })
  decision!: DecisionThen['decision'];

  @ApiProperty({ type: BoardKnewResponse })
  boardKnew!: BoardKnewResponse;
}

class ItemViewsResponse {
  @ApiProperty()
  itemId!: string;

  @ApiProperty({ type: [ViewKnownResponse] })
  views!: ViewKnownResponse[];
}

export class MeetingThenResponse implements MeetingThen {
  @ApiProperty()
  meetingId!: string;

  @ApiProperty({ type: CutResponse })
  cut!: MeetingThen['cut'];

  @ApiProperty({ type: AsOfResponse })
  asOf!: AsOfResponse;

  @ApiProperty({ ...FREE_OBJECT, description: 'The meeting’s state (status, agenda, attendance, minutes...).' })
  meeting!: MeetingThen['meeting'];

  @ApiProperty({ type: [ItemViewsResponse] })
  views!: ItemViewsResponse[];

  @ApiProperty({ description: 'Views tabled at the meeting and withheld for safeguarding: a count only.' })
  withheldViews!: number;
}
