import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { Channel } from '../../domain/index.js';
import { NewViewFields } from '../give-view/new-view.js';

/** Every channel but 'online': online views are the young person's own, through the public route. */
export const STAFF_CHANNELS = ['cicc-session', 'survey', 'advocate', 'worker'] as const satisfies readonly Channel[];
export type StaffChannel = (typeof STAFF_CHANNELS)[number];

/**
 * A young person's view entered by an advocate or worker. Who entered it comes from the sign-in token,
 * never from the body (a `submittedBy` field here is refused as unknown).
 */
export class OnBehalfViewRequest extends NewViewFields {
  @ApiProperty({
    enum: STAFF_CHANNELS,
    description: 'Where it was given: a Children in Care Council session, a survey, or to an advocate or worker.',
  })
  @IsIn(STAFF_CHANNELS, {
    message: `channel must be one of ${STAFF_CHANNELS.join(', ')}: young people give online views themselves`,
  })
  channel!: StaffChannel;
}

/** Deliberately without the words: staff who typed them in cannot read them back here. */
export class OnBehalfViewResponse {
  @ApiProperty({ description: 'The view recorded.' })
  contributionId!: string;

  @ApiProperty({
    description: 'Shown once: hand it to the young person. It is their only way back to their view.',
    example: '7KQ2-M9XD-4RTW-8HJN-5',
  })
  receiptCode!: string;

  @ApiProperty({ description: 'What to tell the young person happens next, in plain words.' })
  whatHappensNext!: string;
}
