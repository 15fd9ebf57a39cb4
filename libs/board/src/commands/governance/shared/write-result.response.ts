import { ApiProperty } from '@nestjs/swagger';
import type { WriteResult } from '../../shared/board-aggregates.js';

/** What every governance write answers (OpenAPI shape of WriteResult). */
export class GovernanceWriteResponse implements WriteResult {
  @ApiProperty({ description: 'The aggregate written to (a meeting id, or the tenant id for the board).' })
  id!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The stream revision after the write; null when the command changed nothing.',
  })
  revision!: string | null;

  @ApiProperty({ description: 'True when this was a retry of a request already written (same Idempotency-Key).' })
  duplicate!: boolean;

  @ApiProperty({ type: [String], description: 'The types of the events recorded.' })
  events!: string[];
}

export class MeetingCreatedResponse extends GovernanceWriteResponse {
  @ApiProperty() meetingId!: string;
}

export class MemberAppointedResponse extends GovernanceWriteResponse {
  @ApiProperty() memberId!: string;
}

export class AgendaItemAddedResponse extends GovernanceWriteResponse {
  @ApiProperty() itemId!: string;
}
