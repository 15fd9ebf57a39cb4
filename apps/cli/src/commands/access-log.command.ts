import { userInfo } from 'node:os';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CqrsModule, QueryBus } from '@nestjs/cqrs';
import {
  ACCESS_LOG_PAGE_SIZE,
  AccessLogReview,
  IdentityModule,
  IdentityService,
  ReviewAccessLog,
  type AccessLogPage,
} from '#identity';
import { ID_PATTERN, isCalendarDate, type AppConfig } from '#platform';
import { InfrastructureModule } from '../../../api/src/infrastructure/infrastructure.module.js';

/** Identity and what it stands on: no HTTP, no projections. */
@Module({})
class AccessLogModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AccessLogModule,
      imports: [InfrastructureModule.forRoot(config), CqrsModule.forRoot(), IdentityModule],
    };
  }
}

export interface AccessLogInput {
  readonly board?: string;
  readonly view?: string;
  readonly staff?: string;
  readonly from?: string;
  readonly to?: string;
  readonly page?: string;
  readonly pageSize?: string;
  readonly json: boolean;
}

export interface AccessLogOutcome {
  readonly code: number;
  readonly message: string;
}

const USAGE =
  'access-log needs --board <short-name>; optional --view <id>, --staff <id|email>, --from/--to <YYYY-MM-DD>, ' +
  `--page <n>, --page-size <1-${ACCESS_LOG_PAGE_SIZE.max}>, --json.`;

/**
 * Who read a board's children's words (and every audit read), when and why, newest first: the same
 * review as GET /api/audit/access-log, for operators and data protection officers at the command line.
 * The review is itself recorded, as the operator ("cli:<login>").
 */
export async function accessLogCommand(config: AppConfig, input: AccessLogInput): Promise<AccessLogOutcome> {
  const problem = checkInput(input);
  if (problem) return { code: 2, message: `${problem}\n${USAGE}` };
  const app = await NestFactory.createApplicationContext(AccessLogModule.forRoot(config), { logger: false });
  try {
    const tenant = await app.get(IdentityService).tenantBySlug(input.board!);
    if (!tenant) return { code: 1, message: `There is no board called "${input.board}".` };
    const review = app.get(AccessLogReview);
    let staffId: string | undefined;
    if (input.staff) {
      staffId = await review.staffIdOf(tenant.id, input.staff);
      if (!staffId) return { code: 1, message: `No member of staff of ${tenant.slug} is ${input.staff}.` };
    }
    const page = await app.get(QueryBus).execute(
      new ReviewAccessLog(
        {
          userId: `cli:${operator()}`.slice(0, 64),
          tenantId: tenant.id,
          actingRole: 'operator',
          route: 'cpb access-log',
        },
        {
          viewId: input.view,
          staffId,
          from: input.from,
          to: input.to,
          page: input.page ? Number(input.page) : undefined,
          pageSize: input.pageSize ? Number(input.pageSize) : undefined,
        },
      ),
    );
    return { code: 0, message: input.json ? JSON.stringify(page, null, 2) : table(page) };
  } finally {
    await app.close();
  }
}

function checkInput(input: AccessLogInput): string | undefined {
  if (!input.board) return 'Name the board.';
  if (!/^[a-z0-9-]{2,64}$/.test(input.board))
    return 'A board short name is 2 to 64 lower-case letters, digits or hyphens.';
  if (input.view !== undefined && !ID_PATTERN.test(input.view)) return '--view must be a view id.';
  if (input.staff !== undefined && !/^[^\s]{1,254}$/.test(input.staff))
    return '--staff must be a user id or e-mail address.';
  for (const [name, value] of [
    ['--from', input.from],
    ['--to', input.to],
  ] as const) {
    if (value !== undefined && !isCalendarDate(value)) return `${name} must be a date as YYYY-MM-DD.`;
  }
  if (input.from && input.to && input.from > input.to) return '--to must not be before --from.';
  if (input.page !== undefined && !/^[1-9]\d{0,4}$/.test(input.page)) return '--page must be a whole number from 1.';
  if (
    input.pageSize !== undefined &&
    (!/^[1-9]\d{0,2}$/.test(input.pageSize) || Number(input.pageSize) > ACCESS_LOG_PAGE_SIZE.max)
  ) {
    return `--page-size must be a whole number from 1 to ${ACCESS_LOG_PAGE_SIZE.max}.`;
  }
  return undefined;
}

function operator(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return process.env.USER ?? 'unknown'; // no passwd entry (some containers)
  }
}

/** A plain table: one line a read; ids only, never words. */
export function table(page: AccessLogPage): string {
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const heading = `${page.total} read${page.total === 1 ? '' : 's'} recorded; page ${page.page} of ${pages}, newest first.`;
  if (page.entries.length === 0) return `${heading}\n(no reads match)`;
  const rows = [
    ['when', 'who', 'role', 'what', 'why', 'route'],
    ...page.entries.map((entry) => [
      entry.at,
      entry.staff.name ?? entry.staff.userId,
      entry.staff.role,
      `${entry.subject.type} ${entry.subject.id}`,
      entry.purpose,
      entry.route ?? '(not recorded)',
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => [...row[column]!].length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell + ' '.repeat(widths[column]! - [...cell].length))
      .join('  ')
      .trimEnd();
  return [heading, line(rows[0]!), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)].join('\n');
}
