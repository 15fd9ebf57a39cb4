import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller, type StaffRole } from '#identity/contracts';
import { GetCallsForViews, type CallForViewsView } from './calls-for-views.query.js';
import { CallForViewsResponse } from './calls-for-views.responses.js';

// The board's readers, and the moderator (the participation officer, who promotes calls to young
// people). The list carries counts only, never a view's words or who gave it.
const READERS: StaffRole[] = ['admin', 'clerk', 'chair', 'member', 'officer', 'moderator', 'auditor'];

@ApiTags('voice')
@ApiBearerAuth()
@Controller('api/calls-for-views')
export class CallsForViewsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: [CallForViewsResponse] })
  @ApiOperation({ summary: "The board's calls for views, soonest closing first, with counts of views (no words)" })
  list(@CurrentCaller() caller: Caller): Promise<CallForViewsView[]> {
    return this.queryBus.execute(new GetCallsForViews(caller.tenantId));
  }
}
