import { Controller, Get, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TFunction } from 'i18next';
import {
  GetDecisionAsAt,
  GetHistory,
  GetMeetingAsAt,
  type Cut,
  type DecisionThen,
  type History,
  type HistoryEntry,
  type MeetingThen,
} from '#audit';
import { GetDecisions, GetMeetingDetail, type DecisionSummaryView, type MeetingDetailView } from '#board';
import { Public, type Caller } from '#identity';
import {
  GetDecisionInfluence,
  GetViewJourney,
  type CitedView,
  type DecisionInfluence,
  type ViewJourney,
} from '#insight';
import { NotFound } from '#platform';
import { pageDate } from '../pages/page-renderer.js';
import { themeWords } from '../pages/we-did-words.js';
import { actorWords, dateTimeWords, londonInstant, plainWords, type Names } from './audit-words.js';
import { StaffPageAccess, StaffSessionGuard, StaffPage } from './staff-session.guard.js';
import { StaffPages } from './staff-pages.js';

/** Meeting, decision and view ids (as the API's): never a name. Anything else is not a page. */
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const INFLUENCES = ['shaped', 'informed', 'considered-not-adopted'] as const;

type Request = FastifyRequest & { caller: Caller };
type Fact = { term: string; value: string };

function checked(id: string): string {
  if (!ID.test(id)) throw new NotFound('There is no such page.');
  return id;
}

/**
 * The inspector's read-only pages, server-rendered (docs/adr/0026-server-rendered-staff-pages.md). Each
 * read goes through the same query on the QueryBus as its JSON route, with the caller as that route would
 * have admitted them (StaffPageAccess.on): the access log records a page's reads as it records the API's.
 * Nothing but record ids, and the "as at" form's date and time, is ever in an address.
 */
@ApiExcludeController()
@Public()
@UseGuards(StaffSessionGuard)
@Controller('audit')
export class AuditPagesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly access: StaffPageAccess,
    private readonly pages: StaffPages,
  ) {}

  @Get('decisions')
  @StaffPage('/audit/decisions')
  async register(@Req() request: Request, @Res() reply: FastifyReply) {
    const { t, locale } = this.pages.words(request, reply);
    const decisions = await this.decisions(request.caller);
    const rows = decisions.map((d) => ({
      decided: pageDate(d.decidedOn, locale),
      decision: {
        text: `${d.reference}: ${d.resolution}`,
        href: `/audit/decisions/${encodeURIComponent(d.decisionId)}`,
      },
      meeting: {
        text: [
          d.meeting.title ?? t('audit.register.itsMeeting'),
          d.meeting.startsAt && pageDate(d.meeting.startsAt, locale),
        ]
          .filter(Boolean)
          .join(', '),
        href: `/audit/meetings/${encodeURIComponent(d.meeting.meetingId)}`,
      },
      views: d.voiceEvidence.contributions,
      since:
        [
          d.amended && t('audit.register.amended'),
          d.superseded &&
            t('audit.register.replacedBy', { reference: d.supersededByReference ?? t('audit.said.aLaterDecision') }),
        ]
          .filter(Boolean)
          .join(', ') || t('audit.register.inForce'),
    }));
    return this.pages.send(request, reply, 'audit-decisions.njk', {
      count: t('audit.register.count', { count: rows.length }),
      rows,
    });
  }

  @Get('decisions/:decisionId')
  @StaffPage('/audit/decisions/:decisionId')
  async decision(
    @Param('decisionId') rawId: string,
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
    @Res() reply: FastifyReply,
  ) {
    const id = checked(rawId);
    const { t, locale } = this.pages.words(request, reply);
    const when = (iso: string) => dateTimeWords(iso, locale, t);
    const history: History = await this.queries.execute(
      new GetHistory(this.access.on(request.caller, 'GET /api/audit/decisions/{id}/history'), 'decision', id),
    );
    const recorded = (history.events.find((e) => e.type === 'DecisionRecorded')?.data ?? {}) as Record<string, unknown>;
    const meetingId = String(recorded.meetingId ?? '');
    const { names, meeting, refs } = await this.namesFor(request.caller, meetingId, history.events, t);
    const asAt = this.asAt(query, t);
    const then = await this.standing(asAt, async (cut) => {
      const answer: DecisionThen = await this.queries.execute(
        new GetDecisionAsAt(this.access.on(request.caller, 'GET /api/audit/decisions/{id}'), id, cut),
      );
      const d = answer.decision;
      const content = (d.content ?? {}) as Record<string, unknown>;
      const facts: Fact[] = [this.asOf(answer.asOf, t, locale)];
      facts.push({
        term: t('audit.decision.status'),
        value: t(`audit.decision.statuses.${d.status}`, { defaultValue: d.status }),
      });
      if (content.resolution) facts.push({ term: t('audit.decision.resolution'), value: String(content.resolution) });
      if (d.kind) facts.push({ term: t('audit.decision.kind'), value: d.kind });
      if (d.recordedAt) facts.push({ term: t('audit.decision.recorded'), value: when(d.recordedAt) });
      facts.push({ term: t('audit.decision.viewsCited'), value: String(d.citedContributionIds.length) });
      facts.push({
        term: t('audit.decision.amendments'),
        value: d.amendments.length ? String(d.amendments.length) : t('audit.decision.none'),
      });
      d.amendments.forEach((amendment, i) =>
        facts.push({
          term: t('audit.decision.amendment', { n: i + 1 }),
          value: t('audit.decision.amendmentWhy', { changes: amendment.changes, reason: amendment.reason }),
        }),
      );
      if (d.supersededBy)
        facts.push({
          term: t('audit.decision.replacedBy'),
          value: names.decision(d.supersededBy, t('audit.said.aLaterDecision')),
        });
      const knew = answer.boardKnew;
      return {
        facts,
        knew: knew && {
          counts: [
            { term: t('audit.knew.tabled'), value: knew.counts.tabled },
            { term: t('audit.knew.available'), value: knew.counts.available },
            { term: t('audit.knew.cited'), value: knew.counts.cited },
            { term: t('audit.knew.withheld'), value: knew.counts.withheld },
          ],
          views: knew.views.map((v) => ({
            name: v.reference ?? t('audit.aView'),
            themes: v.themes.map((code) => themeWords(t, code)).join(', ') || t('audit.decision.none'),
            then:
              t(`audit.statusThen.${v.statusThen}`, { defaultValue: v.statusThen }) +
              (v.laterWithdrawn ? t('audit.knew.withdrawnSince') : ''),
            tabledHere: t(v.tabledHere ? 'audit.yes' : 'audit.no'),
            cited: v.cited
              ? t(`audit.influence.${v.cited.influence}`, { defaultValue: v.cited.influence })
              : t('audit.knew.notCited'),
          })),
        },
      };
    });
    const ref = refs.get(id);
    return this.pages.send(request, reply, 'audit-decision.njk', {
      heading: ref ? t('audit.decision.titleRef', { reference: ref }) : t('audit.decision.title'),
      toInfluence: `/audit/decisions/${encodeURIComponent(id)}/influence`,
      toMeeting: {
        href: `/audit/meetings/${encodeURIComponent(meetingId)}`,
        text: meeting
          ? t('audit.decision.toMeetingNamed', { title: meeting.title, date: pageDate(meeting.startsAt, locale) })
          : t('audit.decision.toMeeting'),
      },
      ...this.timeline(history, names, t, locale),
      ...then,
      notYet: then.notYet && t('audit.decision.notYet', { when: dateTimeWords(asAt.instant!, locale, t, true) }),
      thenTitle: then.asAtWhen
        ? t('audit.asAt.stoodAt', { when: dateTimeWords(then.asAtWhen, locale, t, true) })
        : t('audit.asAt.standsNow'),
      form: asAt.form,
      errors: asAt.errors,
    });
  }

  @Get('meetings/:meetingId')
  @StaffPage('/audit/meetings/:meetingId')
  async meeting(
    @Param('meetingId') rawId: string,
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
    @Res() reply: FastifyReply,
  ) {
    const id = checked(rawId);
    const { t, locale } = this.pages.words(request, reply);
    const when = (iso: string) => dateTimeWords(iso, locale, t);
    const history: History = await this.queries.execute(
      new GetHistory(this.access.on(request.caller, 'GET /api/audit/meetings/{id}/history'), 'meeting', id),
    );
    const { names, meeting } = await this.namesFor(request.caller, id, history.events, t);
    const asAt = this.asAt(query, t);
    const then = await this.standing(asAt, async (cut) => {
      const answer: MeetingThen = await this.queries.execute(
        new GetMeetingAsAt(this.access.on(request.caller, 'GET /api/audit/meetings/{id}'), id, cut),
      );
      const m = answer.meeting as unknown as {
        title?: string;
        status: string;
        startsAt?: string;
        agenda?: Array<{ itemId: string; title: string }>;
        presentCount?: number;
        quorum?: number;
        quorate?: boolean;
        minutes?: Record<string, unknown>;
      };
      const facts: Fact[] = [this.asOf(answer.asOf, t, locale)];
      if (m.title) facts.push({ term: t('audit.meeting.titleFact'), value: m.title });
      facts.push({
        term: t('audit.decision.status'),
        value: t(`audit.meeting.statuses.${m.status}`, { defaultValue: m.status }),
      });
      if (m.startsAt) facts.push({ term: t('audit.meeting.starts'), value: when(m.startsAt) });
      facts.push({ term: t('audit.meeting.items'), value: String((m.agenda ?? []).length) });
      if (typeof m.presentCount === 'number')
        facts.push({
          term: t('audit.meeting.attendance'),
          value: t(m.quorate ? 'audit.meeting.attendanceQuorate' : 'audit.meeting.attendanceNotQuorate', {
            count: m.presentCount,
            quorum: m.quorum,
          }),
        });
      facts.push({ term: t('audit.meeting.withMinutes'), value: String(Object.keys(m.minutes ?? {}).length) });
      facts.push({ term: t('audit.meeting.withheld'), value: String(answer.withheldViews) });
      const titles = new Map((m.agenda ?? []).map((item) => [item.itemId, item.title]));
      return {
        facts,
        items: answer.views
          .filter(({ views }) => views.length)
          .map(({ itemId, views }) => ({
            title: titles.get(itemId) ?? t('audit.meeting.item'),
            views: views.map((v) =>
              t('audit.meeting.viewLine', {
                name: v.reference ?? t('audit.aView'),
                themes: v.themes.map((code) => themeWords(t, code)).join(', ') || t('audit.meeting.noTheme'),
                status: t(`audit.statusThen.${v.statusThen}`, { defaultValue: v.statusThen }),
              }),
            ),
          })),
      };
    });
    return this.pages.send(request, reply, 'audit-meeting.njk', {
      heading: meeting
        ? t('audit.meeting.titleNamed', { title: meeting.title, date: pageDate(meeting.startsAt, locale) })
        : t('audit.meeting.title'),
      decisions: (meeting?.decisions ?? []).map((d) => ({
        text: t('audit.meeting.decisionLink', { reference: d.reference, resolution: d.resolution }),
        href: `/audit/decisions/${encodeURIComponent(d.decisionId)}`,
      })),
      ...this.timeline(history, names, t, locale),
      ...then,
      notYet: then.notYet && t('audit.meeting.notYet', { when: dateTimeWords(asAt.instant!, locale, t, true) }),
      thenTitle: then.asAtWhen
        ? t('audit.asAt.stoodAt', { when: dateTimeWords(then.asAtWhen, locale, t, true) })
        : t('audit.asAt.standsNow'),
      form: asAt.form,
      errors: asAt.errors,
    });
  }

  @Get('decisions/:decisionId/influence')
  @StaffPage('/audit/decisions/:decisionId/influence')
  async influence(@Param('decisionId') rawId: string, @Req() request: Request, @Res() reply: FastifyReply) {
    const id = checked(rawId);
    const { t, locale } = this.pages.words(request, reply);
    const d: DecisionInfluence = await this.queries.execute(new GetDecisionInfluence(request.caller, id));
    const cited = (view: CitedView) => {
      const name = view.reference ?? t('audit.aView');
      return {
        name,
        themes: view.themes.map((code) => themeWords(t, code)).join(', '),
        words: view.words,
        summary: view.summary,
        note: view.note ?? t('audit.influencePage.notShared'),
        rationale: view.rationale,
        notTabledReason: view.notTabledReason,
        journey: {
          text: t('audit.influencePage.journey', { name: view.reference ?? t('audit.influencePage.thisView') }),
          href: `/audit/views/${encodeURIComponent(view.contributionId)}`,
        },
      };
    };
    const groups = INFLUENCES.map((influence) => ({
      heading: t(`audit.influencePage.${influence}`, { count: (d.influence[influence] ?? []).length }),
      views: (d.influence[influence] ?? []).map(cited),
    })).filter((g) => g.views.length);
    return this.pages.send(request, reply, 'audit-influence.njk', {
      back: `/audit/decisions/${encodeURIComponent(id)}`,
      resolution: d.resolution,
      recorded: dateTimeWords(d.recordedAt, locale, t),
      meeting: `/audit/meetings/${encodeURIComponent(d.meetingId)}`,
      groups,
      noViewsReason: d.noViewsReason ?? t('audit.influencePage.noReason'),
    });
  }

  @Get('views/:viewId')
  @StaffPage('/audit/views/:viewId')
  async view(@Param('viewId') rawId: string, @Req() request: Request, @Res() reply: FastifyReply) {
    const id = checked(rawId);
    const { t, locale } = this.pages.words(request, reply);
    const journey: ViewJourney = await this.queries.execute(new GetViewJourney(request.caller, id));
    return this.pages.send(request, reply, 'audit-view.njk', {
      heading: journey.reference ? t('audit.view.titleRef', { reference: journey.reference }) : t('audit.view.title'),
      withheld: journey.availability === 'withheld',
      steps: journey.steps.map((step) => {
        const [kind, stepId] = step.decisionId ? ['decision', step.decisionId] : ['meeting', step.meetingId];
        return {
          when: dateTimeWords(step.at, locale, t),
          what: t(`audit.view.steps.${step.step}`, { defaultValue: step.step.replaceAll('-', ' ') }),
          link: stepId && {
            text: t(`audit.view.${kind}History`),
            href: `/audit/${kind}s/${encodeURIComponent(stepId)}`,
          },
        };
      }),
      citedBy: journey.citedBy.map((d) => ({
        text: d.resolution || t('audit.said.aDecision'),
        href: `/audit/decisions/${encodeURIComponent(d.decisionId)}`,
        how: t('audit.view.citedHow', {
          influence: t(`audit.influence.${d.influence}`, { defaultValue: d.influence }),
          when: dateTimeWords(d.recordedAt, locale, t),
        }),
      })),
    });
  }

  // ---- shared by the history pages ----

  private decisions(caller: Caller): Promise<DecisionSummaryView[]> {
    return this.queries.execute(new GetDecisions(this.access.on(caller, 'GET /api/decisions').tenantId, {}));
  }

  /**
   * The names and titles the events hold only ids of, from the meeting's page and its agenda as added, and
   * every decision's short reference from the register; ids it cannot name get plain stand-ins. Either
   * read may be refused to a role (or fail): the history stands without it, as it did on the script page.
   */
  private async namesFor(caller: Caller, meetingId: string, events: readonly HistoryEntry[], t: TFunction) {
    const items = new Map(
      events.filter((e) => e.type === 'AgendaItemAdded').map((e) => [String(e.data.itemId), String(e.data.title)]),
    );
    const [meeting, register] = await Promise.all([
      meetingId
        ? (
            this.queries.execute(
              new GetMeetingDetail(this.access.on(caller, 'GET /api/meetings/{id}').tenantId, meetingId),
            ) as Promise<MeetingDetailView>
          ).catch(() => undefined)
        : undefined,
      this.decisions(caller).catch(() => [] as DecisionSummaryView[]),
    ]);
    const refs = new Map(register.map((d) => [d.decisionId, d.reference]));
    const people = new Map<string, string>();
    for (const e of [...(meeting?.attendance.entries ?? []), ...(meeting?.declarations ?? [])]) {
      const entry = e as { memberId: string; name?: string };
      if (entry.name) people.set(entry.memberId, entry.name);
    }
    for (const i of meeting?.agenda ?? []) items.set(i.itemId, i.title);
    const names: Names = {
      name: (id) => people.get(String(id)) ?? t('audit.said.aMember'),
      item: (id) => items.get(String(id)) ?? t('audit.said.anItem'),
      decision: (id, none) =>
        refs.has(String(id)) ? t('audit.said.decisionRef', { reference: refs.get(String(id)) }) : none,
    };
    return { names, meeting, refs };
  }

  private timeline(history: History, names: Names, t: TFunction, locale: string) {
    const when = (iso: string) => dateTimeWords(iso, locale, t, true);
    return {
      events: history.events.map((event) => {
        const facts: Fact[] = [{ term: t('audit.timeline.who'), value: actorWords(event.actor, t) }];
        if (event.onBehalfOf)
          facts.push({ term: t('audit.timeline.onBehalfOf'), value: actorWords(event.onBehalfOf, t) });
        if (event.at && event.at !== event.recordedAt)
          facts.push({ term: t('audit.timeline.tookEffect'), value: when(event.at) });
        facts.push({
          term: t('audit.timeline.event'),
          value: t('audit.timeline.eventValue', {
            type: event.type,
            revision: event.revision,
            position: event.position,
          }),
        });
        facts.push({ term: t('audit.timeline.commandId'), value: event.commandId ?? '' });
        facts.push({ term: t('audit.timeline.correlationId'), value: event.correlationId ?? '' });
        return {
          recordedAt: event.recordedAt,
          when: when(event.recordedAt),
          said: plainWords(event, names, t, (iso) => dateTimeWords(iso, locale, t)),
          facts,
        };
      }),
      eventCount: t('audit.timeline.count', { count: history.events.length }),
    };
  }

  /**
   * The "as at" form, sent as a plain GET (a date and a time are not personal data): absent means now;
   * a date that is missing or not real is said in an error summary, as the API's own errors are.
   */
  private asAt(query: Record<string, unknown>, t: TFunction) {
    const date = typeof query.asAtDate === 'string' ? query.asAtDate.trim() : undefined;
    const time = typeof query.asAtTime === 'string' && query.asAtTime.trim() ? query.asAtTime.trim() : '23:59:59';
    const form = { date: date ?? '', time };
    if (date === undefined) return { form, errors: [] as Array<{ text: string; href: string }> };
    if (!date) return { form, errors: [{ text: t('audit.asAt.enterDate'), href: '#asAtDate' }] };
    const instant = londonInstant(date, time.length === 5 ? `${time}:00` : time);
    if (!instant) return { form, errors: [{ text: t('audit.asAt.realDate'), href: '#asAtDate' }] };
    return { form, instant, errors: [] as Array<{ text: string; href: string }> };
  }

  /** The record now, or as it stood at the form's moment; before it existed, only that plain fact. */
  private async standing<T extends { facts: Fact[] }>(
    asAt: { instant?: string; errors: unknown[] },
    read: (cut: Cut) => Promise<T>,
  ): Promise<Partial<T> & { notYet?: boolean; asAtWhen?: string }> {
    if (asAt.errors.length) return read({ kind: 'now' });
    if (!asAt.instant) return read({ kind: 'now' });
    try {
      return { ...(await read({ kind: 'time', asAt: asAt.instant })), asAtWhen: asAt.instant };
    } catch (error) {
      if (error instanceof NotFound) return { notYet: true, asAtWhen: asAt.instant } as unknown as Partial<T>;
      throw error;
    }
  }

  private asOf(asOf: { events: number; recordedAt: string }, t: TFunction, locale: string): Fact {
    return {
      term: t('audit.asAt.eventsUpToThen'),
      value: t('audit.asAt.eventsValue', {
        count: asOf.events,
        when: dateTimeWords(asOf.recordedAt, locale, t, true),
      }),
    };
  }
}
