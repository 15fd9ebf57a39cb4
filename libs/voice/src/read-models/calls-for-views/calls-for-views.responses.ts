import { ApiProperty } from '@nestjs/swagger';

export class CallForViewsResponse {
  @ApiProperty() callId!: string;
  @ApiProperty() question!: string;
  @ApiProperty({ example: '2026-03-31' }) closesOn!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: string;
  @ApiProperty({ nullable: true, type: String, description: 'When the board closed it early.' })
  closedEarlyAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) meetingId!: string | null;
  @ApiProperty({ nullable: true, type: String }) itemId!: string | null;
  @ApiProperty({ type: [String] }) themes!: string[];
  @ApiProperty() openedAt!: string;
  @ApiProperty({ description: 'Views answering it (a count only; withdrawn and erased views leave it).' })
  views!: number;
  @ApiProperty({ description: 'Of those, the views given after it closed.' }) lateViews!: number;
}

export class OpenCallResponse {
  @ApiProperty({ description: "Give a view to it with target {kind: 'call', callId}." }) callId!: string;
  @ApiProperty() question!: string;
  @ApiProperty({ example: '2026-03-31', description: 'The last day to answer (London time).' }) closesOn!: string;
  @ApiProperty({ type: [String] }) themes!: string[];
}
