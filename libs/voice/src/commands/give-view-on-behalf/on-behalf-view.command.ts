import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BoardStreams, idForNew, type CommandContext } from '#event-store';
import { hashReceiptCode, screen, type ContributionTarget, type SubmitContribution } from '../../domain/index.js';
import { receiptCodeFor, toTarget } from '../give-view/new-view.js';
import { VoiceSettings } from '../../read-models/voice-settings/voice-settings.reader.js';
import { whatHappensNextForNewView } from '../../domain/contribution/help-words.js';
import { callFactsOf, runOnContribution } from '../contribution-writes.js';
import { RECEIPT_PEPPER } from '../receipt-pepper.provider.js';
import { MeetingCheck } from '../meeting-check.js';
import type { OnBehalfViewRequest, OnBehalfViewResponse } from './on-behalf-view.request.js';

/**
 * A view a young person gave at a Children in Care Council session, in a survey, or to an advocate or
 * worker, entered by that member of staff. The context's actor is the staff member; `submittedBy` is
 * their staff id from the token.
 */
export class SubmitOnBehalfCommand extends Command<OnBehalfViewResponse> {
  constructor(
    readonly context: CommandContext,
    readonly request: OnBehalfViewRequest,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(SubmitOnBehalfCommand)
export class SubmitOnBehalfHandler implements ICommandHandler<SubmitOnBehalfCommand, OnBehalfViewResponse> {
  constructor(
    private readonly streams: BoardStreams,
    private readonly meetings: MeetingCheck,
    @Inject(RECEIPT_PEPPER) private readonly pepper: string,
    private readonly settings: VoiceSettings,
  ) {}

  async execute({ context: staff, request }: SubmitOnBehalfCommand): Promise<OnBehalfViewResponse> {
    // The young person is a new pseudonymous author, as online: their words are sealed under their own key.
    const authorPseudonym = idForNew(staff, 'author');
    const context: CommandContext = { ...staff, onBehalfOf: { id: authorPseudonym, role: 'young-person' } };
    const contributionId = idForNew(staff, 'contribution');
    const { code, display } = receiptCodeFor(this.pepper, staff);
    const target = toTarget(request.target);
    await this.requireMeetingOf(staff.tenantId, target);
    const command: SubmitContribution = {
      type: 'SubmitContribution',
      data: {
        contributionId,
        text: request.text,
        themes: request.themes,
        target,
        channel: request.channel,
        submittedBy: staff.actor.id,
        ageBand: request.ageBand,
        careStatus: request.careStatus,
        // Undefined unless the young person chose: the domain defaults to the most private choice.
        sharing: request.sharing,
        receiptCodeHash: hashReceiptCode(code, this.pepper),
        authorPseudonym,
        at: staff.now,
        facts: {
          // The same screen as the young people's own route: the defaults, always, and the board's own rules.
          screening: screen(request.text, await this.settings.screeningRules(staff.tenantId)),
          call: target.kind === 'call' ? await callFactsOf(this.streams, staff.tenantId, target.callId) : undefined,
        },
      },
    };
    await runOnContribution(this.streams, contributionId, command, context);
    // The same answer whether or not the screen flagged it, and never the words.
    const councilPhone = await this.settings.councilPhone(staff.tenantId);
    return {
      contributionId,
      receiptCode: display,
      whatHappensNext: whatHappensNextForNewView(councilPhone, request.channel),
    };
  }

  /** A meeting or item named must be this board's (404 otherwise); malformed ids are the decider's 400. */
  private async requireMeetingOf(tenantId: string, target: ContributionTarget): Promise<void> {
    const named = (id: unknown): id is string => typeof id === 'string' && id.trim() !== '';
    if (target.kind === 'meeting' && named(target.meetingId)) await this.meetings.require(tenantId, target.meetingId);
    if (target.kind === 'agenda-item' && named(target.meetingId) && named(target.itemId)) {
      await this.meetings.require(tenantId, target.meetingId, target.itemId);
    }
  }
}
