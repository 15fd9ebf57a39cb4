import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who read what, when: every staff read of a child's words, and every audit read, is recorded.
 * Append-only: nothing in the product updates or deletes these rows.
 */
@Entity('identity_access_log')
@Index(['tenantId', 'at'])
// The reviews' filters: per view (or other subject), per member of staff.
@Index(['tenantId', 'subjectId'])
@Index(['tenantId', 'userId'])
export class AccessLogEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 64 })
  tenantId!: string;

  @Column({ type: 'varchar', length: 64 })
  userId!: string;

  @Column({ type: 'varchar', length: 32 })
  role!: string;

  /** What was done, e.g. "read-contribution-text", "audit-history". */
  @Column({ type: 'varchar', length: 64 })
  action!: string;

  /** The kind and id of what was read (ids only: never words or names). */
  @Column({ type: 'varchar', length: 64 })
  subjectType!: string;

  @Column({ type: 'varchar', length: 200 })
  subjectId!: string;

  @Column({ type: 'varchar', length: 30 })
  at!: string;

  /**
   * Why: the purpose of the read in plain words ("moderation", "access-log review"). Null on rows
   * recorded before it was kept: a review derives it from the action.
   */
  @Column({ type: 'varchar', length: 100, nullable: true })
  purpose!: string | null;

  /** The route the read came by ("GET /api/moderation/queue", a template: no ids), or the CLI command; null on older rows. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  route!: string | null;
}
