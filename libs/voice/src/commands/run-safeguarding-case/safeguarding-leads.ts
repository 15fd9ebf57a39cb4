import { Injectable } from '@nestjs/common';
import { SafeguardingOwnersResolver } from '../../read-models/voice-settings/safeguarding-owners.resolver.js';

export interface CaseOwners {
  readonly namedLead: string;
  /** Null with a single safeguarding lead. */
  readonly deputy: string | null;
  /** Minutes the named lead has to acknowledge. */
  readonly acknowledgeWithin: number;
}

/**
 * Who answers for a board's safeguarding cases, and how fast: the board's configured named lead,
 * deputy and window (voice settings); until configured, the two oldest active safeguarding leads and
 * the default window. The deputy is always a safeguarding lead, never an admin (who cannot open the
 * queue); a board with a single lead has none. Undefined only while the board has no safeguarding lead.
 */
@Injectable()
export class SafeguardingLeads {
  constructor(private readonly owners: SafeguardingOwnersResolver) {}

  async forTenant(tenantId: string): Promise<CaseOwners | undefined> {
    const owners = await this.owners.forTenant(tenantId);
    if (!owners) return undefined;
    return { namedLead: owners.namedLead, deputy: owners.deputy, acknowledgeWithin: owners.acknowledgeWithinMinutes };
  }
}
