import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Caller } from './caller.js';
import type { StaffRole } from '../domain/roles.js';

export const PUBLIC_ROUTE = 'cpb:public';
export const ROUTE_ROLES = 'cpb:roles';
export const SECOND_FACTOR_SET_UP = 'cpb:second-factor-set-up';

// Each also writes what it admits into the OpenAPI document (`x-public`, `x-roles`): the contract the
// security suite's access matrix calls every route against (test/security).

/** Open to anyone, signed in or not (young people's pages, health, sign-in). Use sparingly. */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension('x-public', true));

/** The staff roles admitted. A route with neither @Public nor @Roles admits nobody. */
export const Roles = (...roles: StaffRole[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ROUTE_ROLES, roles), ApiExtension('x-roles', roles));

/**
 * Also admits a token good only for setting up a second factor (issued after a right password where
 * a second factor is required and none exists yet). Every other route refuses such a token.
 */
export const SecondFactorSetUpRoute = (): MethodDecorator =>
  applyDecorators(SetMetadata(SECOND_FACTOR_SET_UP, true), ApiExtension('x-second-factor-set-up', true));

/** The signed-in caller, as the guard admitted it. */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const request = context.switchToHttp().getRequest<{ caller?: Caller }>();
  if (!request.caller) throw new Error('CurrentCaller used on a route without a signed-in caller');
  return request.caller;
});
