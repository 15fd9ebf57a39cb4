import { HttpStatus } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IdentityService } from '#identity';
import { BOARD_SLUG } from '../web-ui.routes.js';
import type { PageRenderer } from './page-renderer.js';

/** A board as its pages name it: the slug in its address and the council's name in the header. */
export interface Board {
  /** The tenant's id, for the queries (never printed or put in an address). */
  readonly id: string;
  readonly slug: string;
  readonly name: string;
}

/** The board an address names, or undefined for a slug that is not one (never an error). */
export async function findBoard(identity: IdentityService, slug: string): Promise<Board | undefined> {
  if (!BOARD_SLUG.test(slug)) return undefined;
  const tenant = await identity.tenantBySlug(slug);
  return tenant ? { id: tenant.id, slug: tenant.slug, name: tenant.name } : undefined;
}

/** The 404 page for an unknown board: never the board's form or lists. */
export function boardNotFound(
  pages: PageRenderer,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  return pages.send(request, reply, 'not-found.njk', { boardMissing: true }, HttpStatus.NOT_FOUND);
}
