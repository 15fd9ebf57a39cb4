import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// What the board did, as young people and the public read it (see outcome-words.ts).

export class MeetingPlaceDto {
  @ApiProperty() meetingId!: string;
  @ApiProperty({ description: "The meeting's title." }) title!: string;
  @ApiProperty({ description: 'When it starts (ISO instant).' }) startsAt!: string;
  @ApiProperty({ description: 'The meeting was called off.' }) cancelled!: boolean;
  @ApiPropertyOptional({ description: "The agenda item's title (none for an item taken in private)." })
  item?: string;
}

export class ActionUpdateDto {
  @ApiProperty({ enum: ['progress', 'completed', 'cancelled'] }) kind!: 'progress' | 'completed' | 'cancelled';
  @ApiProperty({ description: 'When (ISO instant).' }) at!: string;
  @ApiProperty({ description: "What the board's officer reported." }) note!: string;
  @ApiProperty({ description: 'The update in plain words ("Done: ...").' }) words!: string;
}

export class ActionDto {
  @ApiProperty() actionId!: string;
  @ApiProperty({ description: 'What the board asked someone to do.' }) description!: string;
  @ApiProperty() assignedAt!: string;
  @ApiProperty({ description: 'The date it is due by (YYYY-MM-DD).' }) dueOn!: string;
  @ApiProperty({ enum: ['open', 'overdue', 'completed', 'cancelled'] })
  status!: 'open' | 'overdue' | 'completed' | 'cancelled';
  @ApiProperty({ description: 'Where it stands, in plain words.' }) statusWords!: string;
  @ApiPropertyOptional({ description: 'The date it was done (YYYY-MM-DD).' }) completedOn?: string;
  @ApiProperty({ type: [ActionUpdateDto], description: 'Every update, oldest first.' })
  updates!: readonly ActionUpdateDto[];
}

export class DecisionOutcomeDto {
  @ApiProperty() decisionId!: string;
  @ApiProperty({ description: 'When the board decided (ISO instant).' }) decidedAt!: string;
  @ApiPropertyOptional({ type: MeetingPlaceDto }) meeting?: MeetingPlaceDto;
  @ApiProperty({ description: 'Decided in private: what it says and its actions cannot be shown.' })
  private!: boolean;
  @ApiPropertyOptional({ description: 'What the board decided.' }) resolution?: string;
  @ApiProperty({ enum: ['in-force', 'amended', 'superseded'] }) status!: 'in-force' | 'amended' | 'superseded';
  @ApiPropertyOptional({ description: 'If the board changed or replaced it later, in plain words.' })
  statusWords?: string;
  @ApiPropertyOptional() changedAt?: string;
  @ApiProperty({ type: [ActionDto], description: 'What the board asked to be done, with progress.' })
  actions!: readonly ActionDto[];
}
