// A realistic stretch of a board's life, driven through the real write path (BoardStreams.run: read,
// fold, decide, append) so the read models are tested on the events the deciders really produce.
// Used by the read models' integration tests and the end-to-end test; every id carries `prefix` so
// two tenants can share one event store.
import { randomUUID } from 'node:crypto';
import type { BoardStreams, CommandContext } from '#event-store';
import { BoardAggregates } from '../commands/board-aggregates.js';
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
  type AgendaItemInput,
  type Attendance,
  type BoardCommand,
  type DecisionCommand,
  type DecisionContent,
  type MeetingCommand,
} from '../domain/index.js';

export interface BoardHistory {
  readonly tenantId: string;
  readonly members: {
    readonly chair: string;
    readonly councillor: string;
    readonly officer: string;
    readonly youngPerson: string;
    readonly partner: string;
  };
  readonly substitute: string;
  readonly officerStaffId: string;
  readonly meetings: {
    readonly april: string;
    readonly june: string;
    readonly july: string;
    readonly september: string;
  };
  readonly decisions: {
    /** April, placements: three views cited; later amended by `amendPlacements`. */
    readonly placements: string;
    /** April, restricted item: noted, no views applied; later superseded by `commissioning`. */
    readonly noted: string;
    /** June: approves April's minutes. */
    readonly approveMinutes: string;
    readonly amendPlacements: string;
    readonly commissioning: string;
  };
  readonly actions: {
    /** Member-owned (the officer member), due 2026-05-01, completed 2026-04-28. */
    readonly guidance: string;
    /** Officer (not a member), due 2026-06-30, open. */
    readonly report: string;
    /** The chair's, due 2026-04-30, open: overdue from 1 May. */
    readonly visit: string;
    /** The councillor's, due 2026-05-15, cancelled. */
    readonly survey: string;
  };
}

export const MEMBER_NAMES = {
  chair: 'Cllr Ada Jones',
  councillor: 'Cllr Ben Evans',
  officer: 'Priya Shah',
  youngPerson: 'Sam',
  partner: 'Dr Lee Morgan',
} as const;

export const APRIL_STARTS_AT = '2026-04-14T17:30:00+01:00';
export const CORRECTED_PLACEMENTS_MINUTES = 'The board received the report and thanked the young people who spoke.';

const agendaItem = (itemId: string, title: string, extra: Partial<AgendaItemInput> = {}): AgendaItemInput => ({
  itemId,
  title,
  purpose: 'decision',
  lead: 'Director of Children’s Services',
  themes: [],
  principles: [],
  papers: [],
  restricted: false,
  ...extra,
});

export async function driveBoardHistory(
  streams: BoardStreams,
  tenantId: string,
  prefix: string,
): Promise<BoardHistory> {
  const aggregates = new BoardAggregates(streams);
  const id = (name: string) => `${prefix}-${name}`;
  const h: BoardHistory = {
    tenantId,
    members: {
      chair: id('chair'),
      councillor: id('cllr-evans'),
      officer: id('dcs'),
      youngPerson: id('yp-rep'),
      partner: id('health'),
    },
    substitute: id('sub'),
    officerStaffId: id('staff-officer'),
    meetings: { april: id('april'), june: id('june'), july: id('july'), september: id('september') },
    decisions: {
      placements: id('d-placements'),
      noted: id('d-noted'),
      approveMinutes: id('d-approve-april'),
      amendPlacements: id('d-amend-placements'),
      commissioning: id('d-commissioning'),
    },
    actions: { guidance: id('a-guidance'), report: id('a-report'), visit: id('a-visit'), survey: id('a-survey') },
  };
  const context = (at: string): CommandContext => ({
    tenantId,
    actor: { id: 'clerk-user', role: 'clerk' },
    commandId: randomUUID(),
    correlationId: randomUUID(),
    now: at,
  });
  const board = (command: BoardCommand) =>
    streams.run(boardDecider, boardStream(tenantId), command, context(command.data.at), { id: tenantId });
  const meeting = (command: MeetingCommand) =>
    streams.run(meetingDecider, meetingStream(command.data.meetingId), command, context(command.data.at), {
      id: command.data.meetingId,
    });
  const decision = (command: DecisionCommand) =>
    streams.run(decisionDecider, decisionStream(command.data.decisionId), command, context(command.data.at), {
      id: command.data.decisionId,
    });
  const action = (command: ActionCommand) =>
    streams.run(actionDecider, actionStream(command.data.actionId), command, context(command.data.at), {
      id: command.data.actionId,
    });

  // The board and its members; the partner stands down and comes back as a co-opted member.
  await board({
    type: 'ConfigureBoard',
    data: {
      tenantId,
      name: `${prefix} Corporate Parenting Board`,
      council: `${prefix} County Council`,
      jurisdiction: 'england',
      quorum: 3,
      termsOfReference: 'Holds the council to its duties as corporate parent.',
      at: '2026-01-05T10:00:00Z',
    },
  });
  const appoint = (memberId: string, name: string, role: string, appointedOn: string, at: string) =>
    board({ type: 'AppointMember', data: { tenantId, memberId, name, role, appointedOn, at } } as BoardCommand);
  await appoint(h.members.chair, MEMBER_NAMES.chair, 'chair', '2025-05-20', '2026-01-05T10:05:00Z');
  await appoint(h.members.councillor, MEMBER_NAMES.councillor, 'councillor', '2025-05-20', '2026-01-05T10:06:00Z');
  await appoint(h.members.officer, MEMBER_NAMES.officer, 'officer', '2025-05-20', '2026-01-05T10:07:00Z');
  await appoint(
    h.members.youngPerson,
    MEMBER_NAMES.youngPerson,
    'young-person-representative',
    '2025-09-01',
    '2026-01-05T10:08:00Z',
  );
  await appoint(h.members.partner, MEMBER_NAMES.partner, 'partner', '2025-05-20', '2026-01-05T10:09:00Z');
  await board({
    type: 'StandDownMember',
    data: {
      tenantId,
      memberId: h.members.partner,
      on: '2026-03-31',
      reason: 'Moved to another trust',
      at: '2026-03-20T10:00:00Z',
    },
  });
  await appoint(h.members.partner, MEMBER_NAMES.partner, 'co-opted', '2026-04-01', '2026-03-25T10:00:00Z');
  const facts = boardFacts(await aggregates.board(tenantId));

  // April: agenda built, one item withdrawn, reordered, published in time; opened quorate with a substitute.
  const april = h.meetings.april;
  await meeting({
    type: 'ScheduleMeeting',
    data: {
      meetingId: april,
      title: 'Corporate Parenting Board',
      startsAt: APRIL_STARTS_AT,
      endsAt: '2026-04-14T19:30:00+01:00',
      place: 'Council Chamber, County Hall',
      facts,
      at: '2026-03-02T09:00:00Z',
    },
  });
  const addItem = (meetingId: string, item: AgendaItemInput, at: string, urgencyReason?: string) =>
    meeting({ type: 'AddAgendaItem', data: { meetingId, ...item, urgencyReason, at } });
  await addItem(
    april,
    agendaItem('placements', 'Placement stability: quarterly report', {
      themes: ['placement-stability'],
      principles: ['safe-and-stable', 'take-views-into-account'],
      papers: [{ title: 'Quarterly report', link: 'https://docs.example/placements-q4.pdf' }],
    }),
    '2026-03-10T10:00:00Z',
  );
  await addItem(
    april,
    agendaItem('commissioning-costs', 'Commissioning costs', {
      purpose: 'information',
      restricted: true,
      papers: [{ title: 'Costs (exempt)', fileRef: 'file-42' }],
    }),
    '2026-03-10T10:05:00Z',
  );
  await addItem(
    april,
    agendaItem('health-assessments', 'Health assessments', { purpose: 'discussion', themes: ['health'] }),
    '2026-03-10T10:10:00Z',
  );
  await meeting({
    type: 'WithdrawAgendaItem',
    data: { meetingId: april, itemId: 'health-assessments', reason: 'Deferred to June', at: '2026-03-12T10:00:00Z' },
  });
  await meeting({
    type: 'ReorderAgenda',
    data: {
      meetingId: april,
      itemIds: [
        'apologies',
        'declarations-of-interest',
        'minutes-of-last-meeting',
        'placements',
        'voice-of-children-and-young-people',
        'commissioning-costs',
      ],
      at: '2026-03-12T10:05:00Z',
    },
  });
  await meeting({ type: 'PublishAgenda', data: { meetingId: april, at: '2026-04-06T12:00:00+01:00' } });
  const openAt = async (meetingId: string, attendance: Attendance[], on: string, at: string) =>
    meeting({
      type: 'OpenMeeting',
      data: {
        meetingId,
        attendance,
        facts: { members: membersServingOn(await aggregates.board(tenantId), on), quorum: facts.quorum },
        at,
      },
    });
  await openAt(
    april,
    [
      { memberId: h.members.chair, status: 'present' },
      { memberId: h.members.councillor, status: 'present' },
      { memberId: h.substitute, status: 'substitute', substituteFor: h.members.officer },
      { memberId: h.members.youngPerson, status: 'apologies' },
      { memberId: h.members.partner, status: 'absent' },
    ],
    '2026-04-14',
    APRIL_STARTS_AT,
  );
  await meeting({
    type: 'DeclareInterest',
    data: {
      meetingId: april,
      memberId: h.members.councillor,
      itemId: 'placements',
      nature: 'Is a foster carer',
      at: '2026-04-14T17:40:00+01:00',
    },
  });
  await meeting({
    type: 'RecordMinutes',
    data: {
      meetingId: april,
      itemId: 'apologies',
      text: 'Apologies were received from the young people’s representative.',
      at: '2026-04-14T17:35:00+01:00',
    },
  });
  await meeting({
    type: 'RecordMinutes',
    data: {
      meetingId: april,
      itemId: 'placements',
      text: 'The board received the report.',
      at: '2026-04-14T18:05:00+01:00',
    },
  });

  const content = (overrides: Partial<DecisionContent> & Pick<DecisionContent, 'meetingId' | 'itemId'>) => ({
    resolution: 'Resolved.',
    kind: 'resolution' as const,
    reached: { method: 'consensus' as const },
    reasons: 'As discussed.',
    alternativesRejected: [],
    interestsDeclared: [],
    themes: [],
    principles: [],
    voiceEvidence: { noneApplied: { reason: 'A procedural matter.' } },
    ...overrides,
  });
  const record = async (decisionId: string, data: DecisionContent, at: string) => {
    const state = await aggregates.meeting(tenantId, data.meetingId);
    const cited = (data.voiceEvidence.contributions ?? []).map((c) => c.contributionId);
    const earlierId = data.amends?.decisionId ?? data.supersedes?.decisionId;
    const earlier = earlierId ? decisionFacts(earlierId, await aggregates.decision(tenantId, earlierId)) : undefined;
    await decision({
      type: 'RecordDecision',
      data: {
        decisionId,
        ...data,
        at,
        facts: {
          meeting: meetingFactsForDecision(state, data.itemId),
          // As the voice context answers for views accepted and tabled at the item.
          contributions: cited.map((contributionId) => ({
            contributionId,
            status: 'citable' as const,
            tabledAtItem: true,
          })),
          earlier,
        },
      },
    });
  };
  await record(
    h.decisions.placements,
    content({
      meetingId: april,
      itemId: 'placements',
      resolution: 'Every child moving placement keeps their school unless they choose otherwise.',
      reached: { method: 'vote', for: 3, against: 0, abstain: 0 },
      reasons: 'Young people told us moving school was the hardest part of a move.',
      alternativesRejected: [{ option: 'Review case by case', why: 'Left too many moves unplanned' }],
      interestsDeclared: [h.members.councillor],
      themes: ['placement-stability'],
      principles: ['safe-and-stable', 'take-views-into-account'],
      voiceEvidence: {
        contributions: [
          { contributionId: id('view-1'), influence: 'shaped', rationale: 'You told us changing school hurt most.' },
          { contributionId: id('view-2'), influence: 'informed', rationale: 'You told us about long journeys.' },
          {
            contributionId: id('view-3'),
            influence: 'considered-not-adopted',
            rationale: 'We could not promise the same carer every time.',
          },
        ],
      },
    }),
    '2026-04-14T18:10:00+01:00',
  );
  await record(
    h.decisions.noted,
    content({
      meetingId: april,
      itemId: 'commissioning-costs',
      kind: 'noted',
      resolution: 'The board noted the commissioning costs.',
      voiceEvidence: { noneApplied: { reason: 'Commercial costs only: no views were sought.' } },
    }),
    '2026-04-14T18:30:00+01:00',
  );

  const assign = async (
    actionId: string,
    decisionId: string,
    description: string,
    owner: ActionOwner,
    dueOn: string,
    at: string,
  ) =>
    action({
      type: 'AssignAction',
      data: {
        actionId,
        decisionId,
        description,
        owner,
        dueOn,
        at,
        facts: { decision: decisionFacts(decisionId, await aggregates.decision(tenantId, decisionId)) },
      },
    });
  const assignedAt = '2026-04-14T18:40:00+01:00';
  await assign(
    h.actions.guidance,
    h.decisions.placements,
    'Publish school-moves guidance',
    { memberId: h.members.officer },
    '2026-05-01',
    assignedAt,
  );
  await assign(
    h.actions.report,
    h.decisions.placements,
    'Report on placement moves',
    { officer: { id: h.officerStaffId, name: 'Jo Bloggs' } },
    '2026-06-30',
    assignedAt,
  );
  await assign(
    h.actions.visit,
    h.decisions.placements,
    'Meet the Children in Care Council',
    { memberId: h.members.chair },
    '2026-04-30',
    assignedAt,
  );
  await assign(
    h.actions.survey,
    h.decisions.placements,
    'Survey carers',
    { memberId: h.members.councillor },
    '2026-05-15',
    assignedAt,
  );
  await meeting({ type: 'CloseMeeting', data: { meetingId: april, at: '2026-04-14T19:30:00+01:00' } });
  await meeting({ type: 'DraftMinutes', data: { meetingId: april, at: '2026-04-20T10:00:00+01:00' } });

  await action({
    type: 'RecordProgress',
    data: { actionId: h.actions.guidance, note: 'Draft guidance shared with schools', at: '2026-04-20T09:00:00+01:00' },
  });
  await action({
    type: 'CompleteAction',
    data: { actionId: h.actions.guidance, evidence: 'Guidance published', at: '2026-04-28T16:00:00+01:00' },
  });
  await action({
    type: 'CancelAction',
    data: { actionId: h.actions.survey, reason: 'Covered by the guidance', at: '2026-05-01T10:00:00+01:00' },
  });
  await action({
    type: 'RecordProgress',
    data: { actionId: h.actions.report, note: 'Data requested', at: '2026-05-15T10:00:00+01:00' },
  });

  // July is cancelled; September moves a week.
  for (const [meetingId, startsAt] of [
    [h.meetings.july, '2026-07-14T17:30:00+01:00'],
    [h.meetings.september, '2026-09-15T17:30:00+01:00'],
  ] as const) {
    await meeting({
      type: 'ScheduleMeeting',
      data: {
        meetingId,
        title: 'Corporate Parenting Board',
        startsAt,
        place: 'Committee Room 2',
        facts,
        at: '2026-03-02T09:05:00Z',
      },
    });
  }
  await meeting({
    type: 'CancelMeeting',
    data: { meetingId: h.meetings.july, reason: 'Clashes with the budget meeting', at: '2026-05-20T10:00:00+01:00' },
  });
  await meeting({
    type: 'RescheduleMeeting',
    data: {
      meetingId: h.meetings.september,
      startsAt: '2026-09-22T17:30:00+01:00',
      endsAt: '2026-09-22T19:00:00+01:00',
      onlineLink: 'https://meet.example/cpb-september',
      reason: 'Room unavailable',
      at: '2026-05-20T10:05:00+01:00',
    },
  });

  // June: approves April's minutes (with a correction), amends one April decision and supersedes another.
  const june = h.meetings.june;
  await meeting({
    type: 'ScheduleMeeting',
    data: {
      meetingId: june,
      title: 'Corporate Parenting Board',
      startsAt: '2026-06-09T17:30:00+01:00',
      place: 'Council Chamber, County Hall',
      facts,
      at: '2026-04-20T10:00:00+01:00',
    },
  });
  await addItem(
    june,
    agendaItem('placements-update', 'Placement stability: college', { themes: ['placement-stability'] }),
    '2026-04-21T10:00:00+01:00',
  );
  await addItem(june, agendaItem('commissioning-review', 'Commissioning review'), '2026-04-21T10:05:00+01:00');
  await meeting({ type: 'PublishAgenda', data: { meetingId: june, at: '2026-06-01T09:00:00+01:00' } });
  await openAt(
    june,
    Object.values(h.members).map((memberId) => ({ memberId, status: 'present' as const })),
    '2026-06-09',
    '2026-06-09T17:30:00+01:00',
  );
  await record(
    h.decisions.approveMinutes,
    content({
      meetingId: june,
      itemId: 'minutes-of-last-meeting',
      resolution: 'The minutes of the April meeting are approved, with one correction.',
    }),
    '2026-06-09T17:35:00+01:00',
  );
  await meeting({
    type: 'ApproveMinutes',
    data: {
      meetingId: april,
      approvedAtMeetingId: june,
      decisionId: h.decisions.approveMinutes,
      corrections: [{ itemId: 'placements', text: CORRECTED_PLACEMENTS_MINUTES }],
      at: '2026-06-09T17:36:00+01:00',
    },
  });
  const amendAt = '2026-06-09T18:00:00+01:00';
  await record(
    h.decisions.amendPlacements,
    content({
      meetingId: june,
      itemId: 'placements-update',
      resolution: 'The school rule covers college placements too.',
      themes: ['placement-stability'],
      principles: ['prepare-for-adulthood'],
      voiceEvidence: {
        contributions: [{ contributionId: id('view-4'), influence: 'shaped', rationale: 'You asked for college too.' }],
      },
      amends: {
        decisionId: h.decisions.placements,
        reason: 'Young people asked that it cover college',
        changes: 'Extends the rule to college placements',
      },
    }),
    amendAt,
  );
  await decision({
    type: 'AmendDecision',
    data: {
      decisionId: h.decisions.placements,
      byDecisionId: h.decisions.amendPlacements,
      reason: 'Young people asked that it cover college',
      changes: 'Extends the rule to college placements',
      at: amendAt,
      facts: { by: { decisionId: h.decisions.amendPlacements, meetingId: june, recordedAt: amendAt } },
    },
  });
  const supersedeAt = '2026-06-09T18:20:00+01:00';
  await record(
    h.decisions.commissioning,
    content({
      meetingId: june,
      itemId: 'commissioning-review',
      resolution: 'The commissioning plan is replaced by the review’s plan.',
      supersedes: { decisionId: h.decisions.noted, reason: 'New costs were reported' },
    }),
    supersedeAt,
  );
  await decision({
    type: 'SupersedeDecision',
    data: {
      decisionId: h.decisions.noted,
      byDecisionId: h.decisions.commissioning,
      reason: 'New costs were reported',
      at: supersedeAt,
      facts: { by: { decisionId: h.decisions.commissioning, meetingId: june, recordedAt: supersedeAt } },
    },
  });
  await meeting({ type: 'CloseMeeting', data: { meetingId: june, at: '2026-06-09T19:00:00+01:00' } });
  await meeting({ type: 'PublishMinutes', data: { meetingId: april, at: '2026-06-10T10:00:00+01:00' } });
  return h;
}
