import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from './caller.js';
import { Clock } from '#platform';
import { AccessLogEntity } from '../read-models/access-log/access-log.entity.js';
import { purposeFor } from '../read-models/access-log/access-log-purposes.js';

/**
 * Who reads: a signed-in member of staff (a Caller, with the route the request came by), or an operator
 * at the command line (`cli:<user>`, role "operator", the command as its route).
 */
export type Reader = Pick<Caller, 'userId' | 'tenantId' | 'route'> & { readonly actingRole: string };

@Injectable()
export class AccessLog {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Records a read of `subjectIds` (ids only: never words or names), with why: the route it came by
   * and its purpose (`purpose`, else what the action or the route was for).
   */
  async record(
    reader: Reader,
    action: string,
    subjectType: string,
    subjectIds: readonly string[],
    purpose?: string,
  ): Promise<void> {
    if (subjectIds.length === 0) return;
    const at = this.clock.now().toISOString();
    const route = reader.route ? reader.route.slice(0, 200) : null;
    const why = (purpose ?? purposeFor(action, route)).slice(0, 100);
    await this.db.getRepository(AccessLogEntity).insert(
      subjectIds.map((subjectId) => ({
        tenantId: reader.tenantId,
        userId: reader.userId,
        role: reader.actingRole,
        action,
        subjectType,
        subjectId,
        at,
        purpose: why,
        route,
      })),
    );
  }

  async forTenant(tenantId: string, limit = 200): Promise<AccessLogEntity[]> {
    return this.db.getRepository(AccessLogEntity).find({ where: { tenantId }, order: { id: 'DESC' }, take: limit });
  }
}
