// The three sharing choices say the same words everywhere: the young person's form (give a view, check
// my view), the moderator's screen and the board's pages. One map holds them (libs/voice contracts); the
// browser's copy and the static pages must match it word for word.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARING_ALWAYS, SHARING_EXPLAINED } from '#voice';
import * as browser from '../public/assets/sharing.js';

const PUBLIC = join(process.cwd(), 'apps', 'web', 'public');
const page = (file: string) => readFileSync(join(PUBLIC, file), 'utf8');

describe('the sharing choices, explained the same way everywhere', () => {
  it('keeps the browser’s copy equal to the map', () => {
    expect(browser.SHARING_EXPLAINED).toEqual(SHARING_EXPLAINED);
    expect(browser.SHARING_ALWAYS).toBe(SHARING_ALWAYS);
  });

  it('offers each choice on the give-a-view page (its English catalogue) with its exact words', () => {
    const english = JSON.parse(readFileSync(join(process.cwd(), 'apps', 'web', 'src', 'locales', 'en.json'), 'utf8'));
    expect(english.give.sharingAlways).toBe(SHARING_ALWAYS);
    for (const [value, explained] of Object.entries(SHARING_EXPLAINED)) {
      expect(english.give.sharing[value].choice).toBe(explained.choice);
      expect(english.give.sharing[value].hint).toBe(
        `<p>${explained.board}</p><p>${explained.public}</p><p>${explained.author}</p>`,
      );
    }
  });

  it.each(['check.html'])('offers each choice in %s with its exact words', (file) => {
    const html = page(file);
    expect(html).toContain(`<p class="hint" id="sharing-always">${SHARING_ALWAYS}</p>`);
    for (const [value, explained] of Object.entries(SHARING_EXPLAINED)) {
      expect(html).toContain(`<label for="sharing-${value}">${explained.choice}</label>`);
      const hint = new RegExp(`id="sharing-${value}-hint">([\\s\\S]*?)</div>`).exec(html)?.[1];
      expect(hint).toBe(`<p>${explained.board}</p><p>${explained.public}</p><p>${explained.author}</p>`);
    }
  });

  it('says nothing false about "summary only" any more', () => {
    for (const file of ['check.html']) {
      expect(page(file)).not.toContain('Other people only see a short summary');
    }
  });

  it('is what the moderator’s screen, the meeting console and the check page use', () => {
    for (const file of ['staff-moderation.js', 'staff-meeting.js', 'check.js']) {
      expect(page(join('assets', file))).toContain("from './sharing.js'");
    }
  });
});
