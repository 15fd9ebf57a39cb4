import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller, type StaffRole } from '#identity/contracts';
import { GetViewsReadyToTable, type ViewReadyToTable } from './views-ready-to-table.query.js';
import { ViewReadyToTableResponse } from './views-ready-to-table.responses.js';

// The clerk prepares the papers; admin may stand in.
const CLERK: StaffRole[] = ['clerk', 'admin'];

@ApiTags('voice')
@ApiBearerAuth()
@Controller('api')
export class ViewsReadyToTableController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('views/ready-to-table')
  @Roles(...CLERK)
  @ApiOkResponse({ type: [ViewReadyToTableResponse] })
  @ApiOperation({
    summary:
      'Accepted views not yet tabled, oldest first, with their words as the board may read them (each read is access-logged)',
  })
  readyToTable(@CurrentCaller() caller: Caller): Promise<ViewReadyToTable[]> {
    return this.queryBus.execute(new GetViewsReadyToTable(caller));
  }
}
