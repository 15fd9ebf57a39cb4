/* global document */
import { element, formatDate } from './page.js';

// "Check my view": the child's side of the loop, from the check answer (POST /api/public/views/check).
// What you said, what the board reads, what your view changed (each decision, how much your view
// weighed and why, what the board asked to be done and how it is going), every answer with its date,
// and who can help now. Plain words come from the API; this only lays them out.

function dated(tag, words, at) {
  const node = element(tag);
  node.append(element('span', undefined, words));
  if (at) {
    const time = element('time', 'when', ` ${formatDate(at)}`);
    time.dateTime = at;
    node.append(time);
  }
  return node;
}

function quote(words, id) {
  const block = element('blockquote');
  const text = element('p', undefined, words);
  if (id) text.id = id;
  block.append(text);
  return block;
}

function showYourView(answer) {
  const section = document.getElementById('your-view');
  section.hidden = !answer.yourWords;
  document.getElementById('your-words').textContent = answer.yourWords ?? '';
  document.getElementById('given-at').replaceChildren(dated('span', 'You sent it on', answer.givenAt));
  const replies = document.getElementById('your-replies');
  replies.replaceChildren(
    ...(answer.yourReplies ?? []).map((reply) => {
      const item = element('li');
      item.append(dated('p', 'You answered a question on', reply.at), quote(reply.text));
      return item;
    }),
  );
  document.getElementById('your-replies-title').hidden = !(answer.yourReplies ?? []).length;
  const sees = answer.boardSees;
  document.getElementById('board-sees').hidden = !sees;
  document.getElementById('board-sees-explanation').textContent = sees?.explanation ?? '';
  // A summary has its own section below, where its author says if it is right: it is not shown twice.
  const shown = sees?.kind === 'summary' ? undefined : sees?.words;
  const words = document.getElementById('board-sees-words');
  words.hidden = !shown;
  words.replaceChildren(...(shown ? [element('p', undefined, shown)] : []));
}

function showAction(action) {
  const item = element('li', 'action');
  item.append(element('h4', undefined, action.description));
  item.append(element('p', `status status-${action.status}`, action.statusWords));
  if (action.updates.length) {
    const updates = element('ul', 'updates');
    for (const update of action.updates) updates.append(dated('li', update.words, update.at));
    item.append(updates);
  }
  return item;
}

function showDecision(decision) {
  const article = element('article', 'entry decision');
  const heading = decision.meeting
    ? `The board’s decision on ${formatDate(decision.decidedAt)}, at “${decision.meeting.title}”`
    : `The board’s decision on ${formatDate(decision.decidedAt)}`;
  article.append(element('h3', undefined, heading));
  if (decision.influenceWords) article.append(element('p', 'influence', decision.influenceWords));
  if (decision.why) {
    article.append(element('p', undefined, 'Why, in the words of the board’s chair:'), quote(decision.why));
  }
  if (decision.private) {
    article.append(
      element(
        'p',
        undefined,
        'The board made this decision in private, so we cannot show what it says here. The board’s answer tells you what it means for you.',
      ),
    );
  } else {
    article.append(element('p', undefined, 'What the board decided:'), quote(decision.resolution));
  }
  if (decision.statusWords) article.append(element('p', undefined, decision.statusWords));
  if (decision.actions.length) {
    article.append(element('p', undefined, 'What the board asked to be done:'));
    const list = element('ul', 'actions');
    for (const action of decision.actions) list.append(showAction(action));
    article.append(list);
  }
  return article;
}

function showChanges(answer) {
  const decisions = answer.decisions ?? [];
  document.getElementById('changed').hidden = decisions.length === 0;
  document.getElementById('decisions').replaceChildren(...decisions.map(showDecision));
}

function showAnswers(answer) {
  const answers = answer.answers ?? [];
  const latest = answers[0];
  document
    .getElementById('feedback-when')
    .replaceChildren(
      ...(latest ? [dated('span', answers.length > 1 ? 'The newest answer, sent on' : 'Sent on', latest.at)] : []),
    );
  const earlier = answers.slice(1);
  document.getElementById('earlier-answers').hidden = earlier.length === 0;
  document.getElementById('earlier-answers-list').replaceChildren(
    ...earlier.map((previous) => {
      const item = element('li');
      item.append(dated('p', 'Sent on', previous.at), quote(previous.text));
      return item;
    }),
  );
}

function showHelp(answer) {
  const help = answer.help;
  document.getElementById('help').hidden = !help;
  document.getElementById('help-words').textContent = help?.words ?? '';
}

/** Fills the loop's sections from a check answer (every part is optional: older answers lack them). */
export function showLoop(answer) {
  showYourView(answer);
  showChanges(answer);
  showAnswers(answer);
  showHelp(answer);
}
