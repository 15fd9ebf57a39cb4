import { RuleBroken, instantMs, checkInput, isText, type Rules } from '#kernel';
import { agendaNotice } from '../calendar/agenda-notice.js';
import { requireKnownTags } from '../tags.js';
import { BEFORE_OPENING, lateAgenda, refuseStatus, requireActiveItem, requireStatus } from './meeting.guards.js';
import { AGENDA_ITEM_PURPOSES, type AgendaItemInput, type MeetingCommandOf, type Paper } from './meeting.commands.js';
import type { MeetingEvent } from './meeting.events.js';
import { activeAgenda, findAgendaItem } from './meeting.queries.js';
import type { MeetingState } from './meeting.state.js';

export type AddAgendaItem = MeetingCommandOf<'AddAgendaItem', AgendaItemInput & { readonly urgencyReason?: string }>;

export type WithdrawAgendaItem = MeetingCommandOf<
  'WithdrawAgendaItem',
  { readonly itemId: string; readonly reason?: string }
>;

/** The full order of the items still on the agenda. */
export type ReorderAgenda = MeetingCommandOf<'ReorderAgenda', { readonly itemIds: readonly string[] }>;

/** urgencyReason: the chair's recorded reason, needed when the notice period has passed. */
export type PublishAgenda = MeetingCommandOf<'PublishAgenda', { readonly urgencyReason?: string }>;

export type AgendaCommand = AddAgendaItem | WithdrawAgendaItem | ReorderAgenda | PublishAgenda;

export function addAgendaItem({ data }: AddAgendaItem, state: MeetingState): MeetingEvent[] {
  checkInput()
    .text('itemId', data.itemId)
    .text('title', data.title)
    .oneOf('purpose', data.purpose, AGENDA_ITEM_PURPOSES)
    .text('lead', data.lead)
    .codes('themes', data.themes)
    .codes('principles', data.principles)
    .that(Array.isArray(data.papers) && data.papers.every(isPaper), 'papers', 'each needs a title and a link or a file')
    .that(typeof data.restricted === 'boolean', 'restricted', 'must be true or false')
    .optionalText('urgencyReason', data.urgencyReason)
    .instant('at', data.at)
    .done();
  requireStatus(state, BEFORE_OPENING, 'agenda-closed', 'Items cannot be added once the meeting has opened.');
  if (findAgendaItem(state, data.itemId)) {
    throw new RuleBroken('agenda-item-exists', 'An item with this id is already on the agenda.', {
      itemId: data.itemId,
    });
  }
  requireKnownTags('theme', data.themes, state.themes);
  requireKnownTags('principle', data.principles, state.principles);
  const published = state.status === 'agenda-published';
  if (published && !isText(data.urgencyReason)) {
    throw new RuleBroken(
      'late-agenda-item',
      'The agenda has been published: a further item needs the chair’s recorded reason for urgency.',
    );
  }
  const { meetingId, itemId, title, purpose, lead, themes, principles, papers, restricted, at } = data;
  const item = { meetingId, itemId, title, purpose, lead, themes, principles, papers, restricted, standing: false };
  return [
    { type: 'AgendaItemAdded', data: { ...item, urgencyReason: published ? data.urgencyReason : undefined, at } },
  ];
}

export function withdrawAgendaItem({ data }: WithdrawAgendaItem, state: MeetingState): MeetingEvent[] {
  checkInput().text('itemId', data.itemId).optionalText('reason', data.reason).instant('at', data.at).done();
  requireStatus(state, [...BEFORE_OPENING, 'in-progress'], 'agenda-closed', 'The meeting has closed.');
  requireActiveItem(state, data.itemId);
  if (Object.hasOwn(state.minutes, data.itemId)) {
    throw new RuleBroken('agenda-item-has-minutes', 'An item already minuted cannot be withdrawn.', {
      itemId: data.itemId,
    });
  }
  const { meetingId, itemId, reason, at } = data;
  return [{ type: 'AgendaItemWithdrawn', data: { meetingId, itemId, reason, at } }];
}

export function reorderAgenda({ data }: ReorderAgenda, state: MeetingState): MeetingEvent[] {
  checkInput().codes('itemIds', data.itemIds).instant('at', data.at).done();
  requireStatus(state, [...BEFORE_OPENING, 'in-progress'], 'agenda-closed', 'The meeting has closed.');
  const current = activeAgenda(state).map((item) => item.itemId);
  const sameItems = data.itemIds.length === current.length && data.itemIds.every((id) => current.includes(id));
  if (!sameItems) {
    throw new RuleBroken('agenda-order-mismatch', 'The new order must list every item on the agenda exactly once.', {
      expected: current,
    });
  }
  const { meetingId, itemIds, at } = data;
  return [{ type: 'AgendaReordered', data: { meetingId, itemIds, at } }];
}

export function publishAgenda({ data }: PublishAgenda, state: MeetingState): MeetingEvent[] {
  checkInput().optionalText('urgencyReason', data.urgencyReason).instant('at', data.at).done();
  refuseStatus(state, ['agenda-published'], 'agenda-already-published', 'The agenda has already been published.');
  requireStatus(state, ['scheduled'], 'meeting-already-opened', 'The meeting has already opened.');
  if (activeAgenda(state).length === 0) throw new RuleBroken('agenda-empty', 'The agenda has no items.');
  if (instantMs(data.at) >= instantMs(state.startsAt)) {
    throw new RuleBroken('meeting-already-started', 'An agenda cannot be published once the meeting is due to start.');
  }
  const notice = agendaNotice(data.at, state.startsAt, state.jurisdiction);
  if (!notice.onTime && !isText(data.urgencyReason)) throw lateAgenda(notice);
  const { onTime: _onTime, ...given } = notice;
  const urgencyReason = notice.onTime ? undefined : data.urgencyReason;
  return [{ type: 'AgendaPublished', data: { meetingId: data.meetingId, ...given, urgencyReason, at: data.at } }];
}

function isPaper(paper: Paper): boolean {
  const hasLink = paper?.link !== undefined;
  const hasFile = paper?.fileRef !== undefined;
  if (hasLink === hasFile || !isText(paper?.title)) return false;
  return hasLink ? /^https?:\/\/\S+$/.test(paper.link ?? '') : isText(paper.fileRef);
}

/** Each of this stage's commands and the rule that decides it. */
export const agendaRules: Rules<AgendaCommand, MeetingEvent, MeetingState> = {
  AddAgendaItem: addAgendaItem,
  WithdrawAgendaItem: withdrawAgendaItem,
  ReorderAgenda: reorderAgenda,
  PublishAgenda: publishAgenda,
};
