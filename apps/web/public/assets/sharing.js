// What each sharing choice means, word for word as the young person is told it: on their form, on the
// moderator's screen and on the board's pages. The browser's copy of SHARING_EXPLAINED in
// libs/voice/src/contracts/sharing-explained.ts; apps/web/src/sharing-explained.spec.ts keeps the two
// (and the pages' own words) the same.

export const SHARING_ALWAYS = 'A worker reads your own words first, whatever you choose.';

export const SHARING_EXPLAINED = {
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
