import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { StaffRole } from '../domain/roles.js';

@Entity('identity_staff_users')
@Index(['tenantId', 'email'], { unique: true })
@Index(['tenantId', 'oidcSubject'])
export class StaffUserEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  tenantId!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 200 })
  displayName!: string;

  /** argon2id, never the password; empty for people who sign in only through their council (OIDC). */
  @Column({ type: 'varchar', length: 200 })
  passwordHash!: string;

  /** The TOTP secret, sealed (AES-256-GCM); null until a second factor is set up. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  totpSecret!: string | null;

  /** A secret shown for setting up, not yet confirmed with a code. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  totpPending!: string | null;

  /** The time step of the last code accepted: a code is good once. */
  @Column({ type: 'integer', nullable: true })
  totpLastStep!: number | null;

  /** "issuer|subject" of the council sign-in this account is linked to, if any. */
  @Column({ type: 'varchar', length: 512, nullable: true })
  oidcSubject!: string | null;

  @Column({ type: 'simple-json' })
  roles!: StaffRole[];

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  @CreateDateColumn()
  createdAt!: Date;
}
