import { InvalidInput, NotFound, RuleBroken } from '#kernel';
import { givenWhenThen } from '#testing';
import type { AppointMember, ConfigureBoard, MemberRole, StandDownMember } from './board.commands.js';
import { boardDecider } from './board.decider.js';
import type { BoardConfigured, BoardEvent, MemberAppointed, MemberStoodDown } from './board.events.js';
import { CORPORATE_PARENTING_PRINCIPLES } from './corporate-parenting-principles.js';
import { DEFAULT_THEMES } from './default-themes.js';

const { given } = givenWhenThen(boardDecider);
const tenantId = 'northshire';
const at = '2026-01-05T10:00:00Z';

const configure = (overrides: Partial<ConfigureBoard['data']> = {}): ConfigureBoard => ({
  type: 'ConfigureBoard',
  data: {
    tenantId,
    name: 'Northshire Corporate Parenting Board',
    council: 'Northshire County Council',
    jurisdiction: 'england',
    quorum: 3,
    termsOfReference: 'Holds the council to its duties as corporate parent.',
    at,
    ...overrides,
  },
});
const { themes: _t, principles: _p, ...configureData } = configure().data;
const configured: BoardConfigured = {
  type: 'BoardConfigured',
  data: { ...configureData, themes: DEFAULT_THEMES, principles: CORPORATE_PARENTING_PRINCIPLES },
};
const appoint = (memberId: string, role: MemberRole, appointedOn = '2026-01-05'): AppointMember => ({
  type: 'AppointMember',
  data: { tenantId, memberId, name: `Member ${memberId}`, role, appointedOn, at },
});
const appointed = (memberId: string, role: MemberRole, appointedOn = '2026-01-05'): MemberAppointed => ({
  type: 'MemberAppointed',
  data: appoint(memberId, role, appointedOn).data,
});
const standDown = (memberId: string, on: string): StandDownMember => ({
  type: 'StandDownMember',
  data: { tenantId, memberId, on, reason: 'End of term', at },
});
const stoodDown = (memberId: string, on: string): MemberStoodDown => ({
  type: 'MemberStoodDown',
  data: standDown(memberId, on).data,
});

describe('board: configuration', () => {
  it('configures the board with the default themes and the seven corporate parenting principles', () => {
    given([]).when(configure()).then([configured]);
  });

  it('keeps a board-specific theme list', () => {
    const themes = [{ code: 'youth-justice', label: 'Youth justice' }];
    given([])
      .when(configure({ themes }))
      .then([{ ...configured, data: { ...configured.data, themes } }]);
  });

  it('records nothing when configured again unchanged, and a new fact when something changed', () => {
    given([configured]).when(configure()).then([]);
    given([configured])
      .when(configure({ quorum: 4 }))
      .then([{ ...configured, data: { ...configured.data, quorum: 4 } }]);
  });

  it.each([1, 2.5, 0])('refuses a quorum of %s (a whole number of at least 2)', (quorum) => {
    const error = given([]).when(configure({ quorum })).thenThrows(InvalidInput);
    expect(error.errors).toEqual([{ field: 'quorum', reason: 'must be a whole number of at least 2' }]);
  });

  it('accepts the smallest quorum of 2', () => {
    given([])
      .when(configure({ quorum: 2 }))
      .then([{ ...configured, data: { ...configured.data, quorum: 2 } }]);
  });

  it('refuses an unknown jurisdiction, a blank name and duplicate theme codes', () => {
    const themes = [
      { code: 'health', label: 'Health' },
      { code: 'health', label: 'Health again' },
    ];
    const error = given([])
      .when(configure({ jurisdiction: 'scotland' as never, name: ' ', themes }))
      .thenThrows(InvalidInput);
    expect(error.errors.map((e) => e.field)).toEqual(['name', 'jurisdiction', 'themes']);
  });
});

describe('board: members', () => {
  it('refuses appointments before the board is configured', () => {
    given([]).when(appoint('m1', 'councillor')).thenThrows(RuleBroken, 'board-not-configured');
  });

  it('appoints a member with a role and a date', () => {
    given([configured])
      .when(appoint('m1', 'young-person-representative'))
      .then([appointed('m1', 'young-person-representative')]);
  });

  it('refuses an unknown role and an impossible date', () => {
    const command = appoint('m1', 'mayor' as never, '2026-02-30');
    const error = given([configured]).when(command).thenThrows(InvalidInput);
    expect(error.errors.map((e) => e.field)).toEqual(['role', 'appointedOn']);
  });

  it('refuses to appoint a member who already serves', () => {
    given([configured, appointed('m1', 'councillor')])
      .when(appoint('m1', 'vice-chair'))
      .thenThrows(RuleBroken, 'member-already-serving');
  });

  it('re-appoints a member after they stood down, keeping the earlier term in the history', () => {
    given([configured, appointed('m1', 'councillor'), stoodDown('m1', '2026-03-01')])
      .when(appoint('m1', 'vice-chair', '2026-03-01'))
      .then([appointed('m1', 'vice-chair', '2026-03-01')]);
  });

  it('refuses a new term that starts before the previous one ended', () => {
    given([configured, appointed('m1', 'councillor'), stoodDown('m1', '2026-03-01')])
      .when(appoint('m1', 'councillor', '2026-02-28'))
      .thenThrows(RuleBroken, 'terms-overlap');
  });
});

describe('board: one chair at a time', () => {
  const withChair: BoardEvent[] = [configured, appointed('c1', 'chair')];

  it('refuses a second chair while one serves', () => {
    given(withChair).when(appoint('c2', 'chair')).thenThrows(RuleBroken, 'chair-already-serving');
  });

  it('appoints a vice-chair while a chair serves', () => {
    given(withChair)
      .when(appoint('v1', 'vice-chair'))
      .then([appointed('v1', 'vice-chair')]);
  });

  it('appoints a new chair from the day the previous chair stood down', () => {
    given([...withChair, stoodDown('c1', '2026-06-01')])
      .when(appoint('c2', 'chair', '2026-06-01'))
      .then([appointed('c2', 'chair', '2026-06-01')]);
  });

  it('refuses a new chair whose term would overlap the previous chair’s last day', () => {
    given([...withChair, stoodDown('c1', '2026-06-01')])
      .when(appoint('c2', 'chair', '2026-05-31'))
      .thenThrows(RuleBroken, 'chair-already-serving');
  });
});

describe('board: standing down', () => {
  const withMember: BoardEvent[] = [configured, appointed('m1', 'partner', '2026-02-01')];

  it('stands a member down with a date and a reason', () => {
    given(withMember)
      .when(standDown('m1', '2026-09-01'))
      .then([stoodDown('m1', '2026-09-01')]);
  });

  it('allows standing down on the day of appointment', () => {
    given(withMember)
      .when(standDown('m1', '2026-02-01'))
      .then([stoodDown('m1', '2026-02-01')]);
  });

  it('refuses to stand down someone who was never appointed', () => {
    given(withMember).when(standDown('nobody', '2026-09-01')).thenThrows(NotFound);
  });

  it('finds no member under a name every object has (the fuzzer got a 500 for "constructor")', () => {
    for (const id of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      given(withMember).when(standDown(id, '2026-09-01')).thenThrows(NotFound);
    }
  });

  it('refuses to stand a member down twice', () => {
    given([...withMember, stoodDown('m1', '2026-09-01')])
      .when(standDown('m1', '2026-10-01'))
      .thenThrows(RuleBroken, 'member-not-serving');
  });

  it('refuses a stand-down date before the appointment', () => {
    given(withMember).when(standDown('m1', '2026-01-31')).thenThrows(RuleBroken, 'stand-down-before-appointment');
  });

  it('requires a reason', () => {
    const command = { ...standDown('m1', '2026-09-01'), data: { ...standDown('m1', '2026-09-01').data, reason: '' } };
    given(withMember).when(command).thenThrows(InvalidInput);
  });
});

describe('board: standard lists', () => {
  it('lists the seven corporate parenting principles and the thirteen default themes, with distinct codes', () => {
    const principleCodes = CORPORATE_PARENTING_PRINCIPLES.map((p) => p.code);
    expect(principleCodes).toEqual([
      'best-interests',
      'express-views',
      'take-views-into-account',
      'access-services',
      'high-aspirations',
      'safe-and-stable',
      'prepare-for-adulthood',
    ]);
    expect(new Set(DEFAULT_THEMES.map((t) => t.code)).size).toBe(13);
  });
});
