import { HttpStatus } from '@nestjs/common';
import type { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IdentityService } from '#identity';
import { GetCouncilColour } from '#voice';
import { BOARD_SLUG } from '../web-ui.routes.js';
import type { PageRenderer } from './page-renderer.js';

/** A board as its pages name it: the slug in its address, the council's name and colour in the header. */
export interface Board {
  /** The tenant's id, for the queries (never printed or put in an address). */
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  /** The council's colour (`#rrggbb`, checked readable under white text), or null for govuk-frontend's own. */
  readonly colour: string | null;
}

/** The board an address names, or undefined for a slug that is not one (never an error). */
export async function findBoard(
  identity: IdentityService,
  queryBus: QueryBus,
  slug: string,
): Promise<Board | undefined> {
  if (!BOARD_SLUG.test(slug)) return undefined;
  const tenant = await identity.tenantBySlug(slug);
  if (!tenant) return undefined;
  const colour: string | null = await queryBus.execute(new GetCouncilColour(tenant.id));
  return { id: tenant.id, slug: tenant.slug, name: tenant.name, colour };
}

/** The 404 page for an unknown board: never the board's form or lists. */
export function boardNotFound(
  pages: PageRenderer,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  return pages.send(request, reply, 'not-found.njk', { boardMissing: true }, HttpStatus.NOT_FOUND);
}
