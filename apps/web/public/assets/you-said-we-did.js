/* global document */
import { apiGet } from './api.js';
import { boardFromPath, boardName, element, formatDate, linkBoardPages } from './page.js';
import { themeWords } from './themes.js';

const board = boardFromPath();
const status = document.getElementById('status');
const list = document.getElementById('entries');
document.title = `You said, we did: ${boardName(board)}`;
document.getElementById('page-title').textContent = `You said, we did: ${boardName(board)}`;
linkBoardPages(board);

try {
  const answer = await apiGet(`/api/public/boards/${board}/you-said-we-did`);
  const entries = answer.entries ?? [];
  const summary =
    entries.length === 0
      ? 'The board has not answered any views yet.'
      : entries.length === 1
        ? '1 answer from the board.'
        : `${entries.length} answers from the board, newest first.`;
  status.replaceChildren(element('p', undefined, summary));
  for (const entry of entries) {
    const article = element('article', 'entry');
    const heading = element('h2', undefined, `${formatDate(entry.givenAt)}`);
    article.append(heading);
    const said = element('h3', undefined, 'You said');
    article.append(said);
    if (entry.shared.length) {
      for (const view of entry.shared) article.append(quote(view.words));
    }
    const people = entry.views === 1 ? '1 young person' : `${entry.views} young people`;
    article.append(
      element(
        'p',
        undefined,
        entry.themes.length
          ? `${people} told us about: ${entry.themes.map(themeWords).join(', ')}.`
          : `${people} told us what they think.`,
      ),
    );
    article.append(element('h3', undefined, 'We did'), element('p', undefined, entry.text));
    list.append(article);
  }
} catch {
  status.replaceChildren(element('p', undefined, 'Sorry, we could not load this page. Please try again later.'));
}

function quote(words) {
  const block = element('blockquote');
  block.append(element('p', undefined, words));
  return block;
}
