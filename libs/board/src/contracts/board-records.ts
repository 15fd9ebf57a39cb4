/**
 * What another context may ask of the board's records, and no more: whether a meeting, one of its agenda
 * items, a decision or an action is the caller's board's, and what the board calls its themes. A view may name a meeting and an item; a
 * response to young people may point to decisions and actions. The board answers from its own streams
 * (BOARD_RECORDS), so no other context folds its events or knows its stream names.
 */
export interface BoardRecordsLookup {
  /** The meeting's agenda items, in order (withdrawn ones flagged); undefined when the board has no such meeting. */
  agendaOf(tenantId: string, meetingId: string): Promise<readonly AgendaEntry[] | undefined>;
  hasDecision(tenantId: string, decisionId: string): Promise<boolean>;
  hasAction(tenantId: string, actionId: string): Promise<boolean>;
  /** The board's themes, code to the name it gives them (its own list, or the default one). */
  themeNames(tenantId: string): Promise<ReadonlyMap<string, string>>;
}

export interface AgendaEntry {
  readonly itemId: string;
  readonly withdrawn: boolean;
}

export const BOARD_RECORDS = 'cpb:BoardRecordsLookup';
