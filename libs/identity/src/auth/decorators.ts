import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Caller } from '../contracts/caller.js';
import type { StaffRole } from '../domain/roles.js';

export const PUBLIC_ROUTE = 'cpb:public';
export const ROUTE_ROLES = 'cpb:roles';

/** Open to anyone, signed in or not (young people's pages, health, sign-in). Use sparingly. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** The staff roles admitted. A route with neither @Public nor @Roles admits nobody. */
export const Roles = (...roles: StaffRole[]): MethodDecorator & ClassDecorator => SetMetadata(ROUTE_ROLES, roles);

/** The signed-in caller, as the guard admitted it. */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const request = context.switchToHttp().getRequest<{ caller?: Caller }>();
  if (!request.caller) throw new Error('CurrentCaller used on a route without a signed-in caller');
  return request.caller;
});
