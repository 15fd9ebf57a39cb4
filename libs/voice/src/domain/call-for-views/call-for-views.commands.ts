import { type DomainCommand, type CalendarDate } from '#kernel';

/** The board asks young people a question, open until the end of a London day. */
export type OpenCallForViews = DomainCommand<
  'OpenCallForViews',
  {
    readonly callId: string;
    readonly question: string;
    /** The last London day on which a view is on time; later views are still taken, marked late. */
    readonly closesOn: CalendarDate;
    /** The meeting the answers feed, and optionally its agenda item (an item needs its meeting). */
    readonly meetingId?: string;
    readonly itemId?: string;
    /** Theme codes from the board's list. */
    readonly themes: readonly string[];
    readonly at: string;
  }
>;

/** Closes a call before its closing date; views that arrive afterwards are marked late. */
export type CloseCallForViews = DomainCommand<
  'CloseCallForViews',
  { readonly callId: string; readonly reason?: string; readonly at: string }
>;

export type CallForViewsCommand = OpenCallForViews | CloseCallForViews;
