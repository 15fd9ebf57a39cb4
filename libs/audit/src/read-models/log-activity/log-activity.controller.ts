import { Controller, Get, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { CurrentCaller, Roles, type Caller } from '#identity/contracts';
import { GetLogActivity, type LogActivityRow } from './get-log-activity.query.js';

export class LogActivityParams {
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date as YYYY-MM-DD' })
  from?: string;

  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a date as YYYY-MM-DD' })
  to?: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit/activity')
export class LogActivityController {
  constructor(private readonly queries: QueryBus) {}

  /** Counts of recorded events per day and type in the caller's board. */
  @Get()
  @Roles('auditor', 'admin', 'chair', 'clerk')
  activity(@CurrentCaller() caller: Caller, @QueryParam() params: LogActivityParams): Promise<LogActivityRow[]> {
    return this.queries.execute(new GetLogActivity(caller.tenantId, params.from, params.to));
  }
}
