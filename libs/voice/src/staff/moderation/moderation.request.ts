import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class AcceptWithRedactionsRequest {
  @ApiProperty({ description: 'The version of the view the board will see.', maxLength: 5000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  redactedText!: string;
}

export class AskQuestionRequest {
  @ApiProperty({ description: 'Shown to the author when they come back with their receipt code.', maxLength: 1000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  question!: string;
}

export class EscalateRequest {
  @ApiProperty({ description: 'Why the moderator raises a safeguarding concern.', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
