import { ApiProperty } from '@nestjs/swagger';

export class WithheldCountResponse {
  @ApiProperty({ description: 'How many views were withheld for safeguarding.' })
  withheld!: number;
}
