import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { StaffUserEntity } from '#identity';

export interface CaseOwners {
  readonly namedLead: string;
  readonly deputy: string;
}

/**
 * Who answers for a board's safeguarding cases. Until a board configures its named lead and deputy
 * (not built yet), the earliest active safeguarding-lead account is the named lead and the next one
 * (or else the earliest admin) the deputy.
 */
@Injectable()
export class SafeguardingLeads {
  constructor(private readonly db: DataSource) {}

  async forTenant(tenantId: string): Promise<CaseOwners | undefined> {
    const staff = await this.db
      .getRepository(StaffUserEntity)
      .find({ where: { tenantId, disabled: false }, order: { createdAt: 'ASC', id: 'ASC' } });
    const leads = staff.filter((user) => user.roles.includes('safeguarding-lead'));
    const admins = staff.filter((user) => user.roles.includes('admin') && user.id !== leads[0]?.id);
    const namedLead = leads[0]?.id;
    const deputy = leads[1]?.id ?? admins[0]?.id;
    return namedLead && deputy ? { namedLead, deputy } : undefined;
  }
}
