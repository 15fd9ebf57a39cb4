import { Injectable } from '@nestjs/common';
import { viewReference } from '#voice/contracts';
import type { Cut } from './cut.js';
import { viewAt, type StatusThen } from './view-availability.js';
import { ViewTimelineReader } from './view-timeline.reader.js';

export interface ViewKnown {
  readonly contributionId: string;
  /** Its short reference (V-0012): its place in the order views arrived on the board, never who sent it. */
  readonly reference?: string;
  /** Agenda items of this meeting it had been tabled at, by the cut. */
  readonly tabledAt: readonly string[];
  readonly themes: readonly string[];
  readonly statusThen: StatusThen;
  readonly availableThen: boolean;
  /** Withdrawn or erased after the cut: shown as a fact, never with words. */
  readonly laterWithdrawn: boolean;
}

export interface ViewsThen {
  readonly views: readonly ViewKnown[];
  /** Views withheld for safeguarding: a count only, never their ids. */
  readonly withheld: number;
}

/** The views the board had at a meeting (or item) at a cut, from the timeline index: no replay. */
@Injectable()
export class ViewsThenReader {
  constructor(private readonly timeline: ViewTimelineReader) {}

  async at(
    tenantId: string,
    meetingId: string,
    itemId: string | undefined,
    cut: Cut,
    alsoIds: readonly string[] = [],
  ): Promise<ViewsThen> {
    const tabled = await this.timeline.tabled(tenantId, meetingId, itemId, cut);
    const ids = [...new Set([...tabled.map((t) => t.contributionId), ...alsoIds])];
    const rows = await this.timeline.rowsOf(tenantId, ids);
    const views: ViewKnown[] = [];
    let withheld = 0;
    for (const id of ids) {
      const then = viewAt(id, rows, cut);
      if (then.withheld) {
        withheld += 1;
        continue;
      }
      views.push({
        contributionId: id,
        ...(then.arrival === null ? {} : { reference: viewReference(then.arrival) }),
        tabledAt: [...new Set(tabled.filter((t) => t.contributionId === id).map((t) => t.itemId))],
        themes: then.themes,
        statusThen: then.status,
        availableThen: then.available,
        laterWithdrawn: then.laterWithdrawn,
      });
    }
    return { views, withheld };
  }
}
