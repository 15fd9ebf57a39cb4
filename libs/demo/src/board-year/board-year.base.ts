// The scenario's state and its write path: a queue of what happens, in time order, and one helper per
// aggregate that runs a command through the one writer, BoardStreams (read, fold, decide, append), and counts the events.
import { randomUUID } from 'node:crypto';
import {
  BoardStreams,
  foldRecorded,
  metadataFor,
  type Actor,
  type CommandContext,
  type DeciderLike,
  type EventStore,
} from '#event-store';
import {
  actionDecider,
  actionStream,
  boardDecider,
  boardStream,
  decisionDecider,
  decisionStream,
  meetingDecider,
  meetingStream,
  type ActionCommand,
  type BoardCommand,
  type BoardFacts,
  type DecisionCommand,
  type MeetingCommand,
} from '#board/contracts';
import {
  contributionDecider,
  contributionStream,
  safeguardingCaseDecider,
  safeguardingCaseStream,
  type ContributionCommand,
  type ContributionEvent,
  type SafeguardingCaseCommand,
  type SafeguardingCaseEvent,
} from '#voice/contracts';
import { CALL_ITEM, CALL_QUARTER, QUARTERLY_AGENDA, VIEW_THEMES, type PlannedItem } from './board-year.agenda.js';
import { instant, lastDayBefore, meetingDates, plusDays, type MeetingDates } from './board-year.calendar.js';
import { bump, emptyFacts, type BoardYearFacts, type DecisionRecord, type ViewRecord } from './board-year.facts.js';
import { seededRandom, type SeededRandom } from './seeded-random.js';
import { SCENARIO_RECEIPT_PEPPER, type BoardYear, type BoardYearOptions, type StaffPart } from './board-year.types.js';

const DEFAULT_START = '2025-12-01';

export interface Task {
  readonly ms: number;
  readonly seq: number;
  readonly run: () => Promise<void>;
}

export interface PlannedView {
  readonly kind: 'ordinary' | 'flagged' | 'moderator-escalates' | 'question' | 'late-to-call';
  readonly at: string;
  readonly primaryTheme?: string;
}

export interface ViewState {
  readonly record: ViewRecord;
  readonly pseudonym: string;
  readonly receiptCodeHash: string;
}

export interface MeetingPlan {
  readonly meetingId: string;
  readonly quarter: number;
  readonly dates: MeetingDates;
  readonly items: readonly PlannedItem[];
  /** Views tabled here, by item. */
  readonly tabled: Map<string, string[]>;
  itemsAdded: boolean;
}

export abstract class BoardYearBase {
  protected readonly tenantId: string;
  protected readonly prefix: string;
  protected readonly startOn: string;
  protected readonly endOn: string;
  protected readonly random: SeededRandom;
  protected readonly pepper: string;
  protected readonly facts: BoardYearFacts;
  protected readonly tasks: Task[] = [];
  protected seq = 0;
  protected readonly counters = { view: 0, decision: 0, action: 0, feedback: 0, citing: 0 };
  protected readonly views = new Map<string, ViewState>();
  protected readonly meetings: MeetingPlan[];
  protected readonly decisionsByItem = new Map<string, string>();
  protected readonly decisionRecords = new Map<string, DecisionRecord & { readonly cited: string[] }>();
  protected readonly year: BoardYear;
  protected board: BoardFacts | undefined;
  /** The instant of the task being run. */
  protected now = '';
  protected readonly staff: Record<StaffPart, Actor>;
  protected readonly themeOffset: number;

  protected readonly targetItems = new Map<string, { meetingId: string; itemId: string }>();

  constructor(
    protected readonly store: EventStore,
    protected readonly options: BoardYearOptions,
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
    const staff = (part: StaffPart, name: string, role: Actor['role']): Actor => ({
      id: options.staffIds?.[part] ?? id(name),
      role,
    });
    this.staff = {
      clerk: staff('clerk', 'clerk', 'clerk'),
      chair: staff('chair', 'chair-user', 'chair'),
      moderator: staff('moderator', 'moderator', 'moderator'),
      lead: staff('lead', 'sg-lead', 'safeguarding-lead'),
      deputy: staff('deputy', 'sg-deputy', 'safeguarding-lead'),
      advocate: staff('advocate', 'advocate', 'officer'),
      participation: staff('participation', 'participation', 'officer'),
      dpo: staff('dpo', 'dpo', 'admin'),
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

  protected at(when: string, run: () => Promise<void>): void {
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

  protected context(actor: Actor, now: string, onBehalfOf?: Actor, commandId: string = randomUUID()): CommandContext {
    return { tenantId: this.tenantId, actor, onBehalfOf: onBehalfOf ?? null, commandId, correlationId: commandId, now };
  }

  protected async run<C, E extends { type: string; data: unknown; schemaVersion?: number }, S>(
    decider: DeciderLike<C, E, S>,
    stream: string,
    command: C,
    context: CommandContext,
  ): Promise<readonly E[]> {
    const { decided: events } = await new BoardStreams(this.store).write(decider, stream, command, context, {
      id: stream,
    });
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

  protected async fold<E extends { type: string; data: unknown; schemaVersion?: number }, S>(
    decider: DeciderLike<never, E, S>,
    stream: string,
  ): Promise<S> {
    return foldRecorded(decider, await this.store.readStream(stream));
  }

  protected boardCommand(command: BoardCommand, at: string) {
    return this.run(boardDecider, boardStream(this.tenantId), command, this.context(this.staff.clerk, at));
  }

  protected meetingCommand(command: MeetingCommand, actor: Actor = this.staff.clerk) {
    const { meetingId, at } = command.data;
    return this.run(meetingDecider, meetingStream(meetingId), command, this.context(actor, at));
  }

  protected decisionCommand(command: DecisionCommand) {
    const { decisionId, at } = command.data;
    return this.run(decisionDecider, decisionStream(decisionId), command, this.context(this.staff.clerk, at));
  }

  protected actionCommand(command: ActionCommand) {
    const { actionId, at } = command.data;
    return this.run(actionDecider, actionStream(actionId), command, this.context(this.staff.clerk, at));
  }

  protected contributionCommand(
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

  protected caseCommand(command: SafeguardingCaseCommand, actor: Actor, now: string, commandId?: string) {
    return this.run(
      safeguardingCaseDecider,
      safeguardingCaseStream(command.data.caseId),
      command,
      this.context(actor, now, undefined, commandId),
    ) as Promise<readonly SafeguardingCaseEvent[]>;
  }

  protected id(name: string): string {
    return `${this.prefix}-${name}`;
  }

  // ---- the board ----
}
