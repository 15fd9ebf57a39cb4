// The young people's side of the year: views given, moderated, withheld for safeguarding (and the
// case that follows), answered, closed, taken back and erased.
import { ProtectedEventStore, type Actor } from '#event-store';
import {
  AGE_BANDS,
  callForViewsDecider,
  callForViewsFacts,
  callForViewsStream,
  DEFAULT_SAFEGUARDING_RULES,
  generateReceiptCode,
  hashReceiptCode,
  screen,
  type AgeBand,
  type CallForViewsCommand,
  type Channel,
  type ContributionTarget,
  type Sharing,
} from '#voice/contracts';
import { CALL_ITEM, CALL_QUARTER, VIEW_THEMES } from './board-year.agenda.js';
import { addMonths, daysBetween, instant, plusDays, plusMinutes } from './board-year.calendar.js';
import { bump, type ViewRecord } from './board-year.facts.js';
import {
  ANSWER_FROM_AUTHOR,
  FIRST_NAMES,
  FLAGGED_VIEW_WORDS,
  MODERATOR_ESCALATED_WORDS,
  QUESTION_TO_AUTHOR,
  summaryOf,
  VIEW_WORDS,
} from './board-year.words.js';
import { BoardYearBase, type PlannedView } from './board-year.base.js';

/** The board's safeguarding window, as the application's default (libs/voice settings). */
const ACKNOWLEDGE_WITHIN_MINUTES = 240;

export abstract class VoiceYear extends BoardYearBase {
  /** The moderator's summary of each view given in the scenario's own words, by contribution id. */
  protected readonly summaries = new Map<string, string>();

  protected planCall(): void {
    const meeting = this.meetings[CALL_QUARTER]!;
    const at = instant(plusDays(meeting.dates.itemsAddedOn, 1), '09:00');
    this.at(at, async () => {
      await this.run(
        callForViewsDecider,
        callForViewsStream(this.year.call.callId),
        {
          type: 'OpenCallForViews',
          data: {
            callId: this.year.call.callId,
            question: 'What would make your first home after care feel right?',
            closesOn: this.year.call.closesOn,
            meetingId: meeting.meetingId,
            itemId: CALL_ITEM,
            themes: meeting.items.find((i) => i.itemId === CALL_ITEM)!.themes,
            at,
          },
        } satisfies CallForViewsCommand,
        this.context(this.staff.participation, at),
      );
      this.facts.callsForViews.opened += 1;
    });
  }

  protected callWindow(): { opens: number; closes: number } {
    const meeting = this.meetings[CALL_QUARTER]!;
    return {
      opens: Date.parse(instant(plusDays(meeting.dates.itemsAddedOn, 1), '09:00')),
      closes: Date.parse(instant(plusDays(this.year.call.closesOn, 1), '00:00')) - 3_600_000,
    };
  }

  // ---- views ----

  protected planViews(): PlannedView[] {
    const perMonth = this.options.viewsPerMonth ?? 6;
    const planned: PlannedView[] = [];
    let n = 0;
    for (let month = 0; month < 12; month++) {
      const monthStart = addMonths(this.startOn, month);
      for (let j = 0; j < perMonth; j++) {
        const day = plusDays(monthStart, Math.floor(((j + 0.5) * 27) / perMonth));
        const time = `${String(9 + (j % 10)).padStart(2, '0')}:${String(this.random.int(0, 59)).padStart(2, '0')}`;
        planned.push({
          kind: 'ordinary',
          at: instant(day, time),
          primaryTheme: VIEW_THEMES[(n + this.themeOffset) % VIEW_THEMES.length],
        });
        n += 1;
      }
    }
    const month = (m: number, day: number, time: string) => instant(plusDays(addMonths(this.startOn, m), day), time);
    planned.push({ kind: 'flagged', at: month(1, 11, '20:15') });
    planned.push({ kind: 'question', at: month(3, 2, '16:05'), primaryTheme: 'education-and-attendance' });
    planned.push({ kind: 'moderator-escalates', at: month(6, 7, '16:40') });
    planned.push({
      kind: 'late-to-call',
      at: instant(plusDays(this.year.call.closesOn, 2), '15:00'),
      primaryTheme: 'accommodation-and-homelessness',
    });
    return planned;
  }

  protected async submit(plan: PlannedView): Promise<void> {
    this.counters.view += 1;
    const n = this.counters.view;
    const contributionId = this.id(`v${String(n).padStart(3, '0')}`);
    const pseudonym = this.id(`yp${String(n).padStart(3, '0')}`);
    // Ten bytes from the seeded stream, as the 17-symbol codes took, whatever a code now needs: the
    // year's later random choices (which views are withdrawn, escalated, ...) stay where the stories and
    // the tests that rely on them expect.
    const random = this.random;
    const drawn = random.bytes(10);
    const { code } = generateReceiptCode((size) => drawn.subarray(0, size));
    const receiptCodeHash = hashReceiptCode(code, this.pepper);
    this.year.receiptCodes[contributionId] = code;

    const ms = Date.parse(plan.at);
    const window = this.callWindow();
    const toCall =
      plan.kind === 'late-to-call' ||
      (plan.kind === 'ordinary' && ms >= window.opens && ms < window.closes && n % 2 === 0);
    const callMeeting = this.meetings[CALL_QUARTER]!;
    let primary = plan.primaryTheme ?? random.pick(VIEW_THEMES);
    if (toCall) primary = callMeeting.items.find((i) => i.itemId === CALL_ITEM)!.themes[0]!;
    const themes = [primary];
    if (plan.kind === 'ordinary' && !toCall && random.chance(0.35)) {
      const second = random.pick(VIEW_THEMES);
      if (second !== primary) themes.push(second);
    }
    let text: string;
    let redactable = false;
    let name = '';
    if (plan.kind === 'flagged') text = FLAGGED_VIEW_WORDS;
    else if (plan.kind === 'moderator-escalates') text = MODERATOR_ESCALATED_WORDS;
    else {
      const theme = VIEW_WORDS[primary] ? primary : 'participation-and-rights';
      const template = random.pick(VIEW_WORDS[theme]!);
      name = random.pick(FIRST_NAMES);
      redactable = template.includes('{name}');
      text = template.replace('{name}', name);
      const summary = summaryOf(theme, template);
      if (summary) this.summaries.set(contributionId, summary);
    }

    // Where it is aimed: the call, an item already on an upcoming agenda, or nothing in particular.
    let target: ContributionTarget = { kind: 'none' };
    if (toCall) target = { kind: 'call', callId: this.year.call.callId };
    else if (plan.kind === 'ordinary') {
      const upcoming = this.meetings.find((m) => m.itemsAdded && ms < Date.parse(instant(m.dates.tabledOn, '11:00')));
      const item = upcoming?.items.find((i) => i.themes.includes(primary));
      if (upcoming && item && random.chance(0.3)) {
        target = { kind: 'agenda-item', meetingId: upcoming.meetingId, itemId: item.itemId };
        this.targetItems.set(contributionId, { meetingId: upcoming.meetingId, itemId: item.itemId });
      }
    }

    const channel: Channel =
      plan.kind === 'ordinary'
        ? random.weighted<Channel>([
            ['online', 70],
            ['cicc-session', 15],
            ['advocate', 15],
          ])
        : 'online';
    const submittedBy =
      channel === 'advocate'
        ? this.staff.advocate.id
        : channel === 'cicc-session' && random.chance(0.5)
          ? this.staff.participation.id
          : undefined;
    const sharing = random.weighted<Sharing>([
      ['summary-only', 40],
      ['anonymised', 35],
      ['verbatim', 25],
    ]);
    const ageBand: AgeBand | undefined = random.chance(0.9) ? random.pick(AGE_BANDS) : undefined;
    const careStatus =
      ageBand === undefined ? undefined : ageBand === '18-21' || ageBand === '22-25' ? 'care-leaver' : 'in-care';
    const screening = screen(text, DEFAULT_SAFEGUARDING_RULES);
    if (screening.flagged !== (plan.kind === 'flagged')) {
      throw new Error(`the scenario's words for ${contributionId} were screened unexpectedly (${plan.kind})`);
    }
    const call = toCall
      ? callForViewsFacts(
          this.year.call.callId,
          await this.fold(callForViewsDecider, callForViewsStream(this.year.call.callId)),
        )
      : undefined;

    const youngPerson: Actor = { id: pseudonym, role: 'young-person' };
    const staff =
      submittedBy === this.staff.advocate.id ? this.staff.advocate : submittedBy ? this.staff.participation : undefined;
    const events = await this.contributionCommand(
      {
        type: 'SubmitContribution',
        data: {
          contributionId,
          text,
          themes,
          target,
          channel,
          submittedBy,
          ageBand,
          careStatus,
          sharing,
          receiptCodeHash,
          authorPseudonym: pseudonym,
          at: plan.at,
          facts: { screening, call },
        },
      },
      staff ?? youngPerson,
      staff ? youngPerson : undefined,
    );
    const submitted = events.find((e) => e.type === 'ContributionSubmitted');
    const late = submitted?.type === 'ContributionSubmitted' ? submitted.data.late : false;
    const record: ViewRecord = {
      contributionId,
      themes,
      channel,
      sharing,
      ageBand,
      submittedAt: plan.at,
      target: target.kind,
      late,
      onBehalf: submittedBy !== undefined,
      outcome: 'submitted',
      redacted: false,
      citedBy: [],
    };
    this.views.set(contributionId, { record, pseudonym, receiptCodeHash });
    this.year.views.all.push(contributionId);
    const v = this.facts.views;
    v.submitted += 1;
    v.list.push(record);
    for (const theme of themes) bump(v.byTheme, theme);
    bump(v.byChannel, channel);
    bump(v.bySharing, sharing);
    bump(v.byAgeBand, ageBand ?? 'not-given');
    if (record.onBehalf) v.onBehalf += 1;
    if (toCall) {
      v.toCall += 1;
      this.facts.callsForViews.views += 1;
    }
    if (late) {
      v.late += 1;
      this.facts.callsForViews.late += 1;
      this.year.views.late ??= contributionId;
    }

    const escalated = events.find((e) => e.type === 'ContributionEscalatedForSafeguarding');
    if (escalated?.type === 'ContributionEscalatedForSafeguarding') {
      this.year.views.flaggedByScreen = contributionId;
      this.withhold(record, 'screen');
      await this.openCase(contributionId, escalated.data.categories, 'screen', plan.at, 'on-time');
      return;
    }
    const next = (days: number, time: string) => instant(plusDays(plan.at.slice(0, 10), days), time);
    if (plan.kind === 'moderator-escalates') {
      this.at(next(1, '09:30'), () => this.moderatorEscalates(contributionId, next(1, '09:30')));
    } else if (plan.kind === 'question') {
      this.at(next(1, '09:30'), () =>
        this.askQuestion(contributionId, next(1, '09:30'), next(3, '18:00'), next(4, '09:30')),
      );
    } else {
      const redacted = redactable ? text.replace(name, '[name removed]') : undefined;
      this.at(next(2, '09:30'), () => this.accept(contributionId, next(2, '09:30'), redacted));
    }
  }

  protected async accept(contributionId: string, at: string, redactedText?: string): Promise<void> {
    const view = this.views.get(contributionId)!;
    if (view.record.outcome !== 'submitted' && view.record.outcome !== 'question-asked') return;
    // Shared "summary only", the board reads the moderator's summary: written as the view is accepted.
    const summary = view.record.sharing === 'summary-only' ? this.summaries.get(contributionId) : undefined;
    await this.contributionCommand(
      {
        type: 'ModerateContribution',
        data: {
          contributionId,
          moderation: redactedText
            ? { outcome: 'accept-with-redactions', redactedText, ...(summary ? { summary } : {}) }
            : { outcome: 'accept', ...(summary ? { summary } : {}) },
          at,
        },
      },
      this.staff.moderator,
    );
    if (summary) {
      this.facts.views.summarised += 1;
      this.authorReadsSummary(contributionId, at, summary);
    }
    view.record.outcome = 'accepted';
    view.record.acceptedAt = at;
    this.facts.views.accepted += 1;
    if (redactedText) {
      view.record.redacted = true;
      this.facts.views.acceptedWithRedactions += 1;
      this.year.views.redacted.push(contributionId);
    }
  }

  /**
   * The author reads the summary by code: the first one asks for a change the next evening and the
   * moderator rewrites it the morning after (before any tabling at 11:00 or meeting that evening); every
   * other one agrees a few days later.
   */
  private authorReadsSummary(contributionId: string, acceptedAt: string, summary: string): void {
    const day = acceptedAt.slice(0, 10);
    if (this.year.views.summaryRewritten === undefined) {
      this.year.views.summaryRewritten = contributionId;
      const asked = instant(plusDays(day, 1), '18:30');
      const rewritten = instant(plusDays(day, 2), '09:15');
      this.at(asked, () =>
        this.respondToSummary(contributionId, 'change', 1, asked, 'Please say this has happened more than once.'),
      );
      this.at(rewritten, () =>
        this.rewriteSummary(contributionId, rewritten, `${summary} It has happened more than once.`),
      );
    } else if (this.facts.views.summarised % 2 === 0) {
      this.year.views.summaryAgreed ??= contributionId;
      const agreed = instant(plusDays(day, 3), '19:00');
      this.at(agreed, () => this.respondToSummary(contributionId, 'agree', 1, agreed));
    }
  }

  private live(contributionId: string): boolean {
    const outcome = this.views.get(contributionId)!.record.outcome;
    return outcome !== 'withdrawn' && outcome !== 'erased' && outcome !== 'withheld';
  }

  protected async respondToSummary(
    contributionId: string,
    response: 'agree' | 'change',
    version: number,
    at: string,
    message?: string,
  ): Promise<void> {
    if (!this.live(contributionId)) return;
    const view = this.views.get(contributionId)!;
    await this.contributionCommand(
      {
        type: 'RespondToSummary',
        data: { contributionId, author: { receiptCodeHash: view.receiptCodeHash }, version, response, message, at },
      },
      { id: view.pseudonym, role: 'young-person' },
    );
    if (response === 'agree') this.facts.views.summariesAgreed += 1;
    else this.facts.views.summaryChangesRequested += 1;
  }

  protected async rewriteSummary(contributionId: string, at: string, text: string): Promise<void> {
    if (!this.live(contributionId)) return;
    await this.contributionCommand(
      { type: 'SummariseContribution', data: { contributionId, text, at } },
      this.staff.moderator,
    );
    this.facts.views.summarised += 1;
  }

  protected async askQuestion(
    contributionId: string,
    at: string,
    answeredAt: string,
    acceptedAt: string,
  ): Promise<void> {
    const view = this.views.get(contributionId)!;
    await this.contributionCommand(
      {
        type: 'ModerateContribution',
        data: { contributionId, moderation: { outcome: 'ask-question', question: QUESTION_TO_AUTHOR }, at },
      },
      this.staff.moderator,
    );
    view.record.outcome = 'question-asked';
    this.facts.views.questionsAsked += 1;
    this.year.views.questioned = contributionId;
    this.at(answeredAt, async () => {
      await this.contributionCommand(
        {
          type: 'AnswerQuestion',
          data: {
            contributionId,
            author: { receiptCodeHash: view.receiptCodeHash },
            text: ANSWER_FROM_AUTHOR,
            at: answeredAt,
            facts: { screening: screen(ANSWER_FROM_AUTHOR, DEFAULT_SAFEGUARDING_RULES) },
          },
        },
        { id: view.pseudonym, role: 'young-person' },
      );
      this.facts.views.questionsAnswered += 1;
      this.at(acceptedAt, () => this.accept(contributionId, acceptedAt));
    });
  }

  protected withhold(record: ViewRecord, by: 'screen' | 'moderator'): void {
    record.outcome = 'withheld';
    record.withheldBy = by;
    this.facts.views.withheld += 1;
    if (by === 'screen') this.facts.views.withheldByScreen += 1;
    else this.facts.views.withheldByModerator += 1;
  }

  protected async moderatorEscalates(contributionId: string, at: string): Promise<void> {
    await this.contributionCommand(
      {
        type: 'ModerateContribution',
        data: {
          contributionId,
          moderation: {
            outcome: 'escalate',
            reason: 'An older person giving gifts and lifts: possible exploitation.',
            categories: ['exploitation'],
          },
          at,
        },
      },
      this.staff.moderator,
    );
    this.year.views.escalatedByModerator = contributionId;
    this.withhold(this.views.get(contributionId)!.record, 'moderator');
    await this.openCase(contributionId, ['exploitation'], 'moderator', at, 'missed');
  }

  /** As the application's case opener does (same case id and command id), then the lead's work on it. */
  protected async openCase(
    contributionId: string,
    categories: readonly string[],
    source: 'screen' | 'moderator',
    at: string,
    acknowledgement: 'on-time' | 'missed',
  ): Promise<void> {
    const caseId = `case-${contributionId}`;
    const opened = await this.caseCommand(
      {
        type: 'OpenSafeguardingCase',
        data: {
          caseId,
          contributionId,
          categories: [...new Set(categories)],
          source,
          acknowledgeWithin: ACKNOWLEDGE_WITHIN_MINUTES,
          namedLead: this.staff.lead.id,
          deputy: this.staff.deputy.id,
          at,
        },
      },
      { id: 'system:safeguarding-case-opener', role: 'system' },
      plusMinutes(at, 1),
      `open-${caseId}`,
    );
    this.facts.safeguarding.casesOpened += 1;
    this.year.safeguardingCases.push(caseId);
    const dueBy =
      opened[0]?.type === 'SafeguardingCaseOpened' ? opened[0].data.dueBy : plusMinutes(at, ACKNOWLEDGE_WITHIN_MINUTES);
    const acknowledge = async (by: Actor, when: string) => {
      const events = await this.caseCommand(
        { type: 'AcknowledgeCase', data: { caseId, by: by.id, at: when } },
        by,
        when,
      );
      this.facts.safeguarding.acknowledged += 1;
      if (events[0]?.type === 'CaseAcknowledged' && events[0].data.late) this.facts.safeguarding.acknowledgedLate += 1;
    };
    const outcome = async (
      by: Actor,
      when: string,
      result: 'referred-to-front-door' | 'advice-given',
      reason: string,
    ) => {
      await this.caseCommand(
        { type: 'RecordOutcome', data: { caseId, outcome: result, reason, by: by.id, at: when } },
        by,
        when,
      );
      bump(this.facts.safeguarding.outcomes, result);
    };
    const nextMorning = instant(plusDays(at.slice(0, 10), 1), '10:00');
    if (acknowledgement === 'on-time') {
      const when = plusMinutes(at, 45);
      this.at(when, () => acknowledge(this.staff.lead, when));
      this.at(nextMorning, () =>
        outcome(this.staff.lead, nextMorning, 'referred-to-front-door', 'Referred to the front door the same evening.'),
      );
    } else {
      // Nobody acknowledges in time: the deadline escalates to the deputy, who picks it up late.
      const fired = plusMinutes(dueBy, 1);
      this.at(fired, async () => {
        await this.caseCommand(
          { type: 'EscalateOverdueCase', data: { caseId, at: fired } },
          { id: 'system:overdue-case-sweeper', role: 'system' },
          fired,
        );
        this.facts.safeguarding.escalatedToDeputy += 1;
      });
      const late = plusMinutes(dueBy, 30);
      this.at(late, () => acknowledge(this.staff.deputy, late));
      const then = instant(plusDays(dueBy.slice(0, 10), 1), '10:00');
      this.at(then, () =>
        outcome(this.staff.deputy, then, 'advice-given', 'Advice given to the young person and their worker.'),
      );
    }
  }

  protected async answer(decisionId: string): Promise<void> {
    const decision = this.decisionRecords.get(decisionId)!;
    const live = decision.cited.filter((id) => {
      const outcome = this.views.get(id)!.record.outcome;
      return outcome !== 'withdrawn' && outcome !== 'erased' && outcome !== 'withheld';
    });
    if (live.length === 0) return;
    this.counters.feedback += 1;
    const feedbackId = this.id(`f${this.counters.feedback}`);
    const now = this.now;
    const decisionIds = decision.amends ? [decisionId, decision.amends] : [decisionId];
    for (const contributionId of live) {
      await this.contributionCommand(
        {
          type: 'RecordFeedback',
          data: {
            contributionId,
            feedbackId,
            text: 'You told us what mattered. The board agreed a change and has asked someone to make it happen. We will tell you how it goes.',
            decisionIds,
            actionIds: decision.actionIds,
            at: now,
          },
        },
        this.staff.participation,
      );
      const record = this.views.get(contributionId)!.record;
      const days = daysBetween(record.submittedAt, now);
      record.feedback = { feedbackId, at: now, days };
      record.outcome = 'responded';
      this.facts.views.answered += 1;
      this.facts.feedback.viewsAnswered += 1;
      this.facts.feedback.daysToFeedback.push(days);
      // Half the answered views are closed a fortnight later.
      if (this.counters.feedback % 2 === 1) {
        const closeAt = plusMinutes(now, 14 * 24 * 60);
        this.at(closeAt, () => this.close(contributionId, closeAt));
      }
    }
    this.facts.feedback.responses += 1;
  }

  protected async close(contributionId: string, at: string): Promise<void> {
    const record = this.views.get(contributionId)!.record;
    if (record.outcome !== 'responded') return;
    await this.contributionCommand(
      { type: 'CloseContribution', data: { contributionId, at } },
      this.staff.participation,
    );
    record.outcome = 'closed';
    this.facts.views.closed += 1;
  }

  protected async withdraw(contributionId: string): Promise<void> {
    const view = this.views.get(contributionId)!;
    const at = this.now;
    await this.contributionCommand(
      {
        type: 'WithdrawContribution',
        data: { contributionId, author: { receiptCodeHash: view.receiptCodeHash }, reason: 'I changed my mind.', at },
      },
      { id: view.pseudonym, role: 'young-person' },
    );
    view.record.outcome = 'withdrawn';
    view.record.withdrawnAt = at;
    this.facts.views.withdrawn += 1;
  }

  protected async changeSharing(contributionId: string): Promise<void> {
    const view = this.views.get(contributionId)!;
    if (view.record.outcome === 'withdrawn' || view.record.outcome === 'erased') return;
    const events = await this.contributionCommand(
      {
        type: 'ChangeSharing',
        data: { contributionId, author: { receiptCodeHash: view.receiptCodeHash }, sharing: 'verbatim', at: this.now },
      },
      { id: view.pseudonym, role: 'young-person' },
    );
    if (events.length > 0) {
      view.record.sharing = 'verbatim';
      this.facts.views.sharingChanged += 1;
    }
  }

  protected async erase(contributionId: string): Promise<void> {
    const view = this.views.get(contributionId)!;
    const events = await this.contributionCommand(
      {
        type: 'EraseContribution',
        data: {
          contributionId,
          erasedBy: this.staff.dpo.id,
          ground: 'consent-withdrawn',
          reason: 'A valid erasure request was received and checked.',
          at: this.now,
        },
      },
      this.staff.dpo,
    );
    const erased = events.find((e) => e.type === 'ContributionErased');
    if (erased?.type === 'ContributionErased') {
      // Append first, then destroy the key, as the application's erasure handler does.
      const destroyed =
        this.store instanceof ProtectedEventStore
          ? await this.store.eraseSubject(erased.data.subject)
          : ((await this.options.keys?.destroy(erased.data.subject)) ?? false);
      if (destroyed) this.facts.keysDestroyed += 1;
    }
    view.record.outcome = 'erased';
    view.record.erasedAt = this.now;
    this.facts.views.erased += 1;
  }
}
