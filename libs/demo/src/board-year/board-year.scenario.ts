// A realistic year of a Corporate Parenting Board across both contexts, driven through the real
// deciders (handleCommand: read, fold, decide, append) in the order things happen, so the insight read
// models, the benchmark and the demo seed see the events the application really writes. Deterministic
// for a seed: ids come from the prefix and counters; only event and command ids are random.
import type { EventStore } from '#event-store';
import {
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
  type ActionOwner,
  type Attendance,
  type Citation,
  type ContributionCitability,
  type Influence,
  type VoiceEvidence,
} from '#board/contracts';
import { citability, contributionDecider, contributionStream, sameItem } from '#voice/contracts';
import { AMENDED_ITEM, AMENDING_ITEM, type PlannedItem } from './board-year.agenda.js';
import { instant, plusDays, plusMinutes } from './board-year.calendar.js';
import { closeTheBooks, type ActionRecord, type ViewRecord } from './board-year.facts.js';
import type { BoardYear, BoardYearOptions } from './board-year.types.js';
import { VoiceYear } from './board-year.voice.js';
import type { MeetingPlan } from './board-year.base.js';

export type { BoardYear, BoardYearOptions, StaffPart } from './board-year.types.js';
export { SCENARIO_RECEIPT_PEPPER } from './board-year.types.js';

const INFLUENCE_ORDER: readonly Influence[] = ['shaped', 'informed', 'considered-not-adopted'];

/** Drives one board's year into `store` and reports what it did. */
export async function driveBoardYear(store: EventStore, options: BoardYearOptions): Promise<BoardYear> {
  return new BoardYearDriver(store, options).drive();
}

class BoardYearDriver extends VoiceYear {
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
    // What the voice context answers the application: each view's citability, and whether it was tabled here.
    const here = { meetingId: meeting.meetingId, itemId };
    const contributions: ContributionCitability[] = [];
    for (const contributionId of cited) {
      const view = await this.fold(contributionDecider, contributionStream(contributionId));
      const tabledAtItem = view.tabledAt.some((at) => sameItem(at, here));
      contributions.push({ contributionId, status: citability(view), tabledAtItem });
    }
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
          contributions,
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
    const record: ActionRecord = {
      actionId,
      decisionId,
      assignedOn: at.slice(0, 10),
      dueOn,
      status: 'open',
      progressNotes: 0,
    };
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
        record.cancelledOn = plusDays(assignedOn, 30);
        this.facts.actions.cancelled += 1;
      });
    } else {
      if (fate === 'overdue') this.year.actions.overdue = actionId;
      this.at(instant(plusDays(assignedOn, 20), '09:00'), () => progress(plusDays(assignedOn, 20)));
    }
    return actionId;
  }

  // ---- the call for views ----
}
