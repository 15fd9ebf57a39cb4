/* global document, location */
import { apiGet } from './api.js';
import { boardFromPath, boardName, element, formatDate, linkBoardPages } from './page.js';

// One decision a "we did" points to: what the board decided and how each thing it asked for is going,
// with every update and its date. The board's slug and the decision's id are the only things in the
// address: no view, author or code.

const board = boardFromPath();
const decisionId = decodeURIComponent(location.pathname.split('/').filter(Boolean).at(-1) ?? '');
const status = document.getElementById('status');
linkBoardPages(board);
document.title = `What the board decided: ${boardName(board)}`;

function dated(tag, words, at) {
  const node = element(tag);
  node.append(element('span', undefined, words));
  const time = element('time', 'when', ` ${formatDate(at)}`);
  time.dateTime = at;
  node.append(time);
  return node;
}

function showAction(action) {
  const item = element('li');
  item.append(element('h3', undefined, action.description));
  item.append(element('p', `status status-${action.status}`, action.statusWords));
  if (action.updates.length) {
    const updates = element('ul', 'updates');
    for (const update of action.updates) updates.append(dated('li', update.words, update.at));
    item.append(updates);
  }
  return item;
}

try {
  const decision = await apiGet(`/api/public/boards/${board}/decisions/${encodeURIComponent(decisionId)}`);
  const where = decision.meeting ? ` at the meeting “${decision.meeting.title}”` : '';
  document.getElementById('decided-when').textContent = `Decided on ${formatDate(decision.decidedAt)}${where}.`;
  document.getElementById('resolution').textContent = decision.resolution;
  document.getElementById('changed-since').textContent = decision.statusWords ?? '';
  document.getElementById('progress').textContent = decision.progress.words;
  document.getElementById('actions').replaceChildren(...decision.actions.map(showAction));
  document.getElementById('answers').replaceChildren(
    ...decision.answers.map((answer) => {
      const item = element('li');
      item.append(dated('p', 'Sent on', answer.givenAt));
      const quote = element('blockquote');
      quote.append(element('p', undefined, answer.text));
      item.append(quote);
      return item;
    }),
  );
  status.replaceChildren();
  document.getElementById('decision').hidden = false;
} catch {
  status.replaceChildren(
    element('p', undefined, 'Sorry, we could not find this decision. It may not be on this board’s page.'),
  );
}
