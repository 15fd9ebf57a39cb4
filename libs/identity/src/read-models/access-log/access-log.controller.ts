import { Controller, Get, Header, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ID_MESSAGE, ID_PATTERN, IsCalendarDate, NotBefore } from '#platform';
import { CurrentCaller, Roles } from '../../contracts/route-access.js';
import type { Caller } from '../../contracts/caller.js';
import { ACCESS_LOG_PAGE_SIZE, ReviewAccessLog, type AccessLogPage } from './access-log-review.js';

const MAX_PAGE = 100_000;

export class AccessLogQuery {
  @ApiPropertyOptional({ description: 'Only reads of this view (its id)' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  viewId?: string;

  @ApiPropertyOptional({ description: 'Only reads by this member of staff (their user id)' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  staffId?: string;

  @ApiPropertyOptional({ description: 'First London date of the period (YYYY-MM-DD)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Last London date of the period (YYYY-MM-DD)' })
  @IsOptional()
  @IsCalendarDate()
  @NotBefore('from')
  to?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number from 1' })
  @Min(1, { message: 'page must be a whole number from 1' })
  @Max(MAX_PAGE, { message: `page must be at most ${MAX_PAGE}` })
  page?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: ACCESS_LOG_PAGE_SIZE.max,
    default: ACCESS_LOG_PAGE_SIZE.default,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `pageSize must be a whole number from 1 to ${ACCESS_LOG_PAGE_SIZE.max}` })
  @Min(1, { message: `pageSize must be a whole number from 1 to ${ACCESS_LOG_PAGE_SIZE.max}` })
  @Max(ACCESS_LOG_PAGE_SIZE.max, { message: `pageSize must be a whole number from 1 to ${ACCESS_LOG_PAGE_SIZE.max}` })
  pageSize?: number;
}

/**
 * The access log, for the people who answer for it: who read a child's words (and every audit read),
 * when and why. Reading it is recorded too. The board is the caller's, from their token.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit/access-log')
export class AccessLogController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('auditor', 'admin')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({
    summary: "Who read this board's children's words (and every audit read), when and why; newest first (recorded)",
  })
  @ApiOkResponse({
    description:
      '{ entries: [{ entry, at, staff: { userId, name, role }, action, subject: { type, id }, purpose, route }], page, pageSize, total, filter }',
  })
  entries(@CurrentCaller() caller: Caller, @QueryParam() query: AccessLogQuery): Promise<AccessLogPage> {
    return this.queries.execute(new ReviewAccessLog(caller, query));
  }
}
