// The access log's "why" (purpose and route) was added to a table that already holds rows: on SQLite and
// PostgreSQL, a log written before keeps its rows, which read with a purpose taken from their action.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { FixedClock } from '#platform';
import { createTestDatabase } from '../../../../testing/src/postgres/test-database.js';
import { StaffUserEntity } from '../../commands/staff-user.entity.js';
import { AccessLogEntity } from './access-log.entity.js';
import { AccessLogReview, londonDayStart } from './access-log-review.js';
import { AccessLog } from '../../contracts/access-log.service.js';

const OLD_TABLE = (id: string) => `CREATE TABLE "identity_access_log" (
  "id" ${id},
  "tenantId" varchar(64) NOT NULL, "userId" varchar(64) NOT NULL, "role" varchar(32) NOT NULL,
  "action" varchar(64) NOT NULL, "subjectType" varchar(64) NOT NULL, "subjectId" varchar(200) NOT NULL,
  "at" varchar(30) NOT NULL)`;
const OLD_ROW = `INSERT INTO "identity_access_log" ("tenantId", "userId", "role", "action", "subjectType", "subjectId", "at")
  VALUES ('t1', 'u-moderator', 'moderator', 'read-contribution-text', 'contribution', 'view-1', '2026-02-01T10:00:00.000Z')`;

const legs: Array<{
  name: string;
  open: () => Promise<{ options: DataSourceOptions; raw: (sql: string) => Promise<void>; close: () => Promise<void> }>;
}> = [
  {
    name: 'SQLite',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cpb-access-log-'));
      const database = join(dir, 'read.db');
      return {
        options: { type: 'better-sqlite3', driver: Database, database },
        raw: async (sql) => {
          const db = new Database(database);
          db.exec(sql);
          db.close();
        },
        close: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'PostgreSQL',
    open: async () => {
      const { url, drop } = await createTestDatabase('cpb_access_log');
      return {
        options: { type: 'postgres', url },
        raw: async (sql) => {
          const db = await new DataSource({ type: 'postgres', url }).initialize();
          await db.query(sql);
          await db.destroy();
        },
        close: drop,
      };
    },
  },
];

describe.each(legs)('access log on $name', ({ open }) => {
  it('keeps rows written before it kept why, and records why from now on', async () => {
    const opened = await open();
    const serial =
      opened.options.type === 'postgres' ? 'SERIAL PRIMARY KEY' : 'integer PRIMARY KEY AUTOINCREMENT NOT NULL';
    await opened.raw(OLD_TABLE(serial));
    await opened.raw(OLD_ROW);
    const db = await new DataSource({
      ...opened.options,
      entities: [AccessLogEntity, StaffUserEntity],
      synchronize: true,
    } as DataSourceOptions).initialize();
    try {
      const clock = new FixedClock(new Date('2026-03-02T09:00:00.000Z'));
      const log = new AccessLog(db, clock);
      const review = new AccessLogReview(db, log);
      await log.record(
        { userId: 'u-auditor', tenantId: 't1', actingRole: 'auditor', route: 'GET /api/audit/views/:id/history' },
        'audit-history',
        'contribution',
        ['view-1'],
      );
      await log.record({ userId: 'u-other', tenantId: 't2', actingRole: 'auditor' }, 'audit-history', 'contribution', [
        'view-1',
      ]);
      const page = await review.review({ userId: 'u-dpo', tenantId: 't1', actingRole: 'admin' }, { viewId: 'view-1' });
      expect(page.total).toBe(2);
      expect(page.entries.map((e) => [e.staff.userId, e.action, e.purpose, e.route, e.at])).toEqual([
        [
          'u-auditor',
          'audit-history',
          'Audit: a record’s history',
          'GET /api/audit/views/:id/history',
          '2026-03-02T09:00:00.000Z',
        ],
        ['u-moderator', 'read-contribution-text', 'Reading a view’s words', null, '2026-02-01T10:00:00.000Z'],
      ]);
      // The review itself is in the log.
      const reviews = (await log.forTenant('t1')).filter((row) => row.action === 'access-log-review');
      expect(reviews).toEqual([
        expect.objectContaining({
          userId: 'u-dpo',
          subjectType: 'contribution',
          subjectId: 'view-1',
          purpose: 'Access-log review',
        }),
      ]);
    } finally {
      await db.destroy();
      await opened.close();
    }
  }, 60_000);
});

describe('London days', () => {
  it('start at midnight GMT in winter and 23:00 UTC the day before in summer', () => {
    expect(londonDayStart('2026-01-15')).toBe('2026-01-15T00:00:00.000Z');
    expect(londonDayStart('2026-07-15')).toBe('2026-07-14T23:00:00.000Z');
    // The days the clocks change.
    expect(londonDayStart('2026-03-29')).toBe('2026-03-29T00:00:00.000Z');
    expect(londonDayStart('2026-03-30')).toBe('2026-03-29T23:00:00.000Z');
    expect(londonDayStart('2026-10-25')).toBe('2026-10-24T23:00:00.000Z');
    expect(londonDayStart('2026-10-26')).toBe('2026-10-26T00:00:00.000Z');
  });
});
