import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../contracts/caller.js';
import { CurrentCaller, Roles } from '../../contracts/route-access.js';
import { STAFF_ROLES } from '../../domain/roles.js';

/** Who the session is for: the caller as the guard admitted it (this route reads nothing more). */
@ApiTags('identity')
@Controller('api/auth')
export class SignedInCallerController {
  @Get('me')
  @Roles(...STAFF_ROLES)
  @ApiBearerAuth()
  me(@CurrentCaller() caller: Caller): Caller {
    const { userId, tenantId, roles, actingRole } = caller;
    return { userId, tenantId, roles, actingRole };
  }
}
