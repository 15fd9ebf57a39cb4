import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins in a row for one board and email (whether or not such a user exists, so a lock
 * says nothing about who has an account). Keyed by a hash: no email is stored here.
 */
@Entity('identity_sign_in_failures')
export class SignInFailureEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ type: 'integer', default: 0 })
  failures!: number;

  /** ISO time until which sign-in is refused without checking the password; null when not locked. */
  @Column({ type: 'varchar', length: 30, nullable: true })
  lockedUntil!: string | null;
}
