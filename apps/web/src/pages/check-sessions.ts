import { randomBytes } from 'node:crypto';
import { LruObject } from 'toad-cache';

// "Check my view" keeps the receipt code here once it has opened a view, keyed by a random id in an
// HttpOnly, SameSite=Strict cookie scoped to /check: the code is typed once, posted once, and never
// put in an address or a redirect (docs/adr/0022-young-peoples-pages-govuk-frontend.md). Memory only:
// never written to disk, never logged. Shorter-lived than a draft: a code left open on a shared phone
// should not stay usable long after the child has walked away.

export const CHECK_SESSION_MINUTES = 20;
/** The most sessions held at once; the oldest goes first. Bounds what a flood of sessions can cost. */
const MAX_SESSIONS = 10_000;

/** What the next GET shows once (post/redirect/get): catalogue keys, never a young person's words. */
export interface CheckFlash {
  readonly errors?: readonly { readonly field: string; readonly message: string }[];
  readonly done?: string;
}

export interface CheckSession {
  /** Set only once the code has opened a view: a wrong code is never kept. */
  readonly code?: string;
  /** What was typed in a field that failed (a wrong code, an answer too long), to show it again. */
  readonly typed?: Readonly<Record<string, string>>;
  readonly flash?: CheckFlash;
}

export class CheckSessionStore {
  private readonly sessions = new LruObject<CheckSession>(MAX_SESSIONS, CHECK_SESSION_MINUTES * 60_000);

  /** An unguessable id (256 bits): guessing an id would be an easier way in than guessing a code. */
  newId(): string {
    return randomBytes(32).toString('base64url');
  }

  get(id: string | undefined): CheckSession | undefined {
    return id === undefined ? undefined : (this.sessions.get(id) ?? undefined);
  }

  set(id: string, session: CheckSession): void {
    this.sessions.set(id, session);
  }

  delete(id: string): void {
    this.sessions.delete(id);
  }
}
