import { fold, InvalidInput, RuleBroken } from '#kernel';
import { givenWhenThen } from '#testing';
import type { AgendaItemInput, Paper } from './meeting.commands.js';
import { meetingDecider } from './meeting.decider.js';
import type { AgendaPublished, MeetingEvent } from './meeting.events.js';
import { activeAgenda } from './meeting.queries.js';
import {
  CLOSED,
  command,
  event,
  MINUTED,
  opened,
  PLACEMENTS,
  PUBLISHED,
  PUBLISHED_AT,
  SCHEDULED,
  scheduledWith,
} from './meeting.test-fixtures.js';

const { given } = givenWhenThen(meetingDecider);

const FAMILY_TIME: AgendaItemInput = {
  ...PLACEMENTS,
  itemId: 'family-time',
  title: 'Family time: what young people told us',
  purpose: 'discussion',
  themes: ['family-time'],
  principles: ['take-views-into-account'],
  papers: [{ title: 'CiCC survey results', link: 'https://northshire.example/papers/cicc-survey' }],
};
const add = (overrides: Partial<AgendaItemInput> & { urgencyReason?: string } = {}) =>
  command('AddAgendaItem', { ...FAMILY_TIME, ...overrides });
const added = (overrides: object = {}) => event('AgendaItemAdded', { ...FAMILY_TIME, standing: false, ...overrides });

describe('agenda: adding items', () => {
  it('adds an item with its purpose, lead, tags and papers', () => {
    given(SCHEDULED).when(add()).then([added()]);
  });

  it('records no urgency reason for an item added before publication', () => {
    given(SCHEDULED)
      .when(add({ urgencyReason: 'Not needed' }))
      .then([added()]);
  });

  it('refuses an id already on the agenda, standing items included', () => {
    given(SCHEDULED)
      .when(add({ itemId: 'apologies' }))
      .thenThrows(RuleBroken, 'agenda-item-exists');
  });

  it('refuses themes and principles the board does not list', () => {
    given(SCHEDULED)
      .when(add({ themes: ['youth-justice'] }))
      .thenThrows(RuleBroken, 'unknown-theme');
    given(SCHEDULED)
      .when(add({ principles: ['be-nice'] }))
      .thenThrows(RuleBroken, 'unknown-principle');
  });

  it.each([
    ['both a link and a file', { title: 'Report', link: 'https://x.example/r', fileRef: 'file-1' }],
    ['neither a link nor a file', { title: 'Report' }],
    ['no title', { title: '', fileRef: 'file-1' }],
    ['a link that is not a web address', { title: 'Report', link: 'javascript:alert(1)' }],
  ] as Array<[string, Paper]>)('refuses a paper with %s', (_why, paper) => {
    const error = given(SCHEDULED)
      .when(add({ papers: [paper] }))
      .thenThrows(InvalidInput);
    expect(error.errors.map((e) => e.field)).toEqual(['papers']);
  });

  it('needs the chair’s reason for urgency once the agenda is published', () => {
    given(PUBLISHED).when(add()).thenThrows(RuleBroken, 'late-agenda-item');
    given(PUBLISHED)
      .when(add({ urgencyReason: 'Ofsted visit next week' }))
      .then([added({ urgencyReason: 'Ofsted visit next week' })]);
  });

  it('refuses new items once the meeting has opened', () => {
    given(opened())
      .when(add({ urgencyReason: 'Any other business' }))
      .thenThrows(RuleBroken, 'agenda-closed');
  });
});

describe('agenda: withdrawing and reordering', () => {
  it('withdraws an item, which then leaves the agenda', () => {
    const [withdrawn] = given(SCHEDULED)
      .when(command('WithdrawAgendaItem', { itemId: 'apologies', reason: 'Taken orally' }))
      .then([event('AgendaItemWithdrawn', { itemId: 'apologies', reason: 'Taken orally' })]);
    const state = fold(meetingDecider, [...SCHEDULED, withdrawn as MeetingEvent]);
    expect(activeAgenda(state).map((item) => item.itemId)).not.toContain('apologies');
  });

  it('refuses to withdraw an unknown item or one already withdrawn', () => {
    given(SCHEDULED)
      .when(command('WithdrawAgendaItem', { itemId: 'nope' }))
      .thenThrows(RuleBroken, 'agenda-item-not-found');
    const withdrawn = [...SCHEDULED, event('AgendaItemWithdrawn', { itemId: 'apologies' })];
    given(withdrawn)
      .when(command('WithdrawAgendaItem', { itemId: 'apologies' }))
      .thenThrows(RuleBroken, 'agenda-item-withdrawn');
  });

  it('refuses to withdraw an item already minuted, or after the meeting closed', () => {
    given(MINUTED)
      .when(command('WithdrawAgendaItem', { itemId: PLACEMENTS.itemId }))
      .thenThrows(RuleBroken, 'agenda-item-has-minutes');
    given(CLOSED)
      .when(command('WithdrawAgendaItem', { itemId: 'apologies' }))
      .thenThrows(RuleBroken, 'agenda-closed');
  });

  const order = [
    PLACEMENTS.itemId,
    'apologies',
    'declarations-of-interest',
    'minutes-of-last-meeting',
    'voice-of-children-and-young-people',
  ];

  it('reorders the whole agenda', () => {
    const decided = given(SCHEDULED)
      .when(command('ReorderAgenda', { itemIds: order }))
      .then([event('AgendaReordered', { itemIds: order })]);
    const state = fold(meetingDecider, [...SCHEDULED, ...decided]);
    expect(activeAgenda(state).map((item) => item.itemId)).toEqual(order);
  });

  it('refuses an order that leaves out an item or names a withdrawn one', () => {
    given(SCHEDULED)
      .when(command('ReorderAgenda', { itemIds: order.slice(1) }))
      .thenThrows(RuleBroken, 'agenda-order-mismatch');
    const withdrawn = [...SCHEDULED, event('AgendaItemWithdrawn', { itemId: 'apologies' })];
    given(withdrawn)
      .when(command('ReorderAgenda', { itemIds: order }))
      .thenThrows(RuleBroken, 'agenda-order-mismatch');
  });

  it('refuses an order naming an item twice', () => {
    given(SCHEDULED)
      .when(command('ReorderAgenda', { itemIds: [...order.slice(0, 4), order[0]] }))
      .thenThrows(InvalidInput);
  });
});

describe('agenda: publication and notice (England: 5 clear working days)', () => {
  const published = PUBLISHED[PUBLISHED.length - 1] as AgendaPublished;

  it('publishes exactly on the boundary: Easter Monday before a Tuesday 14 April meeting', () => {
    given(SCHEDULED)
      .when(command('PublishAgenda', { at: PUBLISHED_AT }))
      .then([published]);
  });

  it('refuses one day late, saying by when it was due', () => {
    const error = given(SCHEDULED)
      .when(command('PublishAgenda', { at: '2026-04-07T08:00:00+01:00' }))
      .thenThrows(RuleBroken, 'late-agenda');
    expect(error.details).toEqual({ latestOn: '2026-04-06', clearWorkingDays: 4, requiredClearWorkingDays: 5 });
  });

  it('judges by the London day: 23:30 UTC on 6 April is already 7 April in BST', () => {
    given(SCHEDULED)
      .when(command('PublishAgenda', { at: '2026-04-06T23:30:00Z' }))
      .thenThrows(RuleBroken, 'late-agenda');
  });

  it('publishes late with the chair’s recorded reason for urgency', () => {
    const at = '2026-04-07T08:00:00+01:00';
    given(SCHEDULED)
      .when(command('PublishAgenda', { at, urgencyReason: 'Budget decision due to Cabinet' }))
      .then([
        event('AgendaPublished', {
          ...published.data,
          publishedOn: '2026-04-07',
          clearWorkingDays: 4,
          urgencyReason: 'Budget decision due to Cabinet',
          at,
        }),
      ]);
  });

  it('does not record an urgency reason when the agenda is on time', () => {
    given(SCHEDULED)
      .when(command('PublishAgenda', { at: PUBLISHED_AT, urgencyReason: 'Just in case' }))
      .then([published]);
  });

  it('refuses to publish twice, an empty agenda, or once the meeting is due to start', () => {
    given(PUBLISHED)
      .when(command('PublishAgenda', { at: PUBLISHED_AT }))
      .thenThrows(RuleBroken, 'agenda-already-published');
    const empty = [SCHEDULED[0]];
    given(empty)
      .when(command('PublishAgenda', { at: PUBLISHED_AT }))
      .thenThrows(RuleBroken, 'agenda-empty');
    given(SCHEDULED)
      .when(command('PublishAgenda', { at: '2026-04-14T17:30:00+01:00', urgencyReason: 'Forgot' }))
      .thenThrows(RuleBroken, 'meeting-already-started');
  });

  it('counts around Christmas 2026: Boxing Day’s substitute Monday is not a working day', () => {
    const history = scheduledWith({ startsAt: '2026-12-30T14:00:00Z' });
    given(history)
      .when(command('PublishAgenda', { at: '2026-12-20T23:59:00Z' }))
      .then([
        event('AgendaPublished', {
          publishedOn: '2026-12-20',
          meetingOn: '2026-12-30',
          clearWorkingDays: 5,
          requiredClearWorkingDays: 5,
          latestOn: '2026-12-20',
          at: '2026-12-20T23:59:00Z',
        }),
      ]);
    given(history)
      .when(command('PublishAgenda', { at: '2026-12-21T00:00:00Z' }))
      .thenThrows(RuleBroken, 'late-agenda');
  });
});

describe('agenda: publication in Wales (3 clear working days)', () => {
  const welsh = scheduledWith({ startsAt: '2026-04-09T10:00:00+01:00', jurisdiction: 'wales' });

  it('publishes on Wednesday 1 April for Thursday 9 April (Good Friday and Easter Monday skipped)', () => {
    given(welsh)
      .when(command('PublishAgenda', { at: '2026-04-01T10:00:00+01:00' }))
      .then([
        event('AgendaPublished', {
          publishedOn: '2026-04-01',
          meetingOn: '2026-04-09',
          clearWorkingDays: 3,
          requiredClearWorkingDays: 3,
          latestOn: '2026-04-01',
          at: '2026-04-01T10:00:00+01:00',
        }),
      ]);
  });

  it('refuses on Thursday 2 April', () => {
    given(welsh)
      .when(command('PublishAgenda', { at: '2026-04-02T10:00:00+01:00' }))
      .thenThrows(RuleBroken, 'late-agenda');
  });
});
