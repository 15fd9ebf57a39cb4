import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type { Caller } from '../../contracts/caller.js';
import { CurrentCaller, Roles } from '../../contracts/route-access.js';
import { SecondFactorService } from '../set-up-second-factor/second-factor.service.js';

export class StaffUserIdParams {
  @ApiProperty()
  @Matches(/^[A-Za-z0-9-]{1,64}$/, { message: 'userId must be a staff user id' })
  userId!: string;
}

@ApiTags('identity')
@ApiBearerAuth()
@Controller('api')
export class ResetSecondFactorController {
  constructor(private readonly secondFactor: SecondFactorService) {}

  @Post('staff/:userId/second-factor/reset')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: "Clear a member of staff's second factor (a lost phone); they set up a new one" })
  @ApiNoContentResponse()
  async reset(@CurrentCaller() caller: Caller, @Param() params: StaffUserIdParams): Promise<void> {
    await this.secondFactor.reset(caller, params.userId);
  }
}
