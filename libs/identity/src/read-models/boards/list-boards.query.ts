import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { TenantEntity } from '../../commands/tenant.entity.js';

/** A board as anyone may know it: the slug in its pages' address and its name. Nothing else. */
export interface PublicBoard {
  readonly slug: string;
  readonly name: string;
}

/**
 * The boards on this install, by name, for the site's home page (apps/web): each board's pages are
 * public already, by its slug. Answers the slug and the name only (no id, no date, no staff).
 */
export class ListBoards extends Query<PublicBoard[]> {}

@Injectable()
@QueryHandler(ListBoards)
export class ListBoardsHandler implements IQueryHandler<ListBoards, PublicBoard[]> {
  constructor(private readonly db: DataSource) {}

  async execute(): Promise<PublicBoard[]> {
    const tenants = await this.db.getRepository(TenantEntity).find({ select: { slug: true, name: true } });
    return tenants
      .map((tenant) => ({ slug: tenant.slug, name: tenant.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  }
}
