import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { IdentityService } from '#identity/contracts';
import { Clock, londonDateOf, NotFound } from '#platform';
import { projectedRows } from '../projected-rows.js';
import { CALL_VIEWS_TABLE, CALLS_TABLE, callsForViewsProjection, type CallRow } from './calls-for-views.projection.js';

/** A call for views as staff see it: counts of the views that answer it, never their words or authors. */
export interface CallForViewsView {
  readonly callId: string;
  readonly question: string;
  readonly closesOn: string;
  /** 'closed' once the board closed it early or its closing London day has passed. */
  readonly status: 'open' | 'closed';
  readonly closedEarlyAt: string | null;
  readonly meetingId: string | null;
  readonly itemId: string | null;
  readonly themes: string[];
  readonly openedAt: string;
  /** Views answering it (withdrawn and erased views leave the count). */
  readonly views: number;
  /** Of those, the ones given after it closed. */
  readonly lateViews: number;
}

/** What young people see of an open call: the question, when it closes and its themes. Nothing else. */
export interface OpenCallView {
  readonly callId: string;
  readonly question: string;
  readonly closesOn: string;
  readonly themes: string[];
}

const callRows = (db: DataSource, tenantId: string): Promise<CallRow[]> =>
  projectedRows(db, callsForViewsProjection, CALLS_TABLE, tenantId, undefined, ['closes_on', 'opened_at', 'call_id']);

const isOpen = (row: CallRow, today: string): boolean => row.closed_at === null && row.closes_on >= today;

/** The caller's board's calls for views, soonest closing first, with counts of the views received. */
export class GetCallsForViews extends Query<CallForViewsView[]> {
  constructor(readonly tenantId: string) {
    super();
  }
}

@Injectable()
@QueryHandler(GetCallsForViews)
export class GetCallsForViewsHandler implements IQueryHandler<GetCallsForViews, CallForViewsView[]> {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute({ tenantId }: GetCallsForViews): Promise<CallForViewsView[]> {
    const today = londonDateOf(this.clock.now().toISOString());
    const calls = await callRows(this.db, tenantId);
    const views = await projectedRows(this.db, callsForViewsProjection, CALL_VIEWS_TABLE, tenantId, undefined, [
      'call_id',
    ]);
    const counts = new Map<string, { views: number; lateViews: number }>();
    for (const view of views) {
      const count = counts.get(view.call_id) ?? { views: 0, lateViews: 0 };
      count.views += 1;
      if (view.late) count.lateViews += 1;
      counts.set(view.call_id, count);
    }
    return calls.map((row) => ({
      callId: row.call_id,
      question: row.question,
      closesOn: row.closes_on,
      status: isOpen(row, today) ? 'open' : 'closed',
      closedEarlyAt: row.closed_at,
      meetingId: row.meeting_id,
      itemId: row.item_id,
      themes: row.themes,
      openedAt: row.opened_at,
      ...(counts.get(row.call_id) ?? { views: 0, lateViews: 0 }),
    }));
  }
}

/** A board's open calls, for young people (no account): the board is named by its slug. */
export class GetOpenCalls extends Query<OpenCallView[]> {
  constructor(readonly boardSlug: string) {
    super();
  }
}

@Injectable()
@QueryHandler(GetOpenCalls)
export class GetOpenCallsHandler implements IQueryHandler<GetOpenCalls, OpenCallView[]> {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly identity: IdentityService,
  ) {}

  async execute({ boardSlug }: GetOpenCalls): Promise<OpenCallView[]> {
    const tenant = await this.identity.tenantBySlug(boardSlug);
    if (!tenant) throw new NotFound('There is no such board.');
    const today = londonDateOf(this.clock.now().toISOString());
    const calls = await callRows(this.db, tenant.id);
    // Picked field by field: nothing about meetings, counts or staff reaches the public.
    return calls
      .filter((row) => isOpen(row, today))
      .map((row) => ({
        callId: row.call_id,
        question: row.question,
        closesOn: row.closes_on,
        themes: row.themes,
      }));
  }
}
