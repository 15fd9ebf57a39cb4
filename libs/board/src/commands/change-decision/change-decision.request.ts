import { ApiProperty } from '@nestjs/swagger';
import { DecisionContentRequest } from '../decision-content.request.js';
import { IsId, IsText } from '../request-rules.js';

/** The later decision, with where it is taken: a meeting in progress, later than the original's. */
class LaterDecisionRequest extends DecisionContentRequest {
  @ApiProperty({ description: 'The meeting in progress where the later decision is taken.' })
  @IsId()
  meetingId!: string;

  @ApiProperty({ description: 'The agenda item it is taken under.' })
  @IsId()
  itemId!: string;
}

export class AmendDecisionRequest extends LaterDecisionRequest {
  @ApiProperty({ description: 'Why the earlier decision is amended.', maxLength: 2000 })
  @IsText(2000)
  reason!: string;

  @ApiProperty({ description: 'What changes.', maxLength: 5000 })
  @IsText(5000)
  changes!: string;
}

export class SupersedeDecisionRequest extends LaterDecisionRequest {
  @ApiProperty({ description: 'Why the earlier decision is replaced.', maxLength: 2000 })
  @IsText(2000)
  reason!: string;
}
