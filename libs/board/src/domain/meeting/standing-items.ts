import type { AgendaItemInput } from './meeting.commands.js';

const item = (itemId: string, title: string, purpose: AgendaItemInput['purpose'], principles: string[] = []) => ({
  itemId,
  title,
  purpose,
  lead: 'Chair',
  themes: [],
  principles,
  papers: [],
  restricted: false,
});

/** Offered on every new agenda, with fixed ids so reports can find them; each can be withdrawn. */
export const STANDING_ITEMS: readonly AgendaItemInput[] = [
  item('apologies', 'Apologies for absence', 'information'),
  item('declarations-of-interest', 'Declarations of interest', 'information'),
  item('minutes-of-last-meeting', 'Minutes of the last meeting', 'decision'),
  item('voice-of-children-and-young-people', 'Voice of children and young people', 'discussion', [
    'express-views',
    'take-views-into-account',
  ]),
];

export const STANDING_ITEM_IDS = STANDING_ITEMS.map((standing) => standing.itemId);
