import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { Clock } from '#platform';
import { londonDateOf, MEMBER_ROLES, servesOn } from '../../domain/index.js';
import { decodeRow, liveTables, optionalText, type ProjectionTable } from '#event-store';
import { boardOverviewProjection, CONFIG, MEMBERS, TERMS } from './board-overview.projection.js';
import type { BoardMemberView, BoardOverviewView, MemberTermView } from './board-overview.dto.js';

/** The caller's board: its configuration and every member, with their terms. */
export class GetBoardOverview extends Query<BoardOverviewView> {
  constructor(readonly tenantId: string) {
    super();
  }
}

const EMPTY: BoardOverviewView = { configured: false, themes: [], principles: [], members: [] };

@Injectable()
@QueryHandler(GetBoardOverview)
export class GetBoardOverviewHandler implements IQueryHandler<GetBoardOverview, BoardOverviewView> {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute({ tenantId }: GetBoardOverview): Promise<BoardOverviewView> {
    const tables = await liveTables(this.db, boardOverviewProjection);
    if (!tables) return EMPTY; // the runner has not started on this database yet
    const read = async <T extends ProjectionTable>(table: T, order: (keyof T['columns'] & string)[]) => {
      const query = this.db.createQueryBuilder().select('*').from(tables[table.name]!, 't');
      query.where('t.tenant_id = :tenantId', { tenantId });
      order.forEach((column) => query.addOrderBy(`t.${column}`, 'ASC'));
      const raw = await query.getRawMany<Record<string, unknown>>();
      return raw.map((row) => decodeRow(table, row));
    };
    const [config] = await read(CONFIG, []);
    const members = await read(MEMBERS, ['member_id']);
    const terms = await read(TERMS, ['member_id', 'term_no']);

    const today = londonDateOf(this.clock.now().toISOString());
    const views = members.map((member): BoardMemberView => {
      const own = terms
        .filter((term) => term.member_id === member.member_id)
        .map((term): MemberTermView => ({
          role: term.role,
          appointedOn: term.appointed_on,
          stoodDownOn: optionalText(term.stood_down_on),
          stoodDownReason: optionalText(term.stood_down_reason),
        }));
      const current = own.find((term) => servesOn(term, today));
      return {
        memberId: member.member_id,
        name: member.name,
        serving: current !== undefined,
        currentRole: current?.role,
        terms: own,
      };
    });
    views.sort(byServingThenRole);
    if (!config) return { ...EMPTY, members: views };
    return {
      configured: true,
      name: config.name,
      council: config.council,
      jurisdiction: config.jurisdiction,
      quorum: config.quorum,
      termsOfReference: config.terms_of_reference,
      themes: config.themes,
      principles: config.principles,
      configuredAt: config.configured_at,
      updatedAt: config.updated_at,
      members: views,
    };
  }
}

// Serving members first, in the order of the roles list (chair first), then former members.
function byServingThenRole(a: BoardMemberView, b: BoardMemberView): number {
  if (a.serving !== b.serving) return a.serving ? -1 : 1;
  const rank = (m: BoardMemberView) => {
    const role = m.currentRole ?? m.terms.at(-1)?.role;
    return MEMBER_ROLES.findIndex((known) => known === role);
  };
  return rank(a) - rank(b) || (a.name ?? '').localeCompare(b.name ?? '') || a.memberId.localeCompare(b.memberId);
}
