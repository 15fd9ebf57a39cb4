import { ON_BEHALF_CHANNELS, type Channel } from './contribution.values.js';

// What a young person is told about getting help, in words they can act on. Most authors are
// anonymous: nobody knows who they are, so nobody can "be in touch". They are told what they can do
// now, and never that a worker will contact them. The same words whatever the screen made of their
// view: nothing here may tell that a view was withheld.

export const CHILDLINE = '0800 1111';
export const EMERGENCY = '999';

/** Who to ask for help now: Childline, 999, a trusted adult, and the council's number if the board gave one. */
export interface HelpNow {
  readonly childline: string;
  readonly emergency: string;
  /** The council's number, when the board has set one (voice settings). */
  readonly councilPhone?: string;
  /** All of it in one paragraph of plain words. */
  readonly words: string;
}

export function helpNow(councilPhone?: string): HelpNow {
  const council = councilPhone ? ` You can also call the council on ${councilPhone}.` : '';
  return {
    childline: CHILDLINE,
    emergency: EMERGENCY,
    ...(councilPhone ? { councilPhone } : {}),
    words:
      `If you need help now, call Childline free on ${CHILDLINE}, day or night. ` +
      `If you are in danger now, call ${EMERGENCY}. ` +
      `You can also talk to an adult you trust, like a carer, a teacher or your social worker.${council}`,
  };
}

/** Whether someone who knows the young person typed the view in for them (an advocate or a worker). */
export function givenWithHelp(channel: string | undefined): boolean {
  return channel !== undefined && ON_BEHALF_CHANNELS.includes(channel as Channel);
}

// What the author cannot be promised, said once: we do not know who they are.
const NOBODY_KNOWS = 'We do not know who you are, so we cannot contact you.';
const HELPER_KNOWS = 'The person who helped you give your view can help you too.';

/** The answer to a new view: the same for every view, whatever the screen made of it. */
export function whatHappensNextForNewView(councilPhone?: string, channel: Channel = 'online'): string {
  return [
    'Thank you. We have your view.',
    'Keep your receipt code safe: it is the only way to see what happens to your view.',
    'A worker reads every view.',
    'Come back with your code to check on it, answer a question, change how it is shared or take it back.',
    givenWithHelp(channel) ? HELPER_KNOWS : NOBODY_KNOWS,
    helpNow(councilPhone).words,
  ].join(' ');
}

/** After a worker has read a view that will not go to the board. */
export function whatHappensNextAfterReview(councilPhone: string | undefined, channel: string | undefined): string {
  return [
    'A worker has read your view. It will not go to the board.',
    givenWithHelp(channel) ? HELPER_KNOWS : NOBODY_KNOWS,
    helpNow(councilPhone).words,
    'You can come back with your code at any time.',
  ].join(' ');
}
