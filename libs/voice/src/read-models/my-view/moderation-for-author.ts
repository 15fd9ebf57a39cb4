import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DECLINE_REASONS, type DeclineReason } from '../../domain/index.js';
import { oneOf } from '#event-store';
import { SUMMARY_RESPONSES_KEPT, statusRows } from '../contribution-status/contribution-status.rows.js';
import type { ReceiptRow } from '../view-receipts/receipt-lookup.js';

/** The moderator's summary of a view, as its author reads it by code. */
export interface SummaryForAuthor {
  readonly version: number;
  readonly text: string;
  readonly writtenAt: string;
  /** What the author said about this version: nothing yet, agreed, or asked for a change. */
  readonly yourAnswer: 'none' | 'agreed' | 'change-requested';
  /** Whether the board reads it: yes while the view is shared "summary only". */
  readonly boardReadsIt: boolean;
}

/** Why a moderator declined the view, in the moderator's plain words. */
export interface DeclinedForAuthor {
  readonly reason: DeclineReason;
  /** The reason in words a young reader understands. */
  readonly reasonWords: string;
  readonly note: string;
}

export const DECLINE_REASON_WORDS: Readonly<Record<DeclineReason, string>> = {
  spam: 'It looked like spam or an advert, not a view.',
  abuse: 'It had words that hurt or abuse someone, so it cannot go to the board.',
  'off-topic': 'It was about something the board cannot help with.',
  repeat: 'We already have this view from you.',
};

/**
 * What moderation gave the author of a view: the current summary (for them to read, agree with or ask to
 * change) and, if it was declined, why. Read from the staff status model by the view the receipt code
 * found; nothing for a view withheld for safeguarding (which is never named to its author) or taken back.
 */
@Injectable()
export class ModerationForAuthor {
  constructor(private readonly db: DataSource) {}

  async of(receipt: ReceiptRow): Promise<{ summary?: SummaryForAuthor; declined?: DeclinedForAuthor }> {
    const [row] = await statusRows(this.db, receipt.tenantId, {
      sql: 't.contribution_id = :id',
      params: { id: receipt.contributionId },
    });
    if (!row || row.escalated || row.withdrawn || row.erased) return {};
    const version = row.summary_version;
    const summary: SummaryForAuthor | undefined =
      version > 0 && row.summary !== null
        ? {
            version,
            text: row.summary,
            writtenAt: row.summary_at ?? '',
            yourAnswer: oneOf(SUMMARY_RESPONSES_KEPT, row.summary_response) ?? 'none',
            boardReadsIt: row.sharing === 'summary-only',
          }
        : undefined;
    const reason = oneOf(DECLINE_REASONS, row.decline_reason);
    const declined =
      row.status === 'declined' && reason !== undefined
        ? { reason, reasonWords: DECLINE_REASON_WORDS[reason], note: row.decline_note ?? '' }
        : undefined;
    return { ...(summary ? { summary } : {}), ...(declined ? { declined } : {}) };
  }
}
