import type { Sharing } from '../domain/index.js';

/** What one sharing choice means for each person who may see the view, in the young person's words. */
export interface SharingExplained {
  /** The choice, as the young person's form offers it. */
  readonly choice: string;
  /** What the board reads. */
  readonly board: string;
  /** What the public "You said, we did" page shows. */
  readonly public: string;
  /** What the young person who gave the view sees with their receipt code. */
  readonly author: string;
}

/** True whatever the choice: a person reads every view before anyone else does. */
export const SHARING_ALWAYS = 'A worker reads your own words first, whatever you choose.';

/**
 * The one wording of the three sharing choices. The young person's form (give a view, check my view),
 * the moderator's screen and the board's pages say exactly these words, so everyone reads the same
 * promise; apps/web keeps a copy for the browser (public/assets/sharing.js), and a test checks the copy
 * and the pages against this map (apps/web/src/sharing-explained.spec.ts). Each sentence must stay true
 * of the routes: the board's reads (tabling, insight), the public "You said, we did" list and the check
 * by receipt code.
 */
export const SHARING_EXPLAINED: Readonly<Record<Sharing, SharingExplained>> = {
  'summary-only': {
    choice: 'A summary only',
    board: 'The board reads a short summary of your view, written by a worker. It never sees your own words.',
    public: 'The public “You said, we did” page does not show your words or the summary.',
    author: 'With your code you can read the summary, and say it is right or ask for it to be changed.',
  },
  anonymised: {
    choice: 'My words, with details about me taken out',
    board:
      'The board reads your words with names, nicknames, places, streets, schools, dates, usernames, phone numbers and emails taken out.',
    public: 'Once the board has answered, the public “You said, we did” page may show the same words.',
    author: 'A worker checks what was taken out before anyone else sees it. You can change this choice later.',
  },
  verbatim: {
    choice: 'My exact words',
    board: 'The board reads your exact words.',
    public: 'Once the board has answered, the public “You said, we did” page may show your exact words.',
    author: 'You can change this choice later.',
  },
};
