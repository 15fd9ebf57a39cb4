import { ApiProperty } from '@nestjs/swagger';

// OpenAPI shapes of a view's moderation deadline (in the moderation queue) and of the overdue count.

export class StaffNameResponse {
  @ApiProperty() staffId!: string;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
}

export class ModerationEscalationResponse {
  @ApiProperty({ description: 'When the window passed unread and the moderation lead was told.' }) at!: string;
  @ApiProperty({
    type: StaffNameResponse,
    nullable: true,
    description: 'The moderation lead told; null when the board had no moderator to name.',
  })
  lead!: StaffNameResponse | null;
}

export class WaitedResponse {
  @ApiProperty({ description: 'Whole days since it arrived.' }) days!: number;
  @ApiProperty({ description: 'Working days since the day it arrived (weekends and bank holidays skipped).' })
  workingDays!: number;
}

export class ViewModerationResponse {
  @ApiProperty({ description: '1 for the view; 2, 3, ... for its author’s answers to a moderator’s questions.' })
  round!: number;
  @ApiProperty() waitingSince!: string;
  @ApiProperty({ description: 'The end of the board’s window of working days after the day it arrived.' })
  dueBy!: string;
  @ApiProperty() windowWorkingDays!: number;
  @ApiProperty({ description: 'Past its window with no one having read it: listed first.' }) overdue!: boolean;
  @ApiProperty({ type: WaitedResponse }) waited!: WaitedResponse;
  @ApiProperty({ type: ModerationEscalationResponse, nullable: true })
  escalation!: ModerationEscalationResponse | null;
}

export class OverdueModerationResponse {
  @ApiProperty({ description: 'Views (or answers) waiting past the board’s moderation window.' }) overdue!: number;
  @ApiProperty({ description: 'Of those, how many the moderation lead has been told of.' }) escalated!: number;
  @ApiProperty({ nullable: true, type: String, description: 'When the longest-waiting of them arrived.' })
  oldestWaitingSince!: string | null;
}
