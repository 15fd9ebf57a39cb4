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
    if (entry.decisions?.length) article.append(decided(entry.decisions));
    article.dataset.themes = entry.themes.join(' ');
    list.append(article);
  }
  offerThemes(entries);
} catch {
  status.replaceChildren(element('p', undefined, 'Sorry, we could not load this page. Please try again later.'));
}

function quote(words) {
  const block = element('blockquote');
  block.append(element('p', undefined, words));
  return block;
}

// Each "we did" links to the decision it points to and how the things the board asked for are going.
function decided(decisions) {
  const section = element('div', 'we-did-decisions');
  section.append(element('h4', undefined, 'What the board decided, and what has been done'));
  const items = element('ul', 'plain-list');
  for (const decision of decisions) {
    const item = element('li');
    const link = element('a', undefined, decision.resolution);
    link.href = `/boards/${board}/you-said-we-did/decisions/${encodeURIComponent(decision.decisionId)}`;
    item.append(link);
    item.append(element('p', 'hint', `Decided on ${formatDate(decision.decidedAt)}. ${decision.actions.words}`));
    if (decision.statusWords) item.append(element('p', 'hint', decision.statusWords));
    items.append(item);
  }
  section.append(items);
  return section;
}

// "You said, we did" by theme: show only the answers to what young people said about one theme.
function offerThemes(entries) {
  const themes = [...new Set(entries.flatMap((entry) => entry.themes))].sort((a, b) =>
    themeWords(a).localeCompare(themeWords(b)),
  );
  if (themes.length < 2) return;
  const select = document.getElementById('theme');
  for (const theme of themes) {
    const option = element('option', undefined, themeWords(theme));
    option.value = theme;
    select.append(option);
  }
  document.getElementById('theme-filter').hidden = false;
  select.addEventListener('change', () => {
    let shown = 0;
    for (const article of list.querySelectorAll('article')) {
      const visible = !select.value || article.dataset.themes.split(' ').includes(select.value);
      article.hidden = !visible;
      if (visible) shown += 1;
    }
    const about = select.value ? ` about ${themeWords(select.value)}` : '';
    status.replaceChildren(
      element(
        'p',
        undefined,
        shown === 1 ? `1 answer from the board${about}.` : `${shown} answers from the board${about}.`,
      ),
    );
  });
}
