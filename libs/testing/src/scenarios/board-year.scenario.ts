// A realistic year of a Corporate Parenting Board across both contexts, driven through the real
// deciders (handleCommand: read, fold, decide, append) in the order things happen, so the insight read
// models, the benchmark and the demo seed see the events the application really writes. Deterministic
// for a seed: ids come from the prefix and counters; only event and command ids are random.
import { randomUUID } from 'node:crypto';
import {
  foldRecorded,
  handleCommand,
  metadataFor,
  ProtectedEventStore,
  type Actor,
  type CommandContext,
  type DeciderLike,
  type EventStore,
  type NewEvent,
  type SubjectKeyStore,
} from '#event-store';
import {
  actionDecider,
  actionStream,
  boardDecider,
  boardFacts,
  boardStream,
  decisionDecider,
  decisionFacts,
  decisionStream,
  meetingDecider,
  meetingFactsForDecision,
  meetingStream,
  membersServingOn,
  type ActionCommand,
  type ActionOwner,
  type Attendance,
  type BoardCommand,
  type BoardFacts,
  type Citation,
  type DecisionCommand,
  type Influence,
  type MeetingCommand,
  type VoiceEvidence,
} from '../../../board/src/domain/index.js';
import {
  AGE_BANDS,
  callForViewsDecider,
  callForViewsFacts,
  callForViewsStream,
  citability,
  contributionDecider,
  contributionStream,
  DEFAULT_SAFEGUARDING_RULES,
  generateReceiptCode,
  hashReceiptCode,
  safeguardingCaseDecider,
  safeguardingCaseStream,
  screen,
  type AgeBand,
  type CallForViewsCommand,
  type Channel,
  type ContributionCommand,
  type ContributionEvent,
  type ContributionTarget,
  type SafeguardingCaseCommand,
  type SafeguardingCaseEvent,
  type Sharing,
} from '../../../voice/src/domain/index.js';
import {
  AMENDED_ITEM,
  AMENDING_ITEM,
  CALL_ITEM,
  CALL_QUARTER,
  QUARTERLY_AGENDA,
  VIEW_THEMES,
  type PlannedItem,
} from './board-year.agenda.js';
import {
  addMonths,
  daysBetween,
  instant,
  meetingDates,
  plusMinutes,
  type MeetingDates,
} from './board-year.calendar.js';
import {
  bump,
  closeTheBooks,
  emptyFacts,
  type ActionRecord,
  type BoardYearFacts,
  type DecisionRecord,
  type ViewRecord,
} from './board-year.facts.js';
import {
  ANSWER_FROM_AUTHOR,
  FIRST_NAMES,
  FLAGGED_VIEW_WORDS,
  MODERATOR_ESCALATED_WORDS,
  QUESTION_TO_AUTHOR,
  VIEW_WORDS,
} from './board-year.words.js';
import { seededRandom, type SeededRandom } from './seeded-random.js';

export interface BoardYearOptions {
  readonly tenantId: string;
  /** Starts every id, so several boards can share one event store. */
  readonly prefix: string;
  /** The first day of the year (default 2025-12-01); the year ends 364 days later. */
  readonly startOn?: string;
  /** Ordinary views given each month (default 6), besides the few special ones. */
  readonly viewsPerMonth?: number;
  readonly seed?: number;
  /** Hashes the receipt codes; give the application's pepper to let a test come back with a code. */
  readonly receiptPepper?: string;
  /** Where to destroy an erased author's key when `store` is not a ProtectedEventStore. */
  readonly keys?: Pick<SubjectKeyStore, 'destroy'>;
  /** Told of every append, in order, as handed to the store (plaintext): used to clone a year. */
  readonly onAppended?: (stream: string, events: readonly NewEvent[]) => void;
}

export interface BoardYear {
  readonly tenantId: string;
  readonly prefix: string;
  readonly startOn: string;
  /** The last day of the year, inclusive (= facts.asOf). */
  readonly endOn: string;
  readonly people: {
    readonly chair: string;
    readonly councillors: readonly string[];
    readonly officer: string;
    readonly youngPersonRepresentative: string;
    readonly substitute: string;
    readonly clerk: string;
    readonly moderator: string;
    readonly safeguardingLead: string;
    readonly safeguardingDeputy: string;
  };
  /** In date order. */
  readonly meetings: ReadonlyArray<{ readonly meetingId: string; readonly on: string; readonly itemIds: string[] }>;
  readonly call: { readonly callId: string; readonly meetingId: string; readonly itemId: string; closesOn: string };
  readonly decisions: {
    readonly all: string[];
    /** A substantive item noted with the reason no views applied. */
    noneApplied?: string;
    /** Amended at the next meeting by `amending`. */
    amended?: string;
    amending?: string;
    readonly minutesApprovals: string[];
  };
  readonly actions: {
    readonly all: string[];
    completedOnTime?: string;
    cancelled?: string;
    /** Open and past due on endOn. */
    overdue?: string;
  };
  readonly views: {
    readonly all: string[];
    flaggedByScreen?: string;
    escalatedByModerator?: string;
    questioned?: string;
    late?: string;
    /** Withdrawn by its author after a decision cited it. */
    withdrawnAfterCitation?: string;
    erased?: string;
    sharingChanged?: string;
    readonly redacted: string[];
  };
  readonly safeguardingCases: string[];
  /** Each view's receipt code (canonical form), by contribution id: the young people's side of the test. */
  readonly receiptCodes: Record<string, string>;
  readonly facts: BoardYearFacts;
}

export const SCENARIO_RECEIPT_PEPPER = 'board-year-scenario-receipt-pepper';

/** The board's safeguarding window, as the application's default (libs/voice settings). */
const ACKNOWLEDGE_WITHIN_MINUTES = 240;
const DEFAULT_START = '2025-12-01';
const INFLUENCE_ORDER: readonly Influence[] = ['shaped', 'informed', 'considered-not-adopted'];

/** Drives one board's year into `store` and reports what it did. */
export async function driveBoardYear(store: EventStore, options: BoardYearOptions): Promise<BoardYear> {
  return new BoardYearDriver(store, options).drive();
}

interface Task {
  readonly ms: number;
  readonly seq: number;
  readonly run: () => Promise<void>;
}

interface PlannedView {
  readonly kind: 'ordinary' | 'flagged' | 'moderator-escalates' | 'question' | 'late-to-call';
  readonly at: string;
  readonly primaryTheme?: string;
}

interface ViewState {
  readonly record: ViewRecord;
  readonly pseudonym: string;
  readonly receiptCodeHash: string;
}

interface MeetingPlan {
  readonly meetingId: string;
  readonly quarter: number;
  readonly dates: MeetingDates;
  readonly items: readonly PlannedItem[];
  /** Views tabled here, by item. */
  readonly tabled: Map<string, string[]>;
  itemsAdded: boolean;
}

class BoardYearDriver {
  private readonly tenantId: string;
  private readonly prefix: string;
  private readonly startOn: string;
  private readonly endOn: string;
  private readonly random: SeededRandom;
  private readonly pepper: string;
  private readonly facts: BoardYearFacts;
  private readonly tasks: Task[] = [];
  private seq = 0;
  private readonly counters = { view: 0, decision: 0, action: 0, feedback: 0, citing: 0 };
  private readonly views = new Map<string, ViewState>();
  private readonly meetings: MeetingPlan[];
  private readonly decisionsByItem = new Map<string, string>();
  private readonly decisionRecords = new Map<string, DecisionRecord & { readonly cited: string[] }>();
  private readonly year: BoardYear;
  private board: BoardFacts | undefined;
  /** The instant of the task being run. */
  private now = '';
  private readonly staff: Record<
    'clerk' | 'chair' | 'moderator' | 'lead' | 'deputy' | 'advocate' | 'participation' | 'dpo',
    Actor
  >;
  private readonly themeOffset: number;

  constructor(
    private readonly store: EventStore,
    private readonly options: BoardYearOptions,
  ) {
    this.tenantId = options.tenantId;
    this.prefix = options.prefix;
    this.startOn = options.startOn ?? DEFAULT_START;
    this.endOn = lastDayBefore(this.startOn);
    this.random = seededRandom(options.seed ?? 1);
    this.pepper = options.receiptPepper ?? SCENARIO_RECEIPT_PEPPER;
    this.facts = emptyFacts(this.endOn);
    this.themeOffset = this.random.int(0, VIEW_THEMES.length - 1);
    const id = (name: string) => `${this.prefix}-${name}`;
    this.staff = {
      clerk: { id: id('clerk'), role: 'clerk' },
      chair: { id: id('chair-user'), role: 'chair' },
      moderator: { id: id('moderator'), role: 'moderator' },
      lead: { id: id('sg-lead'), role: 'safeguarding-lead' },
      deputy: { id: id('sg-deputy'), role: 'safeguarding-lead' },
      advocate: { id: id('advocate'), role: 'officer' },
      participation: { id: id('participation'), role: 'officer' },
      dpo: { id: id('dpo'), role: 'admin' },
    };
    this.meetings = QUARTERLY_AGENDA.map((items, quarter) => ({
      meetingId: id(`m${quarter + 1}`),
      quarter,
      dates: meetingDates(this.startOn, quarter),
      items,
      tabled: new Map<string, string[]>(),
      itemsAdded: false,
    }));
    const callMeeting = this.meetings[CALL_QUARTER]!;
    this.year = {
      tenantId: this.tenantId,
      prefix: this.prefix,
      startOn: this.startOn,
      endOn: this.endOn,
      people: {
        chair: id('chair'),
        councillors: [id('cllr-a'), id('cllr-b')],
        officer: id('dcs'),
        youngPersonRepresentative: id('yp-rep'),
        substitute: id('sub'),
        clerk: this.staff.clerk.id,
        moderator: this.staff.moderator.id,
        safeguardingLead: this.staff.lead.id,
        safeguardingDeputy: this.staff.deputy.id,
      },
      meetings: this.meetings.map((m) => ({
        meetingId: m.meetingId,
        on: m.dates.on,
        itemIds: m.items.map((i) => i.itemId),
      })),
      call: {
        callId: id('call-1'),
        meetingId: callMeeting.meetingId,
        itemId: CALL_ITEM,
        closesOn: plusDays(callMeeting.dates.tabledOn, -7),
      },
      decisions: { all: [], minutesApprovals: [] },
      actions: { all: [] },
      views: { all: [], redacted: [] },
      safeguardingCases: [],
      receiptCodes: {},
      facts: this.facts,
    };
  }

  async drive(): Promise<BoardYear> {
    this.at(instant(this.startOn, '09:00'), () => this.configureBoard());
    for (const meeting of this.meetings) this.planMeeting(meeting);
    this.planCall();
    for (const view of this.planViews()) this.at(view.at, () => this.submit(view));
    while (this.tasks.length > 0) {
      const task = this.tasks.shift()!;
      this.now = new Date(task.ms).toISOString();
      await task.run();
    }
    closeTheBooks(this.facts);
    return this.year;
  }

  // ---- the queue: everything happens in time order (ties in the order planned) ----

  private at(when: string, run: () => Promise<void>): void {
    const ms = Date.parse(when);
    // Nothing after the year's end happens: those answers and actions are still to come.
    if (ms >= Date.parse(instant(plusDays(this.endOn, 1), '00:00'))) return;
    const task = { ms, seq: this.seq++, run };
    let lo = 0;
    let hi = this.tasks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const other = this.tasks[mid]!;
      if (other.ms < ms || (other.ms === ms && other.seq < task.seq)) lo = mid + 1;
      else hi = mid;
    }
    this.tasks.splice(lo, 0, task);
  }

  private context(actor: Actor, now: string, onBehalfOf?: Actor, commandId: string = randomUUID()): CommandContext {
    return { tenantId: this.tenantId, actor, onBehalfOf: onBehalfOf ?? null, commandId, correlationId: commandId, now };
  }

  private async run<C, E extends { type: string; data: unknown; schemaVersion?: number }, S>(
    decider: DeciderLike<C, E, S>,
    stream: string,
    command: C,
    context: CommandContext,
  ): Promise<readonly E[]> {
    const { events } = await handleCommand(this.store, decider, stream, command, context);
    if (events.length > 0 && this.options.onAppended) {
      const metadata = metadataFor(context);
      this.options.onAppended(
        stream,
        events.map((e) => ({ type: e.type, data: e.data, schemaVersion: e.schemaVersion ?? 1, metadata })),
      );
    }
    this.facts.events.commands += 1;
    this.facts.events.total += events.length;
    for (const event of events) bump(this.facts.events.byType, event.type);
    return events;
  }

  private async fold<E extends { type: string; data: unknown; schemaVersion?: number }, S>(
    decider: DeciderLike<never, E, S>,
    stream: string,
  ): Promise<S> {
    return foldRecorded(decider, await this.store.readStream(stream));
  }

  private boardCommand(command: BoardCommand, at: string) {
    return this.run(boardDecider, boardStream(this.tenantId), command, this.context(this.staff.clerk, at));
  }

  private meetingCommand(command: MeetingCommand, actor: Actor = this.staff.clerk) {
    const { meetingId, at } = command.data;
    return this.run(meetingDecider, meetingStream(meetingId), command, this.context(actor, at));
  }

  private decisionCommand(command: DecisionCommand) {
    const { decisionId, at } = command.data;
    return this.run(decisionDecider, decisionStream(decisionId), command, this.context(this.staff.clerk, at));
  }

  private actionCommand(command: ActionCommand) {
    const { actionId, at } = command.data;
    return this.run(actionDecider, actionStream(actionId), command, this.context(this.staff.clerk, at));
  }

  private contributionCommand(
    command: ContributionCommand,
    actor: Actor,
    onBehalfOf?: Actor,
  ): Promise<readonly ContributionEvent[]> {
    const { contributionId, at } = command.data;
    return this.run(
      contributionDecider,
      contributionStream(contributionId),
      command,
      this.context(actor, at, onBehalfOf),
    );
  }

  private caseCommand(command: SafeguardingCaseCommand, actor: Actor, now: string, commandId?: string) {
    return this.run(
      safeguardingCaseDecider,
      safeguardingCaseStream(command.data.caseId),
      command,
      this.context(actor, now, undefined, commandId),
    ) as Promise<readonly SafeguardingCaseEvent[]>;
  }

  private id(name: string): string {
    return `${this.prefix}-${name}`;
  }

  // ---- the board ----

  private async configureBoard(): Promise<void> {
    const at = instant(this.startOn, '09:00');
    await this.boardCommand(
      {
        type: 'ConfigureBoard',
        data: {
          tenantId: this.tenantId,
          name: `${this.prefix} Corporate Parenting Board`,
          council: `${this.prefix} County Council`,
          jurisdiction: 'england',
          quorum: 3,
          termsOfReference: 'Holds the council to its duties as corporate parent, with children in care.',
          at,
        },
      },
      at,
    );
    const appointedOn = plusDays(this.startOn, -200);
    const p = this.year.people;
    const members = [
      [p.chair, 'Cllr Ada Jones', 'chair'],
      [p.councillors[0]!, 'Cllr Ben Evans', 'councillor'],
      [p.councillors[1]!, 'Cllr Carys Hughes', 'councillor'],
      [p.officer, 'Priya Shah', 'officer'],
      [p.youngPersonRepresentative, 'Sam', 'young-person-representative'],
    ] as const;
    for (const [i, [memberId, name, role]] of members.entries()) {
      const when = plusMinutes(at, 5 + i);
      await this.boardCommand(
        { type: 'AppointMember', data: { tenantId: this.tenantId, memberId, name, role, appointedOn, at: when } },
        when,
      );
    }
    this.board = boardFacts(await this.fold(boardDecider, boardStream(this.tenantId)));
    // The year's programme is set at once; the first meeting's agenda follows.
    for (const meeting of this.meetings) {
      const when = plusMinutes(at, 30 + meeting.quarter);
      await this.meetingCommand({
        type: 'ScheduleMeeting',
        data: {
          meetingId: meeting.meetingId,
          title: 'Corporate Parenting Board',
          startsAt: instant(meeting.dates.on, '17:30'),
          endsAt: instant(meeting.dates.on, '19:30'),
          place: 'Council Chamber, County Hall',
          facts: this.board,
          at: when,
        },
      });
      this.facts.meetings.scheduled += 1;
    }
  }

  // ---- meetings ----

  private planMeeting(meeting: MeetingPlan): void {
    const { dates, quarter } = meeting;
    this.at(instant(dates.itemsAddedOn, '10:00'), () => this.addItems(meeting));
    this.at(instant(dates.tabledOn, '11:00'), () => this.tableViews(meeting));
    this.at(instant(dates.agendaPublishedOn, '12:00'), async () => {
      await this.meetingCommand({
        type: 'PublishAgenda',
        data: { meetingId: meeting.meetingId, at: instant(dates.agendaPublishedOn, '12:00') },
      });
    });
    this.at(instant(dates.on, '17:30'), () => this.holdMeeting(meeting));
    this.at(instant(plusDays(dates.on, 2), '10:00'), async () => {
      await this.meetingCommand({
        type: 'DraftMinutes',
        data: { meetingId: meeting.meetingId, at: instant(plusDays(dates.on, 2), '10:00') },
      });
    });
    if (quarter > 0) {
      const previous = this.meetings[quarter - 1]!;
      this.at(instant(plusDays(dates.on, 1), '11:00'), async () => {
        await this.meetingCommand({
          type: 'PublishMinutes',
          data: { meetingId: previous.meetingId, at: instant(plusDays(dates.on, 1), '11:00') },
        });
        this.facts.meetings.minutesPublished += 1;
      });
    }
  }

  private async addItems(meeting: MeetingPlan): Promise<void> {
    for (const [i, item] of meeting.items.entries()) {
      await this.meetingCommand({
        type: 'AddAgendaItem',
        data: {
          meetingId: meeting.meetingId,
          itemId: item.itemId,
          title: item.title,
          purpose: item.purpose,
          lead: 'Director of Children’s Services',
          themes: item.themes,
          principles: item.principles,
          papers: item.restricted
            ? [{ title: `${item.title} (exempt)`, fileRef: `${meeting.meetingId}-${item.itemId}` }]
            : [{ title: item.title, link: `https://docs.example/${meeting.meetingId}/${item.itemId}.pdf` }],
          restricted: item.restricted ?? false,
          at: instant(meeting.dates.itemsAddedOn, `10:0${i}`),
        },
      });
      this.facts.meetings.agendaItems += 1;
    }
    meeting.itemsAdded = true;
  }

  /** Accepted views not yet before the board go to the first item with a theme of theirs. */
  private async tableViews(meeting: MeetingPlan): Promise<void> {
    const at = instant(meeting.dates.tabledOn, '11:00');
    for (const view of this.views.values()) {
      const record = view.record;
      if (record.outcome !== 'accepted') continue;
      const item = this.itemFor(meeting, record);
      if (!item) continue;
      await this.contributionCommand(
        {
          type: 'TableContribution',
          data: { contributionId: record.contributionId, meetingId: meeting.meetingId, itemId: item.itemId, at },
        },
        this.staff.clerk,
      );
      record.outcome = 'tabled';
      record.tabledAt = { meetingId: meeting.meetingId, itemId: item.itemId, at };
      this.facts.views.tabled += 1;
      const list = meeting.tabled.get(item.itemId) ?? [];
      list.push(record.contributionId);
      meeting.tabled.set(item.itemId, list);
    }
  }

  private itemFor(meeting: MeetingPlan, record: ViewRecord): PlannedItem | undefined {
    const targeted = this.targetItems.get(record.contributionId);
    if (targeted && targeted.meetingId === meeting.meetingId) {
      return meeting.items.find((i) => i.itemId === targeted.itemId);
    }
    return meeting.items.find((i) => i.purpose === 'decision' && i.themes.some((t) => record.themes.includes(t)));
  }

  private readonly targetItems = new Map<string, { meetingId: string; itemId: string }>();

  private attendance(quarter: number): Attendance[] {
    const p = this.year.people;
    const [a, b] = p.councillors as [string, string];
    const present = (memberId: string): Attendance => ({ memberId, status: 'present' });
    switch (quarter % 4) {
      case 1:
        return [
          present(p.chair),
          present(a),
          { memberId: b, status: 'apologies' },
          present(p.officer),
          present(p.youngPersonRepresentative),
        ];
      case 2:
        return [
          present(p.chair),
          present(a),
          present(b),
          { memberId: p.substitute, status: 'substitute', substituteFor: p.officer },
          { memberId: p.youngPersonRepresentative, status: 'apologies' },
        ];
      case 3:
        return [
          present(p.chair),
          { memberId: a, status: 'absent' },
          present(b),
          present(p.officer),
          present(p.youngPersonRepresentative),
        ];
      default:
        return [present(p.chair), present(a), present(b), present(p.officer), present(p.youngPersonRepresentative)];
    }
  }

  private async holdMeeting(meeting: MeetingPlan): Promise<void> {
    const { meetingId, quarter } = meeting;
    const day = meeting.dates.on;
    const board = await this.fold(boardDecider, boardStream(this.tenantId));
    await this.meetingCommand({
      type: 'OpenMeeting',
      data: {
        meetingId,
        attendance: this.attendance(quarter),
        facts: { members: membersServingOn(board, day), quorum: this.board!.quorum },
        at: instant(day, '17:30'),
      },
    });
    this.facts.meetings.held += 1;
    await this.meetingCommand({
      type: 'RecordMinutes',
      data: { meetingId, itemId: 'apologies', text: 'Apologies were noted as listed.', at: instant(day, '17:32') },
    });
    if (quarter > 0) await this.approvePreviousMinutes(meeting);
    if (quarter === 2) {
      await this.meetingCommand({
        type: 'DeclareInterest',
        data: {
          meetingId,
          memberId: this.year.people.councillors[0]!,
          itemId: meeting.items[0]!.itemId,
          nature: 'Is a foster carer',
          at: instant(day, '17:38'),
        },
      });
    }
    for (const [i, item] of meeting.items.entries()) {
      await this.takeItem(meeting, item, plusMinutes(instant(day, '17:40'), 20 * i));
    }
    const tabledCount = [...meeting.tabled.values()].reduce((n, ids) => n + ids.length, 0);
    await this.meetingCommand({
      type: 'RecordMinutes',
      data: {
        meetingId,
        itemId: 'voice-of-children-and-young-people',
        text: `The board heard ${tabledCount} views from young people across the items above.`,
        at: instant(day, '19:20'),
      },
    });
    await this.meetingCommand({ type: 'CloseMeeting', data: { meetingId, at: instant(day, '19:30') } });
  }

  private async approvePreviousMinutes(meeting: MeetingPlan): Promise<void> {
    const previous = this.meetings[meeting.quarter - 1]!;
    const decisionId = this.nextDecisionId();
    const at = instant(meeting.dates.on, '17:35');
    await this.recordDecision(meeting, 'minutes-of-last-meeting', decisionId, at, {
      resolution: 'The minutes of the last meeting are approved as a correct record.',
      themes: [],
      principles: [],
      voiceEvidence: { noneApplied: { reason: 'A procedural matter: approving the record of the last meeting.' } },
      procedural: true,
    });
    this.year.decisions.minutesApprovals.push(decisionId);
    await this.meetingCommand({
      type: 'ApproveMinutes',
      data: {
        meetingId: previous.meetingId,
        approvedAtMeetingId: meeting.meetingId,
        decisionId,
        at: instant(meeting.dates.on, '17:36'),
      },
    });
    this.facts.meetings.minutesApproved += 1;
  }

  private async takeItem(meeting: MeetingPlan, item: PlannedItem, at: string): Promise<void> {
    const { meetingId, quarter } = meeting;
    const tabled = meeting.tabled.get(item.itemId) ?? [];
    for (const contributionId of tabled) {
      await this.contributionCommand(
        { type: 'MarkConsidered', data: { contributionId, meetingId, itemId: item.itemId, at } },
        this.staff.clerk,
      );
      const record = this.views.get(contributionId)!.record;
      record.outcome = 'considered';
      record.consideredAt = at;
      this.facts.views.considered += 1;
    }
    await this.meetingCommand({
      type: 'RecordMinutes',
      data: { meetingId, itemId: item.itemId, text: `The board discussed: ${item.title}.`, at: plusMinutes(at, 5) },
    });
    const decisionId = this.nextDecisionId();
    const decidedAt = plusMinutes(at, 10);
    // Every view considered is cited, except the last of a long list (considered, but not cited).
    const cited = tabled.length > 3 ? tabled.slice(0, -1) : tabled;
    const citable: string[] = [];
    for (const contributionId of cited) {
      const state = await this.fold(contributionDecider, contributionStream(contributionId));
      if (citability(state) === 'citable') citable.push(contributionId);
    }
    const voiceEvidence: VoiceEvidence =
      item.purpose === 'information'
        ? { noneApplied: { reason: 'Commercial costs only: no views were sought.' } }
        : citable.length === 0
          ? { noneApplied: { reason: 'No views on this theme reached the board before the meeting.' } }
          : { contributions: citable.map((contributionId, i) => this.citation(contributionId, i)) };
    const amends =
      quarter === AMENDING_ITEM.quarter && item.itemId === AMENDING_ITEM.itemId
        ? this.decisionsByItem.get(`${AMENDED_ITEM.quarter}:${AMENDED_ITEM.itemId}`)
        : undefined;
    await this.recordDecision(meeting, item.itemId, decisionId, decidedAt, {
      resolution: item.resolution,
      themes: item.themes,
      principles: item.principles,
      voiceEvidence,
      kind:
        item.purpose === 'information'
          ? 'noted'
          : quarter === 3 && item === meeting.items[0]
            ? 'recommendation'
            : 'resolution',
      interestsDeclared: quarter === 2 && item === meeting.items[0] ? [this.year.people.councillors[0]!] : [],
      amends,
      procedural: false,
    });
    this.decisionsByItem.set(`${quarter}:${item.itemId}`, decisionId);
    if (item.purpose === 'information' && this.year.decisions.noneApplied === undefined) {
      this.year.decisions.noneApplied = decisionId;
    }
    if (voiceEvidence.contributions) await this.followUp(meeting, decisionId, decidedAt);
  }

  private citation(contributionId: string, i: number): Citation {
    const influence = i < INFLUENCE_ORDER.length ? INFLUENCE_ORDER[i]! : this.random.pick(INFLUENCE_ORDER);
    const rationale = {
      shaped: 'What you told us is the heart of this decision.',
      informed: 'What you told us helped us understand the problem.',
      'considered-not-adopted': 'We thought hard about this but could not promise it yet.',
    }[influence];
    return { contributionId, influence, rationale };
  }

  private nextDecisionId(): string {
    this.counters.decision += 1;
    return this.id(`d${this.counters.decision}`);
  }

  private async recordDecision(
    meeting: MeetingPlan,
    itemId: string,
    decisionId: string,
    at: string,
    content: {
      resolution: string;
      themes: readonly string[];
      principles: readonly string[];
      voiceEvidence: VoiceEvidence;
      kind?: 'resolution' | 'recommendation' | 'noted';
      interestsDeclared?: readonly string[];
      amends?: string;
      procedural: boolean;
    },
  ): Promise<void> {
    const state = await this.fold(meetingDecider, meetingStream(meeting.meetingId));
    const facts = meetingFactsForDecision(state, itemId);
    const cited = (content.voiceEvidence.contributions ?? []).map((c) => c.contributionId);
    const earlier = content.amends
      ? decisionFacts(content.amends, await this.fold(decisionDecider, decisionStream(content.amends)))
      : undefined;
    const kind = content.kind ?? 'resolution';
    const useVote = !content.procedural && this.random.chance(0.4);
    const amendment = content.amends
      ? {
          decisionId: content.amends,
          reason: 'Young people asked that it cover college',
          changes: 'Extends the rule to college placements',
        }
      : undefined;
    await this.decisionCommand({
      type: 'RecordDecision',
      data: {
        decisionId,
        meetingId: meeting.meetingId,
        itemId,
        resolution: content.resolution,
        kind,
        recommendedTo: kind === 'recommendation' ? 'Cabinet' : undefined,
        reached: useVote
          ? { method: 'vote', for: facts.presentCount - 1, against: 0, abstain: 1 }
          : { method: 'consensus' },
        reasons: cited.length > 0 ? 'Young people told us what mattered to them.' : 'As discussed at the meeting.',
        alternativesRejected:
          cited.length > 0 ? [{ option: 'Wait for the next review', why: 'Young people asked us to act now' }] : [],
        interestsDeclared: content.interestsDeclared ?? [],
        themes: content.themes,
        principles: content.principles,
        voiceEvidence: content.voiceEvidence,
        amends: amendment,
        at,
        facts: {
          meeting: facts,
          contributions: cited.map((contributionId) => ({ contributionId, status: 'citable' as const })),
          earlier,
        },
      },
    });
    const record = {
      decisionId,
      meetingId: meeting.meetingId,
      itemId,
      at,
      themes: content.themes,
      citations: cited.length,
      noneApplied: cited.length === 0,
      procedural: content.procedural,
      amends: content.amends,
      actionIds: [] as string[],
      cited,
    };
    this.decisionRecords.set(decisionId, record);
    const { decisions } = this.facts;
    decisions.list.push(record);
    decisions.total += 1;
    if (cited.length > 0) decisions.withVoiceEvidence += 1;
    else decisions.noneApplied += 1;
    if (content.procedural) decisions.procedural += 1;
    this.year.decisions.all.push(decisionId);
    for (const citation of content.voiceEvidence.contributions ?? []) {
      decisions.citations += 1;
      decisions.citationsByInfluence[citation.influence] += 1;
      const view = this.views.get(citation.contributionId)!.record;
      if (view.citedBy.length === 0) this.facts.views.cited += 1;
      view.citedBy.push({ decisionId, influence: citation.influence });
    }
    if (content.amends) {
      await this.decisionCommand({
        type: 'AmendDecision',
        data: {
          decisionId: content.amends,
          byDecisionId: decisionId,
          reason: amendment!.reason,
          changes: amendment!.changes,
          at,
          facts: { by: { decisionId, meetingId: meeting.meetingId, recordedAt: at } },
        },
      });
      this.decisionRecords.get(content.amends)!.amendedBy = decisionId;
      decisions.amended += 1;
      this.year.decisions.amended = content.amends;
      this.year.decisions.amending = decisionId;
    }
  }

  /** Actions, the "we did" to the views cited, and the special turns of the year's story. */
  private async followUp(meeting: MeetingPlan, decisionId: string, decidedAt: string): Promise<void> {
    const citing = this.counters.citing++;
    const day = meeting.dates.on;
    const firstOfMeeting = ![...this.decisionRecords.values()].some(
      (d) => d.meetingId === meeting.meetingId && d.decisionId !== decisionId && d.citations > 0,
    );
    const plans: Array<{ dueOn: string; fate?: 'complete' | 'cancel' | 'overdue' }> = [];
    if (citing === 0) {
      plans.push({ dueOn: plusDays(day, 60), fate: 'complete' }, { dueOn: plusDays(day, 90), fate: 'cancel' });
    } else if (meeting.quarter === 2 && firstOfMeeting) {
      plans.push({ dueOn: plusDays(day, 40), fate: 'overdue' });
    } else {
      plans.push({ dueOn: plusDays(this.endOn, 30 + 15 * citing) });
      if (this.random.chance(0.5)) plans.push({ dueOn: plusDays(this.endOn, 60 + 15 * citing) });
    }
    const actionIds: string[] = [];
    for (const plan of plans) actionIds.push(await this.assignAction(decisionId, decidedAt, plan.dueOn, plan.fate));
    this.decisionRecords.get(decisionId)!.actionIds.push(...actionIds);

    const record = this.decisionRecords.get(decisionId)!;
    // The author of one view cited at the first meeting takes it back a few days later.
    if (meeting.quarter === 0 && this.year.views.withdrawnAfterCitation === undefined && record.cited.length > 0) {
      const contributionId = record.cited[Math.min(1, record.cited.length - 1)]!;
      this.year.views.withdrawnAfterCitation = contributionId;
      this.at(instant(plusDays(day, 3), '20:00'), () => this.withdraw(contributionId));
    }
    // One view cited at the second meeting is erased on request, after its answer.
    if (meeting.quarter === 1 && this.year.views.erased === undefined && record.cited.length > 0) {
      const contributionId = record.cited[record.cited.length - 1]!;
      this.year.views.erased = contributionId;
      this.at(instant(plusDays(day, 60), '10:00'), () => this.erase(contributionId));
      const other = record.cited.find(
        (id) => id !== contributionId && this.views.get(id)!.record.sharing !== 'verbatim',
      );
      if (other && this.year.views.sharingChanged === undefined) {
        this.year.views.sharingChanged = other;
        this.at(instant(plusDays(day, 45), '19:00'), () => this.changeSharing(other));
      }
    }
    const lag = this.random.int(14, 35);
    this.at(instant(plusDays(day, lag), '11:00'), () => this.answer(decisionId));
  }

  private async assignAction(
    decisionId: string,
    at: string,
    dueOn: string,
    fate?: 'complete' | 'cancel' | 'overdue',
  ): Promise<string> {
    this.counters.action += 1;
    const actionId = this.id(`a${this.counters.action}`);
    const p = this.year.people;
    const owners: ActionOwner[] = [
      { memberId: p.officer },
      { officer: { id: this.id('staff-officer'), name: 'Jo Bloggs' } },
      { memberId: p.chair },
      { memberId: p.councillors[0]! },
    ];
    const owner = owners[(this.counters.action - 1) % owners.length]!;
    await this.actionCommand({
      type: 'AssignAction',
      data: {
        actionId,
        decisionId,
        description: `Follow up decision ${this.counters.decision}: report back to the board and the Children in Care Council`,
        owner,
        dueOn,
        at: plusMinutes(at, 2),
        facts: { decision: decisionFacts(decisionId, await this.fold(decisionDecider, decisionStream(decisionId))) },
      },
    });
    const record: ActionRecord = { actionId, decisionId, dueOn, status: 'open', progressNotes: 0 };
    this.facts.actions.list.push(record);
    this.facts.actions.assigned += 1;
    this.year.actions.all.push(actionId);
    const assignedOn = at.slice(0, 10);
    const progress = async (on: string) => {
      await this.actionCommand({
        type: 'RecordProgress',
        data: {
          actionId,
          note: 'Work is under way; an update went to the Children in Care Council.',
          at: instant(on, '09:00'),
        },
      });
      record.progressNotes += 1;
      this.facts.actions.progressNotes += 1;
    };
    if (fate === 'complete') {
      this.year.actions.completedOnTime = actionId;
      this.at(instant(plusDays(assignedOn, 20), '09:00'), () => progress(plusDays(assignedOn, 20)));
      this.at(instant(plusDays(assignedOn, 45), '16:00'), async () => {
        const on = plusDays(assignedOn, 45);
        await this.actionCommand({
          type: 'CompleteAction',
          data: { actionId, evidence: 'Published and shared with young people.', at: instant(on, '16:00') },
        });
        record.status = 'completed';
        record.completedOn = on;
        this.facts.actions.completed += 1;
        if (on <= dueOn) this.facts.actions.completedOnTime += 1;
      });
    } else if (fate === 'cancel') {
      this.year.actions.cancelled = actionId;
      this.at(instant(plusDays(assignedOn, 30), '10:00'), async () => {
        await this.actionCommand({
          type: 'CancelAction',
          data: {
            actionId,
            reason: 'Covered by the other action of this decision.',
            at: instant(plusDays(assignedOn, 30), '10:00'),
          },
        });
        record.status = 'cancelled';
        this.facts.actions.cancelled += 1;
      });
    } else {
      if (fate === 'overdue') this.year.actions.overdue = actionId;
      this.at(instant(plusDays(assignedOn, 20), '09:00'), () => progress(plusDays(assignedOn, 20)));
    }
    return actionId;
  }

  // ---- the call for views ----

  private planCall(): void {
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

  private callWindow(): { opens: number; closes: number } {
    const meeting = this.meetings[CALL_QUARTER]!;
    return {
      opens: Date.parse(instant(plusDays(meeting.dates.itemsAddedOn, 1), '09:00')),
      closes: Date.parse(instant(plusDays(this.year.call.closesOn, 1), '00:00')) - 3_600_000,
    };
  }

  // ---- views ----

  private planViews(): PlannedView[] {
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

  private async submit(plan: PlannedView): Promise<void> {
    this.counters.view += 1;
    const n = this.counters.view;
    const contributionId = this.id(`v${String(n).padStart(3, '0')}`);
    const pseudonym = this.id(`yp${String(n).padStart(3, '0')}`);
    const random = this.random;
    const { code } = generateReceiptCode((size) => random.bytes(size));
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
      const template = random.pick(VIEW_WORDS[primary] ?? VIEW_WORDS['participation-and-rights']!);
      name = random.pick(FIRST_NAMES);
      redactable = template.includes('{name}');
      text = template.replace('{name}', name);
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

  private async accept(contributionId: string, at: string, redactedText?: string): Promise<void> {
    const view = this.views.get(contributionId)!;
    if (view.record.outcome !== 'submitted' && view.record.outcome !== 'question-asked') return;
    await this.contributionCommand(
      {
        type: 'ModerateContribution',
        data: {
          contributionId,
          moderation: redactedText ? { outcome: 'accept-with-redactions', redactedText } : { outcome: 'accept' },
          at,
        },
      },
      this.staff.moderator,
    );
    view.record.outcome = 'accepted';
    view.record.acceptedAt = at;
    this.facts.views.accepted += 1;
    if (redactedText) {
      view.record.redacted = true;
      this.facts.views.acceptedWithRedactions += 1;
      this.year.views.redacted.push(contributionId);
    }
  }

  private async askQuestion(contributionId: string, at: string, answeredAt: string, acceptedAt: string): Promise<void> {
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

  private withhold(record: ViewRecord, by: 'screen' | 'moderator'): void {
    record.outcome = 'withheld';
    record.withheldBy = by;
    this.facts.views.withheld += 1;
    if (by === 'screen') this.facts.views.withheldByScreen += 1;
    else this.facts.views.withheldByModerator += 1;
  }

  private async moderatorEscalates(contributionId: string, at: string): Promise<void> {
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
  private async openCase(
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

  private async answer(decisionId: string): Promise<void> {
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

  private async close(contributionId: string, at: string): Promise<void> {
    const record = this.views.get(contributionId)!.record;
    if (record.outcome !== 'responded') return;
    await this.contributionCommand(
      { type: 'CloseContribution', data: { contributionId, at } },
      this.staff.participation,
    );
    record.outcome = 'closed';
    this.facts.views.closed += 1;
  }

  private async withdraw(contributionId: string): Promise<void> {
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

  private async changeSharing(contributionId: string): Promise<void> {
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

  private async erase(contributionId: string): Promise<void> {
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

function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function lastDayBefore(date: string): string {
  return plusDays(addMonths(date, 12), -1);
}
