import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One council's board. No tenant's user can reach another tenant's data. */
@Entity('identity_tenants')
export class TenantEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  /** Short name used at sign-in, e.g. "northshire". */
  @Column({ type: 'varchar', length: 64, unique: true })
  slug!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @CreateDateColumn()
  createdAt!: Date;
}
