import type { Row } from '#event-store';

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

/** The view's words as its author allowed them to be shared: none for "summary only" or if unavailable. */
export function sharedWords(view: Row | undefined): string | undefined {
  if (!view || availabilityOf(view) !== 'available' || view.sharing === 'summary-only') return undefined;
  return typeof view.words === 'string' ? view.words : undefined;
}
