import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WriteResultResponse } from './write-result.response.js';

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
