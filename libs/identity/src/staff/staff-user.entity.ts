import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { StaffRole } from '../domain/roles.js';

@Entity('identity_staff_users')
@Index(['tenantId', 'email'], { unique: true })
export class StaffUserEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  tenantId!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 200 })
  displayName!: string;

  /** argon2id, never the password. */
  @Column({ type: 'varchar', length: 200 })
  passwordHash!: string;

  @Column({ type: 'simple-json' })
  roles!: StaffRole[];

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  @CreateDateColumn()
  createdAt!: Date;
}
