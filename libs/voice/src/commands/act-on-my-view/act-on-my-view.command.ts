import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BoardStreams } from '#event-store';
import { CommandContextFactory, type HeaderMap } from '#identity/contracts';
import {
  screen,
  type ContributionCommand,
  type SafeguardingRule,
  type Sharing,
  type SummaryResponse,
} from '../../domain/index.js';
import { VoiceSettings } from '../../read-models/voice-settings/voice-settings.reader.js';
import { ReceiptLookup, type ReceiptRow } from '../../read-models/view-receipts/receipt-lookup.js';
import { runOnContribution } from '../contribution-writes.js';
import { ModerationForAuthor } from '../../read-models/my-view/moderation-for-author.js';

// What the author does with their receipt code. The read model finds the view; the decider checks the
// code's hash against the view's own (`author: {receiptCodeHash}`) before anything else.

export interface AuthorDone {
  readonly done: true;
  readonly whatHappensNext: string;
}

type AuthorAct =
  | { readonly kind: 'answer'; readonly text: string }
  | { readonly kind: 'sharing'; readonly sharing: Sharing }
  | { readonly kind: 'withdraw'; readonly reason?: string }
  /** Without a version: the latest (as the author's check shows it). */
  | {
      readonly kind: 'summary';
      readonly response: SummaryResponse;
      readonly message?: string;
      readonly version?: number;
    };

export class ActOnMyView extends Command<AuthorDone> {
  constructor(
    readonly receiptCode: string,
    readonly headers: HeaderMap,
    readonly act: AuthorAct,
  ) {
    super();
  }
}

const NEXT: Readonly<Record<AuthorAct['kind'], string>> = {
  answer: 'Thank you for your answer. Someone will read it soon.',
  sharing: 'Your choice is saved. You can change it again with your code.',
  withdraw: 'Your view has been taken back. The board will not use it.',
  summary: 'Thank you. The worker who wrote the summary will see what you said.',
};

@Injectable()
@CommandHandler(ActOnMyView)
export class ActOnMyViewHandler implements ICommandHandler<ActOnMyView, AuthorDone> {
  constructor(
    private readonly receipts: ReceiptLookup,
    private readonly contexts: CommandContextFactory,
    private readonly streams: BoardStreams,
    private readonly settings: VoiceSettings,
    private readonly moderation: ModerationForAuthor,
  ) {}

  async execute({ receiptCode, headers, act }: ActOnMyView): Promise<AuthorDone> {
    const row = await this.receipts.find(receiptCode);
    const context = this.contexts.forYoungPerson(row.tenantId, row.authorPseudonym, headers);
    const rules = act.kind === 'answer' ? await this.settings.screeningRules(row.tenantId) : [];
    const summaryVersion =
      act.kind === 'summary' ? (act.version ?? (await this.moderation.of(row)).summary?.version ?? 0) : 0;
    await runOnContribution(
      this.streams,
      row.contributionId,
      commandFor(row, act, context.now, rules, summaryVersion),
      context,
    );
    return { done: true, whatHappensNext: NEXT[act.kind] };
  }
}

function commandFor(
  row: ReceiptRow,
  act: AuthorAct,
  at: string,
  rules: readonly SafeguardingRule[],
  summaryVersion: number,
): ContributionCommand {
  const contributionId = row.contributionId;
  const author = { receiptCodeHash: row.receiptHash };
  switch (act.kind) {
    case 'answer':
      return {
        type: 'AnswerQuestion',
        data: {
          contributionId,
          author,
          text: act.text,
          at,
          // An answer is screened like the view, with the board's rules (the defaults and its own).
          facts: { screening: screen(act.text, rules) },
        },
      };
    case 'sharing':
      return { type: 'ChangeSharing', data: { contributionId, author, sharing: act.sharing, at } };
    case 'withdraw':
      return { type: 'WithdrawContribution', data: { contributionId, author, reason: act.reason, at } };
    case 'summary':
      // No summary yet (version 0): the decider answers "no summary", whatever version was named.
      return {
        type: 'RespondToSummary',
        data: {
          contributionId,
          author,
          version: summaryVersion || 1,
          response: act.response,
          message: act.message,
          at,
        },
      };
  }
}
