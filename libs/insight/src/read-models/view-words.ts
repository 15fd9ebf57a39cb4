import { decodeRow, type RowOf } from '#event-store';
import { anonymise, type ViewStanding } from '#voice/contracts';
import type { InsightTables } from './read-models-at.js';
import { VIEWS } from './voice-influence.projection.js';

/** A view's row in the insight tables. */
export type ViewRow = RowOf<typeof VIEWS>;

/**
 * Where a cited or counted view stands, in voice's one vocabulary. Never 'needs-summary' here: whether a
 * summary-only view shows anything is the words gate's question below (sharedSummary), not its standing.
 */
export type ViewAvailability = Exclude<ViewStanding, 'needs-summary'>;

export const AVAILABILITY_NOTES: Record<Exclude<ViewAvailability, 'available'>, string> = {
  withdrawn: 'A view later withdrawn by its author.',
  erased: 'A view since erased at its author’s request.',
  withheld: 'A view withheld for safeguarding.',
  declined: 'A view declined by moderation: not for the board.',
  'not-yet-accepted': 'A view not yet accepted by moderation.',
  unknown: 'A view this board has no record of.',
};

export function availabilityOf(view: ViewRow | undefined): ViewAvailability {
  if (!view) return 'unknown';
  switch (view.state) {
    case 'accepted':
      return 'available';
    case 'withdrawn':
    case 'erased':
    case 'withheld':
    case 'declined':
      return view.state;
    default:
      return 'not-yet-accepted';
  }
}

/**
 * The one gate for a view's words on every insight route, "as at" included. The past is for what the
 * board knew; a child's words follow their author's choice and safeguarding *now*: shown only when the
 * view was shareable then (the board could have read them) and is still shareable now, and then as they
 * stand now (a later redaction holds). None for "summary only", withdrawn, erased or withheld, then or now;
 * "anonymised" (then or now) means with anything that could identify anyone taken out.
 */
export function sharedWords(then: ViewRow | undefined, now: ViewRow | undefined): string | undefined {
  if (!shareable(then) || !shareable(now) || now.words === null) return undefined;
  const anonymised = then.sharing === 'anonymised' || now.sharing === 'anonymised';
  return anonymised ? anonymise(now.words).text : now.words;
}

function shareable(view: ViewRow | undefined): view is ViewRow {
  return !!view && availabilityOf(view) === 'available' && view.sharing !== 'summary-only';
}

/**
 * The same gate for the moderator's summary, which the board reads instead of the words of a view shared
 * "summary only" (then or now): shown only when the view had a current summary then (the board could have
 * read it) and still has one now, and then as it stands now (a rewrite holds). None while its author has
 * asked for it to be changed, nor for a view withdrawn, erased, withheld or declined, then or now; none
 * where the words themselves are shown.
 */
export function sharedSummary(then: ViewRow | undefined, now: ViewRow | undefined): string | undefined {
  if (!summarised(then) || !summarised(now)) return undefined;
  if (then.sharing !== 'summary-only' && now.sharing !== 'summary-only') return undefined;
  return now.summary;
}

function summarised(view: ViewRow | undefined): view is ViewRow & { readonly summary: string } {
  return !!view && availabilityOf(view) === 'available' && view.summary !== null && view.summary_state === 'current';
}

/**
 * What a board-facing answer says instead of a view's words or summary: why it is not available, what
 * changed since (noteSince), or, for a view shared "summary only", that its summary is not written yet
 * or is being rewritten at its author's request. Undefined when words or a summary are shown.
 */
export function noteFor(then: ViewRow | undefined, now: ViewRow | undefined): string | undefined {
  const availability = availabilityOf(then);
  if (availability !== 'available') return AVAILABILITY_NOTES[availability];
  const since = noteSince(then, now);
  if (since !== undefined) return since;
  if (sharedWords(then, now) !== undefined || sharedSummary(then, now) !== undefined) return undefined;
  if (now?.sharing !== 'summary-only' && then?.sharing !== 'summary-only') return undefined;
  return now?.summary_state === 'change-requested' ? SUMMARY_NOTES.changeRequested : SUMMARY_NOTES.none;
}

const SUMMARY_NOTES = {
  none: 'Shared as a summary only; no summary had been written for the board.',
  changeRequested:
    'Shared as a summary only; its author asked for the summary to be changed, so it is not shown until it is rewritten.',
} as const;

/** Why a view the board could read then shows no words now; undefined when nothing changed since. */
export function noteSince(then: ViewRow | undefined, now: ViewRow | undefined): string | undefined {
  if (availabilityOf(then) !== 'available') return undefined;
  const since = availabilityOf(now);
  if (since !== 'available' && since !== 'unknown' && since !== 'not-yet-accepted') return SINCE_NOTES[since];
  if (then?.sharing !== 'summary-only' && now?.sharing === 'summary-only') return SINCE_NOTES.narrowed;
  return undefined;
}

const SINCE_NOTES = {
  withdrawn: 'Its author has since withdrawn it: its words are no longer shown.',
  erased: 'Since erased at its author’s request: its words are no longer shown.',
  withheld: 'Since withheld for safeguarding: its words are no longer shown.',
  declined: 'Since declined by moderation: its words are no longer shown.',
  narrowed: 'Its author has since chosen to share a summary only: its words are no longer shown.',
} as const;

/**
 * The views' rows as they stand now, by contribution id: from the live tables, whatever moment the rest of
 * the answer is read at. Reading now, the rows already read serve.
 */
export async function viewsNow(
  tables: InsightTables,
  tenantId: string,
  ids: readonly string[],
  then: ReadonlyMap<string, ViewRow>,
): Promise<ReadonlyMap<string, ViewRow>> {
  if (tables.live === undefined) return then;
  if (tables.live === null || ids.length === 0) return new Map();
  const live = tables.live;
  const raw = await live.db
    .createQueryBuilder()
    .select('*')
    .from(live.t[VIEWS.name]!, 'v')
    .where('v.tenant_id = :tenantId AND v.contribution_id IN (:...ids)', { tenantId, ids: [...new Set(ids)] })
    .getRawMany<Record<string, unknown>>();
  return new Map(raw.map((r) => decodeRow(VIEWS, r)).map((row) => [row.contribution_id, row]));
}
