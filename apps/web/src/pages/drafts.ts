import { randomBytes } from 'node:crypto';
import { LruObject } from 'toad-cache';
import { CHECK_SESSION_MINUTES } from './check-sessions.js';

// A view being written lives here between "Continue" and "Send", keyed by a random id in a cookie
// (docs/adr/0022-young-peoples-pages-govuk-frontend.md says why here and not in the URL or hidden fields). Memory only:
// never written to disk, never logged; a draft not sent is gone after DRAFT_MINUTES or a restart.

export const DRAFT_MINUTES = 60;
/** The most drafts held at once; the oldest goes first. Bounds what a flood of drafts can cost. */
const MAX_DRAFTS = 10_000;

/** What a young person typed or chose on the give-a-view form, as the form names it. */
export interface ViewFields {
  readonly text: string;
  readonly about: string;
  readonly themes: readonly string[];
  readonly sharing: string;
  readonly ageBand: string;
  readonly careStatus: string;
  readonly inviteCode: string;
}

/** A field's problem, as a catalogue key (the page says it in the reader's language). */
export interface FieldError {
  readonly field: keyof ViewFields;
  readonly message: string;
}

export interface Draft {
  readonly board: string;
  readonly fields: ViewFields;
  /** Shown once, by the next GET of the form (post/redirect/get). */
  readonly errors: readonly FieldError[];
  /** The board asked for an invite code when this view was sent. */
  readonly needsInvite: boolean;
  /** Once sent: the words are dropped and only the receipt code is kept, to show on the confirmation. */
  readonly receiptCode?: string;
  /** When it was sent (ms): the code is shown for CHECK_SESSION_MINUTES after, no longer. */
  readonly sentAt?: number;
}

export const EMPTY_FIELDS: ViewFields = {
  text: '',
  about: '',
  themes: [],
  sharing: 'summary-only',
  ageBand: '',
  careStatus: '',
  inviteCode: '',
};

export class DraftStore {
  private readonly drafts = new LruObject<Draft>(MAX_DRAFTS, DRAFT_MINUTES * 60_000);

  /** An unguessable id (256 bits), so no one can read another child's draft by trying ids. */
  newId(): string {
    return randomBytes(32).toString('base64url');
  }

  get(id: string | undefined, board: string): Draft | undefined {
    if (id === undefined) return undefined;
    const draft = this.drafts.get(id) ?? undefined;
    // A code left open on a shared phone is not shown for longer than a "check my view" session lasts.
    if (draft?.sentAt !== undefined && Date.now() - draft.sentAt > CHECK_SESSION_MINUTES * 60_000) {
      this.drafts.delete(id);
      return undefined;
    }
    return draft?.board === board ? draft : undefined;
  }

  set(id: string, draft: Draft): void {
    this.drafts.set(id, draft);
  }

  delete(id: string): void {
    this.drafts.delete(id);
  }
}
