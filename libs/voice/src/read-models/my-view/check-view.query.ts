import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Clock, londonDateOf } from '#platform';
import { BoardOutcomes } from '../board-outcomes/board-outcomes.reader.js';
import { VoiceSettings } from '../voice-settings/voice-settings.reader.js';
import { MyViewJourneys } from './my-view-journey.reader.js';
import { ReceiptLookup } from '../view-receipts/receipt-lookup.js';
import { ModerationForAuthor } from './moderation-for-author.js';
import type { MyViewResponse } from './my-view.dto.js';
import { journeyOf } from './my-view.journey.js';
import { closeTheLoop, loopReferences } from './my-view.loop.js';

/** What happened to a view, found by its receipt code alone. */
export class CheckView extends Query<MyViewResponse> {
  constructor(readonly receiptCode: string) {
    super();
  }
}

@Injectable()
@QueryHandler(CheckView)
export class CheckViewHandler implements IQueryHandler<CheckView, MyViewResponse> {
  constructor(
    private readonly receipts: ReceiptLookup,
    private readonly moderation: ModerationForAuthor,
    private readonly views: MyViewJourneys,
    private readonly outcomes: BoardOutcomes,
    private readonly settings: VoiceSettings,
    private readonly clock: Clock,
  ) {}

  async execute({ receiptCode }: CheckView): Promise<MyViewResponse> {
    const receipt = await this.receipts.find(receiptCode);
    const { tenantId, contributionId } = receipt;
    const view = await this.views.of(tenantId, contributionId);
    const councilPhone = await this.settings.councilPhone(tenantId);
    const channel = view?.channel;
    // What the view changed: the decisions citing it (and those an answer points to), their meetings
    // and actions, from the board's published events.
    const citations = await this.outcomes.citationsOf(tenantId, contributionId);
    const { decisionIds, meetingIds } = loopReferences(receipt.steps, view, citations);
    const decisions = await this.outcomes.decisions(tenantId, decisionIds);
    const meetings = await this.outcomes.meetings(tenantId, [
      ...meetingIds,
      ...[...decisions.values()].map((d) => d.meeting_id),
    ]);
    const actions = await this.outcomes.actionsOf(tenantId, [...decisions.keys()]);
    const loop = closeTheLoop(journeyOf(receipt, { channel, councilPhone }), {
      steps: receipt.steps,
      view,
      citations,
      decisions,
      meetings,
      actions,
      today: londonDateOf(this.clock.now().toISOString()),
      councilPhone,
    });
    // The summary to agree with or question, and why a view was declined: beside the journey.
    return { ...loop, ...(await this.moderation.of(receipt)) };
  }
}
