import {
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Caller } from './caller.js';
import { actingRole, type StaffRole } from '../domain/roles.js';
import { IdentityService } from './identity.service.js';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../commands/identity-settings.js';
import { PUBLIC_ROUTE, ROUTE_ROLES, SECOND_FACTOR_SET_UP } from './route-access.js';
import { InvalidToken, TokenService } from '../commands/token-service.js';

/**
 * Deny by default. A route is reachable only if it is @Public, or the caller presents a valid
 * token, is still an active user, and holds one of the route's @Roles. The caller's tenant comes
 * from the token, never from the request, so every query and command is scoped to it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly identity: IdentityService,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<{
      headers: Record<string, string | undefined>;
      method?: string;
      routeOptions?: { url?: string };
      caller?: Caller;
    }>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
    if (!match)
      throw new UnauthorizedException('Sign in and send the session token as "Authorization: Bearer <token>".');
    // The route's template, not the address asked for: no ids, no query.
    const route = request.routeOptions?.url ? `${request.method ?? 'GET'} ${request.routeOptions.url}` : undefined;
    request.caller = await this.admit(
      match[1]!,
      this.reflector.getAllAndOverride<StaffRole[]>(ROUTE_ROLES, targets) ?? [],
      {
        route,
        secondFactorSetUp: this.reflector.getAllAndOverride<boolean>(SECOND_FACTOR_SET_UP, targets) ?? false,
      },
    );
    return true;
  }

  /**
   * The caller a session token stands for on a route admitting `allowed`: the token checked, the account
   * still active, a second factor where one is required, and one of the roles. Throws 401 or 403 as the
   * API answers. The server-rendered staff pages use it too, with the token from their cookie, so both
   * doors apply one rule.
   */
  async admit(
    token: string,
    allowed: readonly StaffRole[],
    options: { readonly route?: string; readonly secondFactorSetUp?: boolean } = {},
  ): Promise<Caller> {
    let claims;
    try {
      claims = await this.tokens.verify(token);
    } catch (error) {
      if (error instanceof InvalidToken)
        throw new UnauthorizedException(`The session token was refused (${error.message}).`);
      throw error;
    }
    const user = await this.identity.activeUser(claims.userId, claims.tenantId);
    if (!user) throw new UnauthorizedException('The session is no longer valid; sign in again.');
    if (claims.purpose === 'second-factor-enrolment') {
      if (!options.secondFactorSetUp)
        throw new ForbiddenException('Set up your second factor first (POST /api/auth/second-factor).');
    } else if (this.settings.secondFactor === 'required' && !claims.methods?.some((m) => m === 'otp' || m === 'oidc')) {
      // A session opened with a password alone (before the second factor was required): not enough.
      throw new UnauthorizedException('This board requires a second factor; sign in again with your code.');
    }
    const role = actingRole(user.roles, allowed);
    if (!role) throw new ForbiddenException('Your role does not allow this.');
    return { userId: user.id, tenantId: user.tenantId, roles: user.roles, actingRole: role, route: options.route };
  }
}
