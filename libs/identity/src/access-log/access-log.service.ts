import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '../contracts/caller.js';
import { Clock } from '#platform';
import { AccessLogEntity } from './access-log.entity.js';

@Injectable()
export class AccessLog {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(caller: Caller, action: string, subjectType: string, subjectIds: readonly string[]): Promise<void> {
    if (subjectIds.length === 0) return;
    const at = this.clock.now().toISOString();
    await this.db.getRepository(AccessLogEntity).insert(
      subjectIds.map((subjectId) => ({
        tenantId: caller.tenantId,
        userId: caller.userId,
        role: caller.actingRole,
        action,
        subjectType,
        subjectId,
        at,
      })),
    );
  }

  async forTenant(tenantId: string, limit = 200): Promise<AccessLogEntity[]> {
    return this.db.getRepository(AccessLogEntity).find({ where: { tenantId }, order: { id: 'DESC' }, take: limit });
  }
}
