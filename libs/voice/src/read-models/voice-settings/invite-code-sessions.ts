import { Injectable } from '@nestjs/common';
import { IdentityService } from '#identity/contracts';
import { Clock, type InviteCodeSessions } from '#platform';
import { VoiceSettings } from './voice-settings.reader.js';

// Invite codes longer than the give-a-view form accepts are not looked at: the route refuses them anyway.
const LONGEST_CODE = 40;

/**
 * For the rate limit on giving views: a Children in Care Council session shares one address, so views
 * given with a valid invite code count against that code (generously) instead of the address. The key
 * is the board and the code's id; a missing, unknown, expired or revoked code gets none, and the
 * per-address limit applies. The key names a code handed to a group, never a young person.
 */
@Injectable()
export class InviteCodeSessionsFromSettings implements InviteCodeSessions {
  constructor(
    private readonly identity: IdentityService,
    private readonly settings: VoiceSettings,
    private readonly clock: Clock,
  ) {}

  async sessionOf(board: string, inviteCode: unknown): Promise<string | undefined> {
    if (typeof inviteCode !== 'string' || inviteCode.length > LONGEST_CODE) return undefined;
    const tenant = await this.identity.tenantBySlug(board);
    if (!tenant) return undefined;
    const codeId = await this.settings.usableInviteCode(tenant.id, inviteCode, this.clock.now().toISOString());
    return codeId === undefined ? undefined : `${tenant.id}/${codeId}`;
  }
}
