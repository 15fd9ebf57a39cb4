import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { idForNew, type CommandContext, BoardStreams } from '#event-store';
import { CommandContextFactory, IdentityService } from '#identity/contracts';
import { NotFound } from '#platform';
import { hashReceiptCode, screen, type SubmitContribution } from '../../domain/index.js';
import { receiptCodeFor, toTarget } from './new-view.js';
import { whatHappensNextForNewView } from '../../domain/contribution/help-words.js';
import { VoiceSettings } from '../../read-models/voice-settings/voice-settings.reader.js';
import { callFactsOf, runOnContribution } from '../contribution-writes.js';
import { MeetingCheck } from '../meeting-check.js';
import { RECEIPT_PEPPER } from '../receipt-pepper.provider.js';
import type { GiveViewRequest, GiveViewResponse } from './give-view.dto.js';

type Headers = Readonly<Record<string, string | string[] | undefined>>;

/** What every new view is told when the board has no number of its own set (see whatHappensNextForNewView). */
export const WHAT_HAPPENS_NEXT = whatHappensNextForNewView();

export class GiveView extends Command<GiveViewResponse> {
  constructor(
    readonly boardSlug: string,
    readonly headers: Headers,
    readonly request: GiveViewRequest,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(GiveView)
export class GiveViewHandler implements ICommandHandler<GiveView, GiveViewResponse> {
  constructor(
    private readonly identity: IdentityService,
    private readonly contexts: CommandContextFactory,
    private readonly streams: BoardStreams,
    @Inject(RECEIPT_PEPPER) private readonly pepper: string,
    private readonly settings: VoiceSettings,
    private readonly meetings: MeetingCheck,
  ) {}

  async execute({ boardSlug, headers, request }: GiveView): Promise<GiveViewResponse> {
    const tenant = await this.identity.tenantBySlug(boardSlug);
    if (!tenant) throw new NotFound('There is no such board.');
    // Ids come from the command id, so a phone's retry (same Idempotency-Key, same body) reaches the same
    // view and, with receiptCodeFor, gets the same working code back; another body with the key is a 422.
    const pending = this.contexts.forYoungPerson(tenant.id, 'pending', headers);
    // An id for the author, never a name: the subject of the key that seals their words.
    const authorPseudonym = idForNew(pending, 'author');
    const contributionId = idForNew(pending, 'contribution');
    const context: CommandContext = { ...pending, actor: { ...pending.actor, id: authorPseudonym } };
    const { code, display } = receiptCodeFor(this.pepper, pending);
    // Before anything is written. The view never records which code let it in: a code is handed to a
    // session's group, and linking views to it could narrow down who wrote them.
    await this.settings.admitView(tenant.id, request.inviteCode, context.now);
    const target = toTarget(request.target);
    // A meeting or item named must be this board's (404 otherwise), as on the staff route.
    await this.meetings.requireTarget(tenant.id, target);
    const command: SubmitContribution = {
      type: 'SubmitContribution',
      data: {
        contributionId,
        text: request.text,
        themes: request.themes,
        target,
        channel: 'online',
        ageBand: request.ageBand,
        careStatus: request.careStatus,
        sharing: request.sharing,
        receiptCodeHash: hashReceiptCode(code, this.pepper),
        authorPseudonym,
        at: context.now,
        facts: {
          // The board's rules: the defaults, always, and its own additions.
          screening: screen(request.text, await this.settings.screeningRules(tenant.id)),
          call: target.kind === 'call' ? await callFactsOf(this.streams, tenant.id, target.callId) : undefined,
        },
      },
    };
    await runOnContribution(this.streams, contributionId, command, context);
    // The same answer whether or not the screen flagged the view: nothing here tells the author. An
    // anonymous author is promised no contact: they are told what they can do now.
    const councilPhone = await this.settings.councilPhone(tenant.id);
    return { receiptCode: display, whatHappensNext: whatHappensNextForNewView(councilPhone) };
  }
}
