import { fold, InvalidInput, RuleBroken } from '#kernel';
import { givenWhenThen } from '#testing';
import type { Attendance } from './meeting.commands.js';
import { meetingDecider } from './meeting.decider.js';
import { canRecordDecisions } from './meeting.queries.js';
import {
  APPROVED,
  CLOSED,
  command,
  DRAFTED,
  event,
  MEMBERS,
  opened,
  PLACEMENTS,
  PUBLISHED,
  QUORATE_ATTENDANCE,
  SCHEDULED,
  STARTS_AT,
} from './meeting.test-fixtures.js';

const { given } = givenWhenThen(meetingDecider);

const open = (attendance: readonly Attendance[], quorum = 3) =>
  command('OpenMeeting', { attendance, facts: { members: MEMBERS, quorum }, at: STARTS_AT });
const openedWith = (attendance: readonly Attendance[], quorum: number, presentCount: number) =>
  event('MeetingOpened', { attendance, quorum, presentCount, quorate: presentCount >= quorum, at: STARTS_AT });

describe('meeting: opening, attendance and quorum', () => {
  it('opens quorate when members present and substitutes reach the quorum', () => {
    given(PUBLISHED)
      .when(open(QUORATE_ATTENDANCE))
      .then([openedWith(QUORATE_ATTENDANCE, 3, 3)]);
  });

  it('counts neither apologies nor absences, and opens inquorate when short', () => {
    const attendance: Attendance[] = [
      { memberId: 'chair', status: 'present' },
      { memberId: 'cllr-evans', status: 'present' },
      { memberId: 'dcs', status: 'apologies' },
      { memberId: 'yp-rep', status: 'absent' },
    ];
    given(PUBLISHED)
      .when(open(attendance))
      .then([openedWith(attendance, 3, 2)]);
  });

  it('checks the board’s quorum as it stands when the meeting opens', () => {
    given(PUBLISHED)
      .when(open(QUORATE_ATTENDANCE, 4))
      .then([openedWith(QUORATE_ATTENDANCE, 4, 3)]);
  });

  it('refuses attendance naming someone who is not a member', () => {
    const attendance: Attendance[] = [...QUORATE_ATTENDANCE, { memberId: 'stranger', status: 'present' }];
    given(PUBLISHED).when(open(attendance)).thenThrows(RuleBroken, 'not-a-member');
  });

  it('refuses a substitute for someone who is not a member', () => {
    const attendance: Attendance[] = [{ memberId: 'sub-9', status: 'substitute', substituteFor: 'stranger' }];
    given(PUBLISHED).when(open(attendance)).thenThrows(RuleBroken, 'not-a-member');
  });

  it('refuses two substitutes for one member, and a substitute for a member who is present', () => {
    const twice: Attendance[] = [
      { memberId: 'sub-1', status: 'substitute', substituteFor: 'dcs' },
      { memberId: 'sub-2', status: 'substitute', substituteFor: 'dcs' },
    ];
    given(PUBLISHED).when(open(twice)).thenThrows(RuleBroken, 'member-substituted-twice');
    const doubled: Attendance[] = [
      { memberId: 'dcs', status: 'present' },
      { memberId: 'sub-1', status: 'substitute', substituteFor: 'dcs' },
    ];
    given(PUBLISHED).when(open(doubled)).thenThrows(RuleBroken, 'substitute-for-present-member');
  });

  it.each([
    ['a substitute without whom they replace', [{ memberId: 'sub-1', status: 'substitute' }]],
    [
      'a present member marked as a substitute for someone',
      [{ memberId: 'chair', status: 'present', substituteFor: 'dcs' }],
    ],
    [
      'a person listed twice',
      [
        { memberId: 'chair', status: 'present' },
        { memberId: 'chair', status: 'apologies' },
      ],
    ],
    ['an unknown status', [{ memberId: 'chair', status: 'late' }]],
  ] as Array<[string, Attendance[]]>)('refuses %s', (_why, attendance) => {
    given(PUBLISHED).when(open(attendance)).thenThrows(InvalidInput);
  });

  it('opens only a meeting whose agenda is published, and only once', () => {
    given(SCHEDULED).when(open(QUORATE_ATTENDANCE)).thenThrows(RuleBroken, 'agenda-not-published');
    given(opened()).when(open(QUORATE_ATTENDANCE)).thenThrows(RuleBroken, 'meeting-already-opened');
  });

  it('lets a quorate meeting in progress record decisions, and no other', () => {
    expect(canRecordDecisions(fold(meetingDecider, opened(true)))).toBe(true);
    expect(canRecordDecisions(fold(meetingDecider, opened(false)))).toBe(false);
    expect(canRecordDecisions(fold(meetingDecider, PUBLISHED))).toBe(false);
    expect(canRecordDecisions(fold(meetingDecider, CLOSED))).toBe(false);
  });
});

describe('meeting: declarations of interest', () => {
  const declare = (memberId: string, itemId = PLACEMENTS.itemId) =>
    command('DeclareInterest', { memberId, itemId, nature: 'Is a foster carer for the council' });

  it('records a declaration by a member present, or a substitute', () => {
    given(opened())
      .when(declare('cllr-evans'))
      .then([
        event('InterestDeclared', {
          memberId: 'cllr-evans',
          itemId: PLACEMENTS.itemId,
          nature: 'Is a foster carer for the council',
        }),
      ]);
    given(opened())
      .when(declare('sub-1'))
      .then([
        event('InterestDeclared', {
          memberId: 'sub-1',
          itemId: PLACEMENTS.itemId,
          nature: 'Is a foster carer for the council',
        }),
      ]);
  });

  it('refuses a declaration from someone not in attendance', () => {
    given(opened()).when(declare('yp-rep')).thenThrows(RuleBroken, 'not-in-attendance');
  });

  it('refuses the same declaration twice', () => {
    const declared = [
      ...opened(),
      event('InterestDeclared', { memberId: 'chair', itemId: PLACEMENTS.itemId, nature: 'Governor of a school' }),
    ];
    given(declared).when(declare('chair')).thenThrows(RuleBroken, 'interest-already-declared');
  });

  it('refuses declarations outside the meeting, on withdrawn items, or without their nature', () => {
    given(PUBLISHED).when(declare('chair')).thenThrows(RuleBroken, 'meeting-not-in-progress');
    const withdrawn = [...opened(), event('AgendaItemWithdrawn', { itemId: 'apologies' })];
    given(withdrawn).when(declare('chair', 'apologies')).thenThrows(RuleBroken, 'agenda-item-withdrawn');
    given(opened())
      .when(command('DeclareInterest', { memberId: 'chair', itemId: PLACEMENTS.itemId, nature: '' }))
      .thenThrows(InvalidInput);
  });
});

describe('meeting: someone leaves', () => {
  const leaves = (memberId: string) => command('RecordDeparture', { memberId });
  const left = (memberId: string, presentCount: number) =>
    event('MemberLeft', { memberId, presentCount, quorate: presentCount >= 3 });

  it('counts a member or a substitute who leaves out of the quorum, and an inquorate meeting decides nothing', () => {
    given(opened())
      .when(leaves('cllr-evans'))
      .then([left('cllr-evans', 2)]);
    given(opened())
      .when(leaves('sub-1'))
      .then([left('sub-1', 2)]);
    const afterwards = fold(meetingDecider, [...opened(), left('sub-1', 2)]);
    expect(afterwards.attendance.find((a) => a.memberId === 'sub-1')).toEqual({
      memberId: 'sub-1',
      status: 'absent',
      substituteFor: 'dcs',
    });
    expect(canRecordDecisions(afterwards)).toBe(false);
  });

  it('refuses a departure by someone not present, twice, or outside the meeting', () => {
    given(opened()).when(leaves('yp-rep')).thenThrows(RuleBroken, 'not-in-attendance');
    given([...opened(), left('chair', 2)])
      .when(leaves('chair'))
      .thenThrows(RuleBroken, 'not-in-attendance');
    given(PUBLISHED).when(leaves('chair')).thenThrows(RuleBroken, 'meeting-not-in-progress');
    given(CLOSED).when(leaves('chair')).thenThrows(RuleBroken, 'meeting-not-in-progress');
    given(opened()).when(leaves('')).thenThrows(InvalidInput);
  });
});

describe('meeting: someone arrives', () => {
  const arrives = (memberId: string) => command('RecordArrival', { memberId });
  const arrived = (memberId: string, presentCount: number, status: 'present' | 'substitute' = 'present') =>
    event('MemberArrived', { memberId, status, presentCount, quorate: presentCount >= 3 });
  const left = (memberId: string, presentCount: number) =>
    event('MemberLeft', { memberId, presentCount, quorate: presentCount >= 3 });
  const inquorate = [
    ...PUBLISHED,
    openedWith(
      [
        { memberId: 'chair', status: 'present' },
        { memberId: 'cllr-evans', status: 'present' },
        { memberId: 'dcs', status: 'apologies' },
        { memberId: 'health', status: 'absent' },
      ],
      3,
      2,
    ),
  ];

  it('counts someone who sent apologies or was absent once they arrive, so an inquorate meeting becomes quorate', () => {
    expect(canRecordDecisions(fold(meetingDecider, inquorate))).toBe(false);
    given(inquorate)
      .when(arrives('dcs'))
      .then([arrived('dcs', 3)]);
    given(inquorate)
      .when(arrives('health'))
      .then([arrived('health', 3)]);
    const afterwards = fold(meetingDecider, [...inquorate, arrived('dcs', 3)]);
    expect(afterwards.attendance.find((a) => a.memberId === 'dcs')).toEqual({ memberId: 'dcs', status: 'present' });
    expect(canRecordDecisions(afterwards)).toBe(true);
  });

  it('counts someone who left and came back, a substitute as the substitute', () => {
    given([...opened(), left('cllr-evans', 2)])
      .when(arrives('cllr-evans'))
      .then([arrived('cllr-evans', 3)]);
    given([...opened(), left('sub-1', 2)])
      .when(arrives('sub-1'))
      .then([arrived('sub-1', 3, 'substitute')]);
    const back = fold(meetingDecider, [...opened(), left('sub-1', 2), arrived('sub-1', 3, 'substitute')]);
    expect(back.attendance.find((a) => a.memberId === 'sub-1')).toEqual(QUORATE_ATTENDANCE[2]);
  });

  it('never counts a member twice: in person and through their substitute', () => {
    const withDcs = [
      ...PUBLISHED,
      openedWith(
        [
          { memberId: 'chair', status: 'present' },
          { memberId: 'dcs', status: 'apologies' },
          { memberId: 'sub-1', status: 'substitute', substituteFor: 'dcs' },
        ],
        3,
        2,
      ),
    ];
    given(withDcs).when(arrives('dcs')).thenThrows(RuleBroken, 'substitute-present');
    given([...withDcs, left('sub-1', 1), arrived('dcs', 2)])
      .when(arrives('sub-1'))
      .thenThrows(RuleBroken, 'member-present');
  });

  it('refuses an arrival by someone not on the list, already present, or outside the meeting', () => {
    given(opened()).when(arrives('stranger')).thenThrows(RuleBroken, 'not-on-attendance-list');
    given(opened()).when(arrives('chair')).thenThrows(RuleBroken, 'already-present');
    given(opened()).when(arrives('sub-1')).thenThrows(RuleBroken, 'already-present');
    given(PUBLISHED).when(arrives('chair')).thenThrows(RuleBroken, 'meeting-not-in-progress');
    given(CLOSED).when(arrives('health')).thenThrows(RuleBroken, 'meeting-not-in-progress');
    given(opened()).when(arrives('')).thenThrows(InvalidInput);
  });
});

describe('meeting: minutes per item', () => {
  const minute = (itemId = PLACEMENTS.itemId) =>
    command('RecordMinutes', { itemId, text: 'The board noted the report.' });
  const minuted = event('MinutesRecorded', { itemId: PLACEMENTS.itemId, text: 'The board noted the report.' });

  it('records minutes while the meeting is in progress, even when inquorate', () => {
    given(opened(true)).when(minute()).then([minuted]);
    given(opened(false)).when(minute()).then([minuted]);
  });

  it('records or corrects minutes after closing and while the draft is open', () => {
    given(CLOSED).when(minute()).then([minuted]);
    given(DRAFTED).when(minute()).then([minuted]);
  });

  it('refuses minutes before the meeting is held', () => {
    given(PUBLISHED).when(minute()).thenThrows(RuleBroken, 'meeting-not-held');
  });

  it('never changes approved minutes', () => {
    given(APPROVED).when(minute()).thenThrows(RuleBroken, 'minutes-approved');
    given([...APPROVED, event('MinutesPublished', {})])
      .when(minute())
      .thenThrows(RuleBroken, 'minutes-approved');
  });

  it('refuses minutes for an item not on the agenda', () => {
    given(opened()).when(minute('nope')).thenThrows(RuleBroken, 'agenda-item-not-found');
  });
});

describe('meeting: closing and adjourning', () => {
  it('closes a meeting in progress, and nothing else', () => {
    given(opened())
      .when(command('CloseMeeting', {}))
      .then([event('MeetingClosed', {})]);
    given(PUBLISHED).when(command('CloseMeeting', {})).thenThrows(RuleBroken, 'meeting-not-in-progress');
    given(CLOSED).when(command('CloseMeeting', {})).thenThrows(RuleBroken, 'meeting-not-in-progress');
  });

  it('adjourns a meeting in progress with a reason; its minutes can then be drafted', () => {
    const adjourned = event('MeetingAdjourned', { reason: 'Fire alarm' });
    given(opened())
      .when(command('AdjournMeeting', { reason: 'Fire alarm' }))
      .then([adjourned]);
    given([...opened(), adjourned])
      .when(command('DraftMinutes', {}))
      .then([event('MinutesDrafted', {})]);
    given(opened())
      .when(command('AdjournMeeting', { reason: '' }))
      .thenThrows(InvalidInput);
    given(PUBLISHED)
      .when(command('AdjournMeeting', { reason: 'Fire' }))
      .thenThrows(RuleBroken, 'meeting-not-in-progress');
  });
});
