import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, foldRecorded, type EventStore, ofBoard } from '#event-store';
import { StaffDirectory } from '#identity/contracts';
import { Forbidden } from '#platform';
import {
  effectiveScreeningRules,
  hashInviteCode,
  inviteCodeStanding,
  voiceSettingsDecider,
  voiceSettingsStream,
  type SafeguardingRule,
  type VoiceSettingsState,
} from '../../domain/index.js';
import { RECEIPT_PEPPER } from '../../commands/receipt-pepper.provider.js';

interface Folded {
  readonly revision: bigint | undefined;
  readonly state: VoiceSettingsState;
  readonly rules: readonly SafeguardingRule[];
}

/**
 * The board's current voice settings, folded on read: a settings stream holds a handful of events,
 * so no read model is needed. The fold is kept per tenant until the stream moves on, so the screen's
 * compiled rules (cached by list) are reused from one view to the next.
 */
@Injectable()
export class VoiceSettings {
  private readonly folded = new Map<string, Folded>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RECEIPT_PEPPER) private readonly pepper: string,
    private readonly staff: StaffDirectory,
  ) {}

  async state(tenantId: string): Promise<VoiceSettingsState> {
    return (await this.fold(tenantId)).state;
  }

  /** The rules every view and answer of this board is screened with: the defaults and the board's own. */
  async screeningRules(tenantId: string): Promise<readonly SafeguardingRule[]> {
    return (await this.fold(tenantId)).rules;
  }

  /** The reading age above which an answer to young people needs its sender's reason (11 unless set). */
  async answerReadingAge(tenantId: string): Promise<number> {
    return (await this.fold(tenantId)).state.answerReadingAge;
  }

  /** The council's number for young people, if the board gave one. */
  async councilPhone(tenantId: string): Promise<string | undefined> {
    return (await this.fold(tenantId)).state.councilPhone;
  }

  /** The council's colour for its pages' header (`#rrggbb`), if the board gave one. */
  async councilColour(tenantId: string): Promise<string | undefined> {
    return (await this.fold(tenantId)).state.councilColour;
  }

  /**
   * Lets a view in, or refuses it with 403 when the board requires an invite code and this one is
   * missing, unknown, expired or revoked (one answer for all four: nothing to learn by probing).
   */
  async admitView(tenantId: string, inviteCode: string | null | undefined, now: string): Promise<void> {
    const { state } = await this.fold(tenantId);
    if (!state.inviteCodesRequired) return;
    let standing = 'missing';
    // null is missing too: the DTO's @IsOptional lets it through.
    if (typeof inviteCode === 'string' && inviteCode.trim() !== '') {
      try {
        standing = inviteCodeStanding(state, hashInviteCode(inviteCode, this.pepper), now);
      } catch {
        standing = 'malformed';
      }
    }
    if (standing !== 'valid') {
      throw new Forbidden('This board asks for an invite code from its participation team to give a view.');
    }
  }

  /**
   * The id of the invite code given, when it is one of this board's and usable at `now` (not revoked,
   * not expired), whether or not the board requires codes; else undefined, for any other answer alike.
   */
  async usableInviteCode(tenantId: string, inviteCode: unknown, now: string): Promise<string | undefined> {
    if (typeof inviteCode !== 'string' || inviteCode.trim() === '') return undefined;
    let codeHash: string;
    try {
      codeHash = hashInviteCode(inviteCode, this.pepper);
    } catch {
      return undefined;
    }
    const { state } = await this.fold(tenantId);
    if (inviteCodeStanding(state, codeHash, now) !== 'valid') return undefined;
    return state.inviteCodes.find((code) => code.codeHash === codeHash)?.codeId;
  }

  /**
   * Staff ids of the tenant's active safeguarding leads, oldest account first; accounts made in the
   * same second are ordered by e-mail address, so the default owners are predictable, not random.
   */
  activeSafeguardingLeads(tenantId: string): Promise<string[]> {
    return this.staff.activeWithRole(tenantId, 'safeguarding-lead');
  }

  private async fold(tenantId: string): Promise<Folded> {
    // The stream is named by the tenant; a stream started by anyone else is ignored, never trusted.
    const ours = ofBoard(await this.store.readStream(voiceSettingsStream(tenantId)), tenantId);
    const revision = ours.at(-1)?.revision;
    const cached = this.folded.get(tenantId);
    if (cached && cached.revision === revision) return cached;
    const state = foldRecorded(voiceSettingsDecider, ours);
    const folded = { revision, state, rules: effectiveScreeningRules(state) };
    this.folded.set(tenantId, folded);
    return folded;
  }
}
