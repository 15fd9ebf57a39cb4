import { decodeRow, tableOf, type Row } from '#event-store';
import { anonymise } from '#voice';
import type { InsightTables } from '../as-at/read-models-at.js';
import { VIEWS, voiceInfluenceProjection } from '../read-models/voice-influence.projection.js';

/** Where a cited or counted view stands, as the board may know it. */
export type ViewAvailability = 'available' | 'withdrawn' | 'erased' | 'withheld' | 'not-yet-accepted' | 'unknown';

export const AVAILABILITY_NOTES: Record<Exclude<ViewAvailability, 'available'>, string> = {
  withdrawn: 'A view later withdrawn by its author.',
  erased: 'A view since erased at its author’s request.',
  withheld: 'A view withheld for safeguarding.',
  'not-yet-accepted': 'A view not yet accepted by moderation.',
  unknown: 'A view this board has no record of.',
};

export function availabilityOf(view: Row | undefined): ViewAvailability {
  if (!view) return 'unknown';
  switch (view.state) {
    case 'accepted':
      return 'available';
    case 'withdrawn':
    case 'erased':
    case 'withheld':
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
export function sharedWords(then: Row | undefined, now: Row | undefined): string | undefined {
  if (!shareable(then) || !shareable(now) || typeof now!.words !== 'string') return undefined;
  const anonymised = then!.sharing === 'anonymised' || now!.sharing === 'anonymised';
  return anonymised ? anonymise(now!.words).text : now!.words;
}

function shareable(view: Row | undefined): boolean {
  return !!view && availabilityOf(view) === 'available' && view.sharing !== 'summary-only';
}

/** Why a view the board could read then shows no words now; undefined when nothing changed since. */
export function noteSince(then: Row | undefined, now: Row | undefined): string | undefined {
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
  then: ReadonlyMap<string, Row>,
): Promise<ReadonlyMap<string, Row>> {
  if (tables.live === undefined) return then;
  if (tables.live === null || ids.length === 0) return new Map();
  const live = tables.live;
  const raw = await live.db
    .createQueryBuilder()
    .select('*')
    .from(live.t[VIEWS]!, 'v')
    .where('v.tenant_id = :tenantId AND v.contribution_id IN (:...ids)', { tenantId, ids: [...new Set(ids)] })
    .getRawMany<Record<string, unknown>>();
  const table = tableOf(voiceInfluenceProjection, VIEWS);
  return new Map(raw.map((r) => decodeRow(table, r)).map((row) => [String(row.contribution_id), row]));
}
