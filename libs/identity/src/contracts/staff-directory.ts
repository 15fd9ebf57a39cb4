import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { StaffRole } from '../domain/roles.js';
import { StaffUserEntity } from '../commands/staff-user.entity.js';

/**
 * What other contexts may know of a board's staff: the names to show beside what they did, and who holds
 * a role now. Never an e-mail address, a password hash or a second factor; never another board's staff.
 * Identity keeps its table to itself; this is the one door to it.
 */
@Injectable()
export class StaffDirectory {
  constructor(private readonly db: DataSource) {}

  /** Display names by staff id, within the tenant; ids the tenant does not have are left out. */
  async names(tenantId: string, ids: Iterable<string>): Promise<Map<string, string>> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return new Map();
    const staff = await this.db
      .getRepository(StaffUserEntity)
      .find({ where: { tenantId, id: In(wanted) }, select: { id: true, displayName: true } });
    return new Map(staff.map((user) => [user.id, user.displayName]));
  }

  /**
   * Ids of the tenant's active staff holding a role, oldest account first; accounts made in the same
   * second are ordered by e-mail address, so a default owner is predictable, never random.
   */
  async activeWithRole(tenantId: string, role: StaffRole): Promise<string[]> {
    return (await this.activeMembers(tenantId, role)).map((member) => member.userId);
  }

  /** As activeWithRole, with each one's name (no e-mail address, hash or secret is read). */
  async activeMembers(tenantId: string, role: StaffRole): Promise<Array<{ userId: string; displayName: string }>> {
    const staff = await this.db.getRepository(StaffUserEntity).find({
      where: { tenantId, disabled: false },
      select: { id: true, displayName: true, roles: true },
      order: { createdAt: 'ASC', email: 'ASC' },
    });
    return staff
      .filter((user) => user.roles.includes(role))
      .map((user) => ({ userId: user.id, displayName: user.displayName }));
  }
}
