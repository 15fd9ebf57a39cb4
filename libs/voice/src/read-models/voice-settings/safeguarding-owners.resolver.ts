import { Injectable } from '@nestjs/common';
import { VoiceSettings } from './voice-settings.reader.js';

/** Minutes the named lead has to acknowledge a case when the board has not configured its window. */
export const DEFAULT_ACKNOWLEDGE_WITHIN_MINUTES = 240;

export interface ResolvedOwners {
  readonly namedLead: string;
  /** Null while the board has a single safeguarding lead: cases still open, with that lead alone. */
  readonly deputy: string | null;
  readonly acknowledgeWithinMinutes: number;
  /** configured: the board's settings; default: nothing (still valid) configured, so the oldest leads. */
  readonly source: 'configured' | 'default';
}

/**
 * Who answers for a board's safeguarding cases. The board's configured named lead and deputy, while
 * both are still active safeguarding leads; otherwise the default: the two oldest active
 * safeguarding-lead accounts. Never an admin: an admin cannot open the safeguarding queue, so a case
 * escalated to one would reach nobody, and a child's disclosure must not widen who can read it. With a
 * single safeguarding lead, that lead and no deputy (issue 17: a disclosure always opens a case; it stays
 * with the lead past its deadline). Undefined only while the board has no safeguarding lead at all.
 */
@Injectable()
export class SafeguardingOwnersResolver {
  constructor(private readonly settings: VoiceSettings) {}

  async forTenant(tenantId: string): Promise<ResolvedOwners | undefined> {
    const [state, leads] = await Promise.all([
      this.settings.state(tenantId),
      this.settings.activeSafeguardingLeads(tenantId),
    ]);
    const configured = state.owners;
    if (configured && leads.includes(configured.namedLead) && leads.includes(configured.deputy)) {
      return { ...configured, source: 'configured' };
    }
    const acknowledgeWithinMinutes = configured?.acknowledgeWithinMinutes ?? DEFAULT_ACKNOWLEDGE_WITHIN_MINUTES;
    // A configured owner who left or lost the role: keep whichever configured owner is still a lead first.
    const ordered = [configured?.namedLead, configured?.deputy, ...leads].filter(
      (id, i, all): id is string => id !== undefined && leads.includes(id) && all.indexOf(id) === i,
    );
    const [namedLead, deputy] = ordered;
    if (namedLead === undefined) return undefined;
    return { namedLead, deputy: deputy ?? null, acknowledgeWithinMinutes, source: 'default' };
  }
}
