import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ID_MESSAGE, ID_PATTERN } from '#platform';

export const ACTION_FILTERS = ['open', 'overdue', 'completed', 'cancelled'] as const;
export type ActionFilter = (typeof ACTION_FILTERS)[number];

export class ActionsParams {
  @ApiPropertyOptional({
    enum: ACTION_FILTERS,
    description: 'open: every open action (overdue ones included, flagged); overdue: open and past its due date',
  })
  @IsOptional()
  @IsIn(ACTION_FILTERS, { message: `status must be one of ${ACTION_FILTERS.join(', ')}` })
  status?: ActionFilter;

  @ApiPropertyOptional({ description: "The owner's member id, or an officer's staff id" })
  @IsOptional()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  owner?: string;

  @ApiPropertyOptional({ description: 'Actions assigned by this decision' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  decision?: string;
}

export class ActionIdParams {
  @ApiProperty()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  id!: string;
}

export class ActionOwnerView {
  @ApiProperty({ enum: ['member', 'officer'] }) kind!: 'member' | 'officer';
  @ApiPropertyOptional({ description: "A member's id" }) memberId?: string;
  @ApiPropertyOptional({ description: "An officer's staff id, if known" }) officerId?: string;
  @ApiPropertyOptional({ description: "The member's or officer's name (absent once erased)" }) name?: string;
}

export class ActionView {
  @ApiProperty() actionId!: string;
  @ApiProperty() decisionId!: string;
  @ApiPropertyOptional({ description: 'The meeting whose decision assigned it' }) meetingId?: string;
  @ApiPropertyOptional({ description: "The assigning decision's resolution" }) resolution?: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: ActionOwnerView }) owner!: ActionOwnerView;
  @ApiProperty({ example: '2026-05-29' }) dueOn!: string;
  @ApiProperty({ enum: ['open', 'completed', 'cancelled'] }) status!: string;
  @ApiProperty({ description: "Open after its due date (London) — derived from today's date, never stored" })
  overdue!: boolean;
  @ApiProperty() assignedAt!: string;
  @ApiProperty() progressNotes!: number;
  @ApiPropertyOptional() lastProgressAt?: string;
  @ApiPropertyOptional() completedOn?: string;
  @ApiPropertyOptional() evidence?: string;
  @ApiPropertyOptional() cancelledAt?: string;
  @ApiPropertyOptional() cancelledReason?: string;
}

export class ProgressNoteView {
  @ApiProperty() note!: string;
  @ApiProperty() at!: string;
}

export class ActionDetailView extends ActionView {
  @ApiProperty({ type: [ProgressNoteView], description: 'Oldest first' }) progress!: ProgressNoteView[];
}
