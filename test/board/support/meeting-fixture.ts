import { randomUUID } from 'node:crypto';
import { BoardStreams, type CommandContext } from '#event-store';
import { BoardAggregates } from '../../../libs/board/src/commands/board-aggregates.js';
import {
  boardDecider,
  boardFacts,
  boardStream,
  londonDateOf,
  meetingDecider,
  meetingStream,
  membersServingOn,
  type BoardCommand,
  type MeetingCommand,
  type MemberRole,
} from '../../../libs/board/src/domain/index.js';
import type { TestApp } from '../../support/test-app.js';

// Meetings for the decision tests, driven through the meeting decider (the same write path the
// governance routes use), so these tests do not depend on another module's routes and payloads.

export const MEMBERS: ReadonlyArray<{ memberId: string; name: string; role: MemberRole }> = [
  { memberId: 'm-chair', name: 'Chair', role: 'chair' },
  { memberId: 'm-evans', name: 'Councillor', role: 'councillor' },
  { memberId: 'm-dcs', name: 'Director', role: 'officer' },
  { memberId: 'm-yp', name: 'Representative', role: 'young-person-representative' },
];

/** An item for decision, added to every fixture meeting besides the standing items. */
export const DECISION_ITEM = 'placement-stability-report';
const DAY_MS = 86_400_000;
export const MINUTES_ITEM = 'minutes-of-last-meeting';

type MeetingData<T extends MeetingCommand['type']> = Omit<
  Extract<MeetingCommand, { type: T }>['data'],
  'meetingId' | 'at'
>;

export interface MeetingOptions {
  readonly meetingId?: string;
  /**
   * When it starts. published(): 14 April 2026 unless told (the clock starts on 2 March 2026);
   * inProgress() and drafted(): now, by the test clock, unless told.
   */
  readonly startsAt?: string;
  /** Fewer present than the quorum of 3. */
  readonly inquorate?: boolean;
  /** Members declaring an interest in the decision item. */
  readonly interests?: readonly string[];
}

export class MeetingFixture {
  private constructor(
    private readonly t: TestApp,
    readonly tenantId: string,
    private readonly actorId: string,
  ) {}

  /** A configured board with four serving members (quorum 3) in the tenant. */
  static async forTenant(t: TestApp, tenantId: string, actorId: string): Promise<MeetingFixture> {
    const fixture = new MeetingFixture(t, tenantId, actorId);
    const aggregates = t.app.get(BoardAggregates);
    if (!(await aggregates.board(tenantId)).config) {
      await fixture.onBoard({
        type: 'ConfigureBoard',
        data: {
          tenantId,
          name: 'Corporate Parenting Board',
          council: 'Test Council',
          jurisdiction: 'england',
          quorum: 3,
          termsOfReference: 'To hold the council to account as corporate parent.',
          at: fixture.now(),
        },
      });
      for (const member of MEMBERS) {
        await fixture.onBoard({
          type: 'AppointMember',
          data: { tenantId, ...member, appointedOn: '2026-01-05', at: fixture.now() },
        });
      }
    }
    return fixture;
  }

  /** A command context as the governance routes would build it (a fresh command id each time). */
  context(commandId: string = randomUUID(), role: CommandContext['actor']['role'] = 'clerk'): CommandContext {
    return {
      tenantId: this.tenantId,
      actor: { id: this.actorId, role },
      onBehalfOf: null,
      commandId,
      correlationId: commandId,
      now: this.now(),
    };
  }

  /**
   * Scheduled (with the standing items and the decision item) and its agenda published: now, or, for a
   * meeting too soon (or past) for the agenda's notice, three weeks before it, as a clerk would have.
   */
  async published(options: MeetingOptions = {}): Promise<string> {
    const meetingId = options.meetingId ?? randomUUID();
    const startsAt = options.startsAt ?? '2026-04-14T17:30:00+01:00';
    const board = await this.t.app.get(BoardAggregates).board(this.tenantId);
    const inGoodTime = new Date(Math.min(Date.parse(this.now()), Date.parse(startsAt) - 21 * DAY_MS)).toISOString();
    const prepared = () => ({ ...this.context(), now: inGoodTime });
    await this.onMeeting(
      meetingId,
      'ScheduleMeeting',
      { title: 'Corporate Parenting Board', startsAt, place: 'Council Chamber', facts: boardFacts(board) },
      prepared(),
    );
    await this.onMeeting(
      meetingId,
      'AddAgendaItem',
      {
        itemId: DECISION_ITEM,
        title: 'Placement stability: quarterly report',
        purpose: 'decision',
        lead: 'Director of Children’s Services',
        themes: ['placement-stability'],
        principles: ['safe-and-stable'],
        papers: [],
        restricted: false,
      },
      prepared(),
    );
    await this.onMeeting(meetingId, 'PublishAgenda', {}, prepared());
    return meetingId;
  }

  /**
   * Opened with attendance (quorate unless asked otherwise), with any interests declared. A meeting is
   * opened on its day, not before: for one still ahead, the test clock moves on to its start (and stays).
   */
  async inProgress(options: MeetingOptions = {}): Promise<string> {
    const startsAt = options.startsAt ?? this.now();
    const meetingId = await this.published({ ...options, startsAt });
    if (Date.parse(startsAt) > this.t.clock.now().getTime()) this.t.clock.set(new Date(startsAt));
    const board = await this.t.app.get(BoardAggregates).board(this.tenantId);
    const present = options.inquorate ? MEMBERS.slice(0, 2) : MEMBERS.slice(0, 3);
    await this.onMeeting(meetingId, 'OpenMeeting', {
      attendance: present.map((m) => ({ memberId: m.memberId, status: 'present' as const })),
      facts: { members: membersServingOn(board, londonDateOf(this.now())), quorum: 3 },
    });
    for (const memberId of options.interests ?? []) {
      await this.onMeeting(meetingId, 'DeclareInterest', { memberId, itemId: DECISION_ITEM, nature: 'A relative' });
    }
    return meetingId;
  }

  /** Held, minuted, closed and its minutes drafted: ready for the next meeting to approve. */
  async drafted(options: MeetingOptions = {}): Promise<string> {
    const meetingId = await this.inProgress(options);
    await this.onMeeting(meetingId, 'RecordMinutes', { itemId: DECISION_ITEM, text: 'The board received the report.' });
    await this.onMeeting(meetingId, 'CloseMeeting', {});
    await this.onMeeting(meetingId, 'DraftMinutes', {});
    return meetingId;
  }

  onMeeting<T extends MeetingCommand['type']>(
    meetingId: string,
    type: T,
    data: MeetingData<T>,
    context: CommandContext = this.context(),
  ): Promise<unknown> {
    const command = { type, data: { ...data, meetingId, at: context.now } } as Extract<MeetingCommand, { type: T }>;
    return this.t.app
      .get(BoardStreams)
      .run(meetingDecider, meetingStream(meetingId), command, context, { id: meetingId });
  }

  private onBoard(command: BoardCommand): Promise<unknown> {
    const streams = this.t.app.get(BoardStreams);
    return streams.run(boardDecider, boardStream(this.tenantId), command, this.context(), { id: this.tenantId });
  }

  private now(): string {
    return this.t.clock.now().toISOString();
  }
}
