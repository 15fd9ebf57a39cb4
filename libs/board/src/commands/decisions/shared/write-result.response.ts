import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { WriteResult } from '../../shared/board-aggregates.js';

/** What a write answers (OpenAPI shape of WriteResult). */
export class WriteResultResponse implements WriteResult {
  @ApiProperty({ description: 'The aggregate written to (a decision, meeting or action id).' })
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

export class DecisionRecordedResponse extends WriteResultResponse {
  @ApiProperty({ description: 'The new decision.' })
  decisionId!: string;

  @ApiPropertyOptional({
    type: WriteResultResponse,
    description: 'With amends or supersedes: the note appended to the earlier decision’s own history.',
  })
  earlier?: WriteResultResponse;
}

export class MinutesApprovedResponse extends WriteResultResponse {
  @ApiProperty({ description: 'The approving decision, recorded at this meeting.' })
  decisionId!: string;

  @ApiProperty({ type: WriteResultResponse, description: 'The approval appended to the earlier meeting.' })
  minutes!: WriteResultResponse;
}

export class ActionAssignedResponse extends WriteResultResponse {
  @ApiProperty() actionId!: string;
}
