import {
  ForbiddenException,
  Inject,
  Injectable,
  SetMetadata,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AuthGuard,
  IDENTITY_SETTINGS,
  SessionAtMaximum,
  servedOverHttps,
  setStaffSessionCookie,
  staffSessionToken,
  TokenService,
  actingRole,
  STAFF_ROLES,
  type Caller,
  type IdentitySettings,
  type StaffRole,
} from '#identity';
import type { StaffLink } from '../page-layout.js';
import { WEB_PAGES, type RouteRoles } from '../web-ui.routes.js';

// The server-rendered staff pages' session (docs/adr/0026-server-rendered-staff-pages.md): the session
// token in an HttpOnly, SameSite=Strict cookie set at sign-in, checked by the API's own rule (AuthGuard.admit)
// against the roles of the API route the page stands for (WEB_PAGES' `access`, the route's @Roles).

/** Who may use each staff page and the navigation's links: the API's @Roles, from its OpenAPI document (set at start-up). */
@Injectable()
export class StaffPageAccess {
  private rolesOf: RouteRoles = () => undefined;
  links: readonly StaffLink[] = [];

  use(rolesOf: RouteRoles, links: readonly StaffLink[]): void {
    this.rolesOf = rolesOf;
    this.links = links;
  }

  /** The roles an API route admits ("GET /api/decisions"); none when the API has no such route. */
  allowed(apiRoute: string): readonly StaffRole[] {
    return (this.rolesOf(apiRoute) ?? []) as readonly StaffRole[];
  }

  /**
   * The caller as the API route would have admitted them: its acting role and its route (the access log's
   * "why"), so a page's read is recorded as the same read through the JSON API is. Throws NotForYourRole.
   */
  on(caller: Caller, apiRoute: string): Caller {
    const role = actingRole(caller.roles, this.allowed(apiRoute));
    if (!role) throw new NotForYourRole();
    // OpenAPI's path ({id}) as Fastify's route template (:id), as the API's guard records it.
    return { ...caller, actingRole: role, route: apiRoute.replace(/\{([^}]+)\}/g, ':$1') };
  }
}

/** Names the WEB_PAGES entry (its url) a page route renders: who may read it follows that entry's `access`. */
export const STAFF_PAGE = 'cpb:staff-page';
export const StaffPage = (url: string): MethodDecorator => SetMetadata(STAFF_PAGE, url);

/** No valid staff session for a page: the page filter sends the browser to sign in (and back). */
export class SignInNeeded extends UnauthorizedException {
  constructor() {
    super('Sign in to see this page.');
  }
}

/** A role the page is not for: the page filter shows the one "not for your role" page. */
export class NotForYourRole extends ForbiddenException {
  constructor() {
    super('Your role does not allow this.');
  }
}

/**
 * Admits a staff page's request by its session cookie: the same checks as the API's bearer token, then
 * the page's roles. A session in use slides: each page read renews the token in the cookie (never past
 * the session's maximum), as the script pages renew theirs.
 */
@Injectable()
export class StaffSessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthGuard,
    private readonly tokens: TokenService,
    private readonly access: StaffPageAccess,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { caller?: Caller }>();
    const reply = http.getResponse<FastifyReply>();
    const url = this.reflector.get<string | undefined>(STAFF_PAGE, context.getHandler());
    const page = WEB_PAGES.find((p) => p.url === url);
    if (!page) throw new Error(`a staff page route names no WEB_PAGES entry (${url})`);
    const token = staffSessionToken(request);
    if (!token) throw new SignInNeeded();
    const allowed = page.access ? this.access.allowed(page.access) : undefined;
    let caller: Caller;
    try {
      // A page for every signed-in member (no `access`) admits any role.
      caller = await this.auth.admit(token, allowed ?? STAFF_ROLES);
    } catch (error) {
      if (error instanceof ForbiddenException) throw new NotForYourRole();
      if (error instanceof UnauthorizedException) throw new SignInNeeded();
      throw error;
    }
    request.caller = page.access ? this.access.on(caller, page.access) : caller;
    await this.slide(token, request, reply);
    return true;
  }

  private async slide(token: string, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    try {
      setStaffSessionCookie(reply, await this.tokens.renew(token), servedOverHttps(request, this.settings.publicUrl));
    } catch (error) {
      // At its maximum the session is not extended; the cookie it has ends with it.
      if (!(error instanceof SessionAtMaximum)) throw error;
    }
  }
}
