// The three sharing choices say the same words everywhere: the young person's form (give a view, check
// my view), the moderator's screen and the board's pages. One map holds them (libs/voice contracts); the
// browser's copy (for the staff pages) and the young people's catalogue must match it word for word.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARING_ALWAYS, SHARING_EXPLAINED } from '#voice';
import * as browser from '../public/assets/sharing.js';

const PUBLIC = join(process.cwd(), 'apps', 'web', 'public');
const VIEWS = join(process.cwd(), 'apps', 'web', 'src', 'views');
const LOCALES = join(process.cwd(), 'apps', 'web', 'src', 'locales');
/** The English catalogue, as JSON. */
const english = () => JSON.parse(readFileSync(join(LOCALES, 'en.json'), 'utf8'));
const page = (file: string) => readFileSync(join(PUBLIC, file), 'utf8');

describe('the sharing choices, explained the same way everywhere', () => {
  it('keeps the browser’s copy equal to the map', () => {
    expect(browser.SHARING_EXPLAINED).toEqual(SHARING_EXPLAINED);
    expect(browser.SHARING_ALWAYS).toBe(SHARING_ALWAYS);
  });

  it('offers each choice on the give-a-view page (its English catalogue) with its exact words', () => {
    expect(english().give.sharingAlways).toBe(SHARING_ALWAYS);
    for (const [value, explained] of Object.entries(SHARING_EXPLAINED)) {
      expect(english().give.sharing[value].choice).toBe(explained.choice);
      expect(english().give.sharing[value].hint).toBe(
        `<p>${explained.board}</p><p>${explained.public}</p><p>${explained.author}</p>`,
      );
    }
  });

  it('offers each choice on the check my view page with the same catalogue words as give a view', () => {
    const template = readFileSync(join(VIEWS, 'check-view.njk'), 'utf8');
    // The radios are the give-a-view page's own (checked above), and the line under them is SHARING_ALWAYS.
    expect(template).toContain("text: t('give.sharing.' + choice + '.choice')");
    expect(template).toContain("hint: { html: t('give.sharing.' + choice + '.hint') }");
    expect(english().myView.sharingHint).toBe(SHARING_ALWAYS);
    // The summary's author is told what the board reads of it in the map's words.
    expect(english().myView.summaryWho.board).toBe(SHARING_EXPLAINED['summary-only'].board);
  });

  it('says nothing false about "summary only" any more', () => {
    for (const file of [join(VIEWS, 'check-view.njk'), join(LOCALES, 'en.json')]) {
      expect(readFileSync(file, 'utf8')).not.toContain('Other people only see a short summary');
    }
  });

  it('is what the moderator’s screen and the meeting console use', () => {
    for (const file of ['staff-moderation.js', 'staff-meeting.js']) {
      expect(page(join('assets', file))).toContain("from './sharing.js'");
    }
  });
});
