import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { NewViewFields } from './new-view.js';

/** A young person's view, given online without an account. */
export class GiveViewRequest extends NewViewFields {
  @ApiPropertyOptional({
    enum: ['online'],
    description: 'Only online here: advocates and workers use the staff routes.',
  })
  @IsOptional()
  @IsIn(['online'], { message: "channel must be 'online': advocates and workers submit through the staff routes" })
  channel?: 'online';

  @ApiPropertyOptional({
    description:
      'The invite code from the participation team, when this board asks for one (403 without a valid one). ' +
      'Not stored with the view.',
    example: 'XK4M-9TQ2-H7RW',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  inviteCode?: string;
}

export class GiveViewResponse {
  @ApiProperty({
    description: 'Shown once: write it down. It is the only way back to your view.',
    example: '7KQ2-M9XD-4RTW-8HJN-5',
  })
  receiptCode!: string;

  @ApiProperty({ description: 'What happens next, in plain words.' })
  whatHappensNext!: string;
}
