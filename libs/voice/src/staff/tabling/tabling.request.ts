import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ViewsRequest {
  @ApiProperty({ type: [String], description: 'The views (contribution ids), 1 to 200.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  contributionIds!: string[];
}

export class FeedbackRequest extends ViewsRequest {
  @ApiProperty({ description: 'One response, in plain words for a young reader.', maxLength: 5000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  text!: string;

  @ApiProperty({ type: [String], description: 'Decisions the response points to.' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  decisionIds!: string[];

  @ApiProperty({ type: [String], description: 'Actions the response points to.' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  actionIds!: string[];
}
