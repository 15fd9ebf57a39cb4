import { ApiProperty } from '@nestjs/swagger';
import type { WriteResult } from '#event-store';

/** What a write answers (OpenAPI shape of WriteResult). */
export class WriteResultResponse implements WriteResult {
  @ApiProperty({
    description: 'The aggregate written to (a decision, meeting or action id, or the tenant id for the board).',
  })
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
