import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Caller } from '#identity';
import { PageRenderer } from '../pages/page-renderer.js';
import { StaffPageAccess } from './staff-session.guard.js';

/**
 * Puts a server-rendered staff page in the staff layout: the navigation for the caller's roles (the links
 * each role may use, from the API's own @Roles), and sign out, a form that posts with its CSRF token.
 */
@Injectable()
export class StaffPages {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly access: StaffPageAccess,
  ) {}

  words(request: FastifyRequest, reply: FastifyReply) {
    return this.renderer.words(request, reply);
  }

  async send(
    request: FastifyRequest & { caller?: Caller },
    reply: FastifyReply,
    template: string,
    data: Record<string, unknown> = {},
    status = 200,
  ): Promise<FastifyReply> {
    const { t } = this.renderer.words(request, reply);
    const path = new URL(request.url, 'http://page').pathname;
    const roles = request.caller?.roles ?? [];
    const nav = request.caller
      ? [
          { href: '/staff/', text: t('staff.nav.Home'), active: path === '/staff/' },
          ...this.access.links
            .filter((link) => link.nav && link.roles.some((role) => roles.some((mine) => mine === role)))
            .map((link) => ({
              href: link.href,
              text: t(`staff.nav.${link.nav}`, { defaultValue: link.nav }),
              active: path.startsWith(link.href),
            })),
        ]
      : [];
    return this.renderer.send(
      request,
      reply,
      template,
      { path, staffNav: nav, signOutCsrf: request.caller ? reply.generateCsrf() : undefined, ...data },
      status,
    );
  }
}
