import { Injectable } from '@nestjs/common';
import { StaffDirectory } from '#identity/contracts';
import { VoiceSettings } from './voice-settings.reader.js';

export interface ResolvedModeration {
  /** Working days a person has to read each view (the board's, or the default 2). */
  readonly windowWorkingDays: number;
  /** Staff id of the moderation lead; null while the board has no active moderator at all. */
  readonly lead: string | null;
  /** configured: named in the settings (and still an active moderator); default: the oldest active moderator. */
  readonly leadSource: 'configured' | 'default' | 'none';
}

/**
 * Who hears of a view past the board's moderation window. A named staff member, as for safeguarding
 * cases, rather than a new role: the board names one of its moderators (only moderators can open the
 * queue and act on the view), and the escalation is shown to every moderator at the top of the queue,
 * naming the lead. While none is named, or the named one left or lost the role, the oldest active
 * moderator account is the lead (predictable, never random); never an admin, who cannot read views.
 */
@Injectable()
export class ModerationLeadResolver {
  constructor(
    private readonly settings: VoiceSettings,
    private readonly staff: StaffDirectory,
  ) {}

  async forTenant(tenantId: string): Promise<ResolvedModeration> {
    const [state, moderators] = await Promise.all([this.settings.state(tenantId), this.activeModerators(tenantId)]);
    const windowWorkingDays = state.moderationWindowWorkingDays;
    const named = state.moderationLead;
    if (named !== undefined && moderators.includes(named)) {
      return { windowWorkingDays, lead: named, leadSource: 'configured' };
    }
    const [oldest] = moderators;
    return oldest === undefined
      ? { windowWorkingDays, lead: null, leadSource: 'none' }
      : { windowWorkingDays, lead: oldest, leadSource: 'default' };
  }

  /** Staff ids of the tenant's active moderators, oldest account first (then by e-mail address). */
  activeModerators(tenantId: string): Promise<string[]> {
    return this.staff.activeWithRole(tenantId, 'moderator');
  }

  /** Display names of staff of this tenant, by id (a staff member's name, never a young person's). */
  names(tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
    return this.staff.names(tenantId, ids);
  }
}
