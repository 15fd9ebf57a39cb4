import type { CitedViewState, CitedViewStatesReader } from '../../contracts/contribution-citability.js';
import type { CitationView } from './decisions-register.dto.js';

export type RecordedCitation = Pick<CitationView, 'contributionId' | 'influence' | 'rationale' | 'notTabledReason'>;

/** How a decision shows a view it cited that is no longer before the board (the issue's own words). */
export const CITATION_NOTES: Readonly<Record<Exclude<CitationView['state'], 'current'>, string>> = {
  withdrawn: 'a view later withdrawn by its author',
  erased: 'a view later erased',
  withheld: 'a view since withheld from the board',
};

// A view the voice context does not know (or no voice context at all) stands as it was recorded.
const toState = (state: CitedViewState | undefined): CitationView['state'] =>
  state === undefined || state === 'unknown' ? 'current' : state;

/**
 * The citations as recorded, each marked with what became of its view since. The record itself never
 * changes (decisions are not rewritten); the mark is read at query time from the voice context.
 */
export async function citationsNow(
  tenantId: string,
  recorded: readonly RecordedCitation[],
  reader: CitedViewStatesReader | undefined,
): Promise<CitationView[]> {
  const states =
    reader && recorded.length > 0
      ? new Map(
          (
            await reader.states(
              tenantId,
              recorded.map((c) => c.contributionId),
            )
          ).map((s) => [s.contributionId, s.state]),
        )
      : new Map<string, CitedViewState>();
  return recorded.map(({ contributionId, influence, rationale, notTabledReason }) => {
    const state = toState(states.get(contributionId));
    const cited = {
      contributionId,
      influence,
      rationale,
      ...(notTabledReason === undefined ? {} : { notTabledReason }),
    };
    return state === 'current' ? { ...cited, state } : { ...cited, state, note: CITATION_NOTES[state] };
  });
}
