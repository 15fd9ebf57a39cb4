import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource, In } from 'typeorm';
import { addDays, londonDateOf } from '#platform';
import { StaffUserEntity } from '../../commands/staff-user.entity.js';
import { AccessLog, type Reader } from '../../contracts/access-log.service.js';
import { AccessLogEntity } from './access-log.entity.js';
import { ACCESS_LOG_REVIEW, purposeFor } from './access-log-purposes.js';

/** What a review asks about; every filter optional, all of them together narrow it. */
export interface AccessLogFilter {
  /** Reads of one view (a contribution id). */
  readonly viewId?: string;
  /** Reads by one member of staff (a user id). */
  readonly staffId?: string;
  /** First and last London dates of the period (YYYY-MM-DD), both included. */
  readonly from?: string;
  readonly to?: string;
  /** 1-based. */
  readonly page?: number;
  readonly pageSize?: number;
}

export interface AccessLogEntry {
  /** The row's number: later reads have larger numbers. */
  readonly entry: number;
  readonly at: string;
  /** Who read: their name as the board knows it (null if the account is gone), and the role they read in. */
  readonly staff: { readonly userId: string; readonly name: string | null; readonly role: string };
  readonly action: string;
  /** What was read: its kind and id (never its words). */
  readonly subject: { readonly type: string; readonly id: string };
  /** Why: the purpose, and the route (a template, no ids) or command it came by; null on rows older than that. */
  readonly purpose: string;
  readonly route: string | null;
}

export interface AccessLogPage {
  readonly entries: readonly AccessLogEntry[];
  readonly page: number;
  readonly pageSize: number;
  /** Entries matching the filter, on every page. */
  readonly total: number;
  readonly filter: {
    readonly viewId: string | null;
    readonly staffId: string | null;
    readonly from: string | null;
    readonly to: string | null;
  };
}

export const ACCESS_LOG_PAGE_SIZE = { default: 50, max: 200 } as const;

/**
 * "Who read this child's words, when and why": the access log of one board, newest first, by view,
 * member of staff and period. Every review is itself recorded in the access log.
 */
/** A page of the access log, for a reader who may review it (the route and the CLI alike). */
export class ReviewAccessLog extends Query<AccessLogPage> {
  constructor(
    readonly reader: Reader,
    readonly filter: AccessLogFilter,
  ) {
    super();
  }
}

@Injectable()
@QueryHandler(ReviewAccessLog)
export class AccessLogReview implements IQueryHandler<ReviewAccessLog, AccessLogPage> {
  constructor(
    private readonly db: DataSource,
    private readonly accessLog: AccessLog,
  ) {}

  execute({ reader, filter }: ReviewAccessLog): Promise<AccessLogPage> {
    return this.review(reader, filter);
  }

  async review(reader: Reader, filter: AccessLogFilter): Promise<AccessLogPage> {
    const tenantId = reader.tenantId;
    const page = Math.max(1, Math.floor(filter.page ?? 1));
    const pageSize = Math.min(
      ACCESS_LOG_PAGE_SIZE.max,
      Math.max(1, Math.floor(filter.pageSize ?? ACCESS_LOG_PAGE_SIZE.default)),
    );
    const query = this.db
      .getRepository(AccessLogEntity)
      .createQueryBuilder('log')
      .where('log.tenantId = :tenantId', { tenantId });
    if (filter.viewId) {
      query.andWhere('log.subjectType = :type AND log.subjectId = :viewId', {
        type: 'contribution',
        viewId: filter.viewId,
      });
    }
    if (filter.staffId) query.andWhere('log.userId = :staffId', { staffId: filter.staffId });
    if (filter.from) query.andWhere('log.at >= :start', { start: londonDayStart(filter.from) });
    if (filter.to) query.andWhere('log.at < :end', { end: londonDayStart(addDays(filter.to, 1)) });
    const [rows, total] = await query
      .orderBy('log.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    const names = await this.names(tenantId, rows);
    const entries = rows.map((row): AccessLogEntry => ({
      entry: row.id,
      at: row.at,
      staff: { userId: row.userId, name: names.get(row.userId) ?? operatorName(row.userId), role: row.role },
      action: row.action,
      subject: { type: row.subjectType, id: row.subjectId },
      purpose: row.purpose ?? purposeFor(row.action, row.route),
      route: row.route,
    }));
    // The review is a read too: of the view's log, of a member of staff's reads, or of the whole board's.
    const subjects: Array<[string, string]> = [];
    if (filter.viewId) subjects.push(['contribution', filter.viewId]);
    if (filter.staffId) subjects.push(['staff', filter.staffId]);
    if (subjects.length === 0) subjects.push(['access-log', tenantId]);
    for (const [type, id] of subjects) {
      await this.accessLog.record(reader, ACCESS_LOG_REVIEW.action, type, [id], ACCESS_LOG_REVIEW.purpose);
    }
    return {
      entries,
      page,
      pageSize,
      total,
      filter: {
        viewId: filter.viewId ?? null,
        staffId: filter.staffId ?? null,
        from: filter.from ?? null,
        to: filter.to ?? null,
      },
    };
  }

  /** The id of a member of staff of the board, by id or email (disabled accounts too: they may have read). */
  async staffIdOf(tenantId: string, idOrEmail: string): Promise<string | undefined> {
    const repo = this.db.getRepository(StaffUserEntity);
    const user = idOrEmail.includes('@')
      ? await repo.findOne({ where: { tenantId, email: idOrEmail.trim().toLowerCase() } })
      : await repo.findOne({ where: { tenantId, id: idOrEmail } });
    return user?.id;
  }

  private async names(tenantId: string, rows: readonly AccessLogEntity[]): Promise<Map<string, string>> {
    const ids = [...new Set(rows.map((row) => row.userId))];
    if (ids.length === 0) return new Map();
    const users = await this.db.getRepository(StaffUserEntity).find({ where: { tenantId, id: In(ids) } });
    return new Map(users.map((user) => [user.id, user.displayName]));
  }
}

/** The moment a London day starts (midnight GMT in winter, 23:00 UTC the day before in summer), as stored. */
export function londonDayStart(date: string): string {
  const midnightUtc = Date.parse(`${date}T00:00:00.000Z`);
  for (const hours of [1, 0]) {
    const start = midnightUtc - hours * 3_600_000;
    if (
      londonDateOf(new Date(start).toISOString()) === date &&
      londonDateOf(new Date(start - 1).toISOString()) !== date
    ) {
      return new Date(start).toISOString();
    }
  }
  return new Date(midnightUtc).toISOString();
}

function operatorName(userId: string): string | null {
  return userId.startsWith('cli:') ? `Command line (${userId.slice(4)})` : null;
}
